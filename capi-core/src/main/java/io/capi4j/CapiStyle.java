package io.capi4j;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of capi4j. Every value type in capi4j and its provider modules uses it, applied
 * on the package ({@code package-info.java}) or on the type.
 *
 * <p>Why each setting:
 *
 * <ul>
 *   <li>{@code overshadowImplementation}: builders and {@code with*} methods return the abstract type, so the
 *       generated {@code Immutable*} classes stay an implementation detail.
 *   <li>{@code depluralize}: list attributes get singular adders ({@code addMachine(...)}).
 *   <li>{@code optionalAcceptNullable}: builders accept {@code null} for an {@code Optional} attribute and
 *       store it as empty, which keeps Kubernetes' "pointer or nil" fields easy to copy.
 *   <li>{@code jdkOnly = false}: collections are Guava's immutable ones (Guava is a dependency anyway).
 *   <li>{@code visibility = PUBLIC}: the generated type is public so that Jackson and other modules can reach
 *       it, even though callers should not name it.
 *   <li>{@code defaults = @Value.Immutable(copy = true)}: every value has {@code with*} copy methods.
 * </ul>
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    overshadowImplementation = true,
    depluralize = true,
    optionalAcceptNullable = true,
    jdkOnly = false,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true))
public @interface CapiStyle {}
