package io.capi4j.manifest;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.spi.GroupVersionKind;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.KindSupport;
import io.capi4j.spi.Providers;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.capi4j.webhooks.CoreKinds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which Java type and webhook each kind has: capi4j's own kinds first, then every provider's. It also decides
 * what happens to a kind nobody models: a kind in a group capi4j owns is an error (almost certainly a typo), any
 * other kind is kept as a generic object and reported as not validated.
 */
public final class KindRegistry {
  /** The API groups whose kinds capi4j itself defines. */
  public static final Set<String> OWNED_GROUPS = Set.of(Capi.GROUP, Capi.BOOTSTRAP_GROUP);

  /** Kinds upstream defines in capi4j's groups that capi4j reads as generic objects. */
  private static final Map<String, Set<String>> KNOWN_UNMODELLED =
      Map.of(Capi.GROUP, Set.of("ClusterClass", "MachineDrainRule"));

  private final Map<GroupVersionKind, KindSupport<?>> kinds = new LinkedHashMap<>();
  private final Providers providers;

  private KindRegistry(Providers providers) {
    this.providers = providers;
    for (KindSupport<?> k : CoreKinds.all()) {
      kinds.put(k.gvk(), k);
    }
    for (KindSupport<?> k : providers.kinds()) {
      kinds.putIfAbsent(k.gvk(), k);
    }
  }

  /** capi4j's kinds plus those of the given providers. */
  public static KindRegistry of(Providers providers) {
    return new KindRegistry(providers);
  }

  /** The providers behind this registry. */
  public Providers providers() {
    return providers;
  }

  /** The support for exactly this group, version and kind. */
  public Optional<KindSupport<?>> lookup(GroupVersionKind gvk) {
    return Optional.ofNullable(kinds.get(gvk));
  }

  /** All registered kinds. */
  public List<KindSupport<?>> all() {
    return List.copyOf(kinds.values());
  }

  /** How a document of this type is treated. */
  ManifestDocument.KindStatus status(GroupVersionKind gvk) {
    KindSupport<?> known = kinds.get(gvk);
    if (known != null) {
      return known.readOnly()
          ? new ManifestDocument.NotValidated("capi4j reads " + gvk.groupKind() + " but does not validate it")
          : new ManifestDocument.Modelled();
    }
    FieldPath kindPath = FieldPath.of("kind");
    if (OWNED_GROUPS.contains(gvk.group())) {
      List<GroupVersionKind> sameKind =
          kinds.keySet().stream().filter(k -> k.group().equals(gvk.group()) && k.kind().equals(gvk.kind())).toList();
      if (!sameKind.isEmpty()) {
        return new ManifestDocument.Invalid(
            FieldError.notSupported(
                FieldPath.of("apiVersion"), gvk.apiVersion(), sameKind.stream().map(GroupVersionKind::apiVersion).toList()));
      }
      if (KNOWN_UNMODELLED.getOrDefault(gvk.group(), Set.of()).contains(gvk.kind())) {
        return new ManifestDocument.NotValidated("capi4j does not model " + gvk.groupKind());
      }
      String detail = "unknown kind in group " + gvk.group();
      Optional<String> close = closest(gvk);
      if (close.isPresent()) {
        detail += " (did you mean " + close.get() + "?)";
      }
      return new ManifestDocument.Invalid(FieldError.invalid(kindPath, gvk.kind(), detail));
    }
    Optional<InfrastructureProvider> owner = providers.owning(gvk.kind());
    if (owner.isPresent() && !owner.get().descriptor().implemented()) {
      return new ManifestDocument.NotValidated(
          "no provider for " + groupKind(gvk) + " (" + owner.get().descriptor().displayName()
              + " is described but not implemented by capi4j)");
    }
    return new ManifestDocument.NotValidated("no provider for " + groupKind(gvk));
  }

  static String groupKind(GroupVersionKind gvk) {
    return gvk.group().isEmpty() ? "core/" + gvk.kind() : gvk.groupKind();
  }

  private Optional<String> closest(GroupVersionKind gvk) {
    List<String> candidates = new ArrayList<>();
    kinds.keySet().stream().filter(k -> k.group().equals(gvk.group())).forEach(k -> candidates.add(k.kind()));
    candidates.addAll(KNOWN_UNMODELLED.getOrDefault(gvk.group(), Set.of()));
    return candidates.stream()
        .map(c -> Map.entry(c, distance(c.toLowerCase(), gvk.kind().toLowerCase())))
        .filter(e -> e.getValue() <= Math.max(2, e.getKey().length() / 4))
        .min(Comparator.comparingInt(Map.Entry::getValue))
        .map(Map.Entry::getKey);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
