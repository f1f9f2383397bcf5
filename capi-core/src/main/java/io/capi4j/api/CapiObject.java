package io.capi4j.api;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.Optional;

/**
 * A top-level Kubernetes object modelled by capi4j: it has a type ({@code apiVersion}, {@code kind}) and
 * {@code metadata}.
 *
 * <p>{@link #metadata()} is fabric8's {@link ObjectMeta}, which is a mutable class. capi4j never changes the
 * metadata of a value it was given; callers must not either. To change it, build a copy
 * ({@code new ObjectMetaBuilder(meta)...build()}) and use the value's {@code withMetadata}.
 */
public interface CapiObject extends UnknownFields {
  /** The {@code apiVersion}, e.g. {@code cluster.x-k8s.io/v1beta2}. */
  String apiVersion();

  /** The {@code kind}, e.g. {@code MachineDeployment}. */
  String kind();

  /** The object's metadata; never null. */
  ObjectMeta metadata();

  /** {@code metadata.name}, or {@code ""} when unset. */
  default String name() {
    return metadata().getName() == null ? "" : metadata().getName();
  }

  /** {@code metadata.namespace}, or {@code ""} when unset. */
  default String namespace() {
    return metadata().getNamespace() == null ? "" : metadata().getNamespace();
  }

  /** {@code metadata.labels}; never null (an empty map when unset). */
  default Map<String, String> labels() {
    return metadata().getLabels() == null ? Map.of() : metadata().getLabels();
  }

  /** {@code metadata.annotations}; never null (an empty map when unset). */
  default Map<String, String> annotations() {
    return metadata().getAnnotations() == null ? Map.of() : metadata().getAnnotations();
  }

  /** The value of the annotation {@code key}, if present. */
  default Optional<String> annotation(String key) {
    return Optional.ofNullable(annotations().get(key));
  }

  /** Whether {@code metadata.deletionTimestamp} is set. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  default boolean isDeleting() {
    String ts = metadata().getDeletionTimestamp();
    return ts != null && !ts.isEmpty();
  }

  /** {@code namespace/name}, or {@code name} when the namespace is empty, as Kubernetes logs print objects. */
  default String key() {
    return namespace().isEmpty() ? name() : namespace() + "/" + name();
  }
}
