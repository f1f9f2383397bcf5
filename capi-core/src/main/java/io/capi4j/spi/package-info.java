/**
 * The provider SPI: how infrastructure providers plug into capi4j.
 *
 * <p>A provider module implements {@link io.capi4j.spi.InfrastructureProvider} and registers it in
 * {@code META-INF/services/io.capi4j.spi.InfrastructureProvider}; {@link io.capi4j.spi.Providers#load()} finds it
 * with {@link java.util.ServiceLoader}. Core never depends on a provider: it reads provider objects only through
 * the hooks and contract views defined here.
 */
@CapiStyle
package io.capi4j.spi;

import io.capi4j.CapiStyle;
