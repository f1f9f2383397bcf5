package io.capi4j.spi;

import java.util.Objects;

/** The type of a Kubernetes object: group, version and kind. The core group is {@code ""}. */
public record GroupVersionKind(String group, String version, String kind) {
  public GroupVersionKind {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
  }

  /** From a manifest's {@code apiVersion} ({@code group/version}, or {@code version} for the core group) and kind. */
  public static GroupVersionKind of(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    return slash < 0
        ? new GroupVersionKind("", apiVersion, kind)
        : new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
  }

  /** {@code group/version}, or {@code version} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code group/kind}, as error messages name a type, e.g. {@code infrastructure.cluster.x-k8s.io/AzureMachinePool}. */
  public String groupKind() {
    return group.isEmpty() ? kind : group + "/" + kind;
  }

  @Override
  public String toString() {
    return apiVersion() + ", Kind=" + kind;
  }
}
