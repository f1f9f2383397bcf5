package io.capi4j.simulation;

import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Metadata of any object a simulated cluster holds: capi4j values (immutable; changed by their
 * {@code withMetadata}) and fabric8 resources (mutable; always copied before a change).
 */
public final class Meta {
  private static final Map<Class<?>, Method> WITH_METADATA = new ConcurrentHashMap<>();

  private Meta() {}

  public static String kind(Object o) {
    if (o instanceof CapiObject c) {
      return c.kind();
    }
    if (o instanceof HasMetadata h) {
      return h.getKind();
    }
    throw new IllegalArgumentException("not a Kubernetes object: " + o.getClass());
  }

  public static String apiVersion(Object o) {
    if (o instanceof CapiObject c) {
      return c.apiVersion();
    }
    if (o instanceof HasMetadata h) {
      return h.getApiVersion();
    }
    throw new IllegalArgumentException("not a Kubernetes object: " + o.getClass());
  }

  /** The object's metadata (never null). Do not change it. */
  public static ObjectMeta meta(Object o) {
    if (o instanceof CapiObject c) {
      return c.metadata();
    }
    if (o instanceof HasMetadata h) {
      return h.getMetadata() == null ? new ObjectMeta() : h.getMetadata();
    }
    throw new IllegalArgumentException("not a Kubernetes object: " + o.getClass());
  }

  /** A copy of the object whose metadata is changed by {@code change} (applied to a copy of the metadata). */
  @SuppressWarnings("unchecked")
  public static <T> T withMeta(T o, UnaryOperator<ObjectMetaBuilder> change) {
    ObjectMeta m = change.apply(new ObjectMetaBuilder(meta(o))).build();
    if (o instanceof CapiObject) {
      try {
        Method w = WITH_METADATA.computeIfAbsent(o.getClass(), c -> {
          try {
            return c.getMethod("withMetadata", ObjectMeta.class);
          } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(c + " has no withMetadata", e);
          }
        });
        return (T) w.invoke(o, m);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    HasMetadata copy = Copies.copy((HasMetadata) o);
    copy.setMetadata(m);
    return (T) copy;
  }

  /** The controller owner reference, if any. */
  public static java.util.Optional<OwnerReference> controller(Object o) {
    List<OwnerReference> refs = meta(o).getOwnerReferences();
    return refs == null ? java.util.Optional.empty()
        : refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** An owner reference to {@code owner}. */
  public static OwnerReference ownerRef(Object owner, boolean controller) {
    ObjectMeta m = meta(owner);
    return new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
        .withApiVersion(apiVersion(owner))
        .withKind(kind(owner))
        .withName(m.getName())
        .withUid(m.getUid())
        .withController(controller ? Boolean.TRUE : null)
        .withBlockOwnerDeletion(controller ? Boolean.TRUE : null)
        .build();
  }
}
