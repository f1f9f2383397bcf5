package io.capi4j.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The providers capi4j knows: those on the class path ({@link #load()}) or a given list ({@link #of}). */
public final class Providers {
  private final List<InfrastructureProvider> providers;

  private Providers(List<InfrastructureProvider> providers) {
    List<InfrastructureProvider> sorted = new ArrayList<>(providers);
    sorted.sort(Comparator.comparing(p -> p.descriptor().name()));
    this.providers = List.copyOf(sorted);
  }

  /** Every provider registered with {@link ServiceLoader} on the class path of this class's loader. */
  public static Providers load() {
    return load(Providers.class.getClassLoader());
  }

  /** Every provider registered with {@link ServiceLoader} for the given class loader. */
  public static Providers load(ClassLoader loader) {
    List<InfrastructureProvider> found = new ArrayList<>();
    ServiceLoader.load(InfrastructureProvider.class, loader).forEach(found::add);
    return new Providers(found);
  }

  /** Exactly these providers. */
  public static Providers of(List<? extends InfrastructureProvider> providers) {
    return new Providers(new ArrayList<>(providers));
  }

  /** No providers at all. */
  public static Providers none() {
    return new Providers(List.of());
  }

  /** All providers, sorted by name. */
  public List<InfrastructureProvider> all() {
    return providers;
  }

  /** The provider with this {@link ProviderDescriptor#name() name}. */
  public Optional<InfrastructureProvider> byName(String name) {
    return providers.stream().filter(p -> p.descriptor().name().equals(name)).findFirst();
  }

  /** The provider that owns a kind, by the kind-name prefixes of the descriptors. */
  public Optional<InfrastructureProvider> owning(String kind) {
    return providers.stream().filter(p -> p.descriptor().ownsKind(kind)).findFirst();
  }

  /** The kind support registered by any provider for this group/version/kind. */
  public Optional<KindSupport<?>> kind(GroupVersionKind gvk) {
    for (InfrastructureProvider p : providers) {
      for (KindSupport<?> k : p.kinds()) {
        if (k.gvk().equals(gvk)) {
          return Optional.of(k);
        }
      }
    }
    return Optional.empty();
  }

  /** Every kind support of every provider. */
  public List<KindSupport<?>> kinds() {
    List<KindSupport<?>> all = new ArrayList<>();
    providers.forEach(p -> all.addAll(p.kinds()));
    return all;
  }
}
