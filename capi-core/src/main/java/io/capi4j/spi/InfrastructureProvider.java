package io.capi4j.spi;

import java.util.List;

/**
 * An infrastructure provider (Azure, AWS, Docker, ...). The only required method is {@link #descriptor()}; every
 * hook has a default that does nothing, so a provider implements what it supports.
 *
 * <p>Implementations must be stateless and thread-safe, and must be registered in
 * {@code META-INF/services/io.capi4j.spi.InfrastructureProvider}.
 */
public interface InfrastructureProvider {

  /** What this provider is and can do. */
  ProviderDescriptor descriptor();

  /** The kinds this provider decodes and admits (defaults and validates). */
  default List<KindSupport<?>> kinds() {
    return List.of();
  }
}
