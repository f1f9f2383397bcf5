package io.capi4j.spi;

import java.util.Objects;

/**
 * A kind that a module decodes and admits: its type, the Java class it decodes into, and its webhook.
 *
 * @param gvk the group, version and kind
 * @param type the Java class manifests of this kind decode into (a capi4j value type, or fabric8's
 *     {@code GenericKubernetesResource} for kinds read through contract accessors)
 * @param webhook defaulting and validation for the kind
 * @param readOnly true when the kind is decoded but not admitted (reported as not validated)
 */
public record KindSupport<T>(GroupVersionKind gvk, Class<T> type, Webhook<T> webhook, boolean readOnly) {
  public KindSupport {
    Objects.requireNonNull(gvk, "gvk");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(webhook, "webhook");
  }

  /** Support for {@code apiVersion}/{@code kind}, decoded into {@code type} and admitted by {@code webhook}. */
  public static <T> KindSupport<T> of(String apiVersion, String kind, Class<T> type, Webhook<T> webhook) {
    return new KindSupport<>(GroupVersionKind.of(apiVersion, kind), type, webhook, false);
  }

  /**
   * A kind that is decoded into {@code type} but not admitted: manifests of it are reported as not validated.
   * For kinds read by planners (e.g. the Cluster) whose webhook capi4j does not implement.
   */
  public static <T> KindSupport<T> readOnly(String apiVersion, String kind, Class<T> type) {
    return new KindSupport<>(GroupVersionKind.of(apiVersion, kind), type, (o, c) -> java.util.List.of(), true);
  }

  /** Runs this kind's admission on an object already known to be of {@link #type()}. */
  @SuppressWarnings("unchecked")
  public T cast(Object o) {
    return (T) type.cast(o);
  }
}
