package io.capi4j.simulation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Common ways to map a store change to the keys a controller reconciles. */
public final class Mappers {
  private Mappers() {}

  /** The changed object itself, when it is of one of these kinds. */
  public static Function<ObjectStore.Change, List<ObjectKey>> self(Set<String> kinds) {
    return c -> kinds.contains(c.key().kind()) ? List.of(c.key()) : List.of();
  }

  /** The changed object itself, when it is of this kind. */
  public static Function<ObjectStore.Change, List<ObjectKey>> self(String kind) {
    return self(Set.of(kind));
  }

  /** The controller owner of the changed object, when the owner is of {@code ownerKind}. */
  public static Function<ObjectStore.Change, List<ObjectKey>> controllerOwner(String ownerKind) {
    return c -> {
      Optional<Object> o = c.after().isPresent() ? c.after() : c.before();
      return o.flatMap(Meta::controller)
          .filter(r -> ownerKind.equals(r.getKind()))
          .map(r -> List.of(new ObjectKey(ownerKind, c.key().namespace(), r.getName())))
          .orElse(List.of());
    };
  }

  /** Several mappers at once. */
  @SafeVarargs
  public static Function<ObjectStore.Change, List<ObjectKey>> all(Function<ObjectStore.Change, List<ObjectKey>>... ms) {
    return c -> {
      java.util.LinkedHashSet<ObjectKey> keys = new java.util.LinkedHashSet<>();
      for (Function<ObjectStore.Change, List<ObjectKey>> m : ms) {
        keys.addAll(m.apply(c));
      }
      return List.copyOf(keys);
    };
  }
}
