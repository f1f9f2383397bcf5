package io.capi4j.machineset;

import io.capi4j.util.Semver;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A control plane object (any kind) read through the fields of the Cluster API control plane contract that the
 * MachineSet preflight checks use: {@code spec.version}, {@code status.version} and
 * {@code status.versions[].version} (upstream {@code internal/contract/controlplane.go}).
 *
 * <p>The wrapped object is never modified.
 */
public final class ControlPlaneView {
  private final GenericKubernetesResource object;

  private ControlPlaneView(GenericKubernetesResource object) {
    this.object = Objects.requireNonNull(object, "object");
  }

  /** A view of this control plane object. */
  public static ControlPlaneView of(GenericKubernetesResource object) {
    return new ControlPlaneView(object);
  }

  public String kind() {
    return object.getKind() == null ? "" : object.getKind();
  }

  public String name() {
    return object.getMetadata() == null || object.getMetadata().getName() == null ? "" : object.getMetadata().getName();
  }

  public String namespace() {
    return object.getMetadata() == null || object.getMetadata().getNamespace() == null
        ? ""
        : object.getMetadata().getNamespace();
  }

  /** {@code namespace/name}, as {@code klog.KRef} prints it. */
  public String ref() {
    return namespace().isEmpty() ? name() : namespace() + "/" + name();
  }

  /**
   * {@code spec.version}: empty when the field is missing.
   *
   * @throws IllegalArgumentException when the field is not a string
   */
  public Optional<String> specVersion() {
    return stringField("spec", "version");
  }

  /**
   * {@code status.version}: empty when the field is missing.
   *
   * @throws IllegalArgumentException when the field is not a string
   */
  public Optional<String> statusVersion() {
    return stringField("status", "version");
  }

  /**
   * {@code status.versions[].version}, in order; empty when the list is missing.
   *
   * @throws IllegalArgumentException when the list or an entry is malformed
   */
  public List<String> statusVersions() {
    Object status = object.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> sm) || !sm.containsKey("versions") || sm.get("versions") == null) {
      return List.of();
    }
    if (!(sm.get("versions") instanceof List<?> list)) {
      throw new IllegalArgumentException("failed to get control plane status versions: status.versions is not a list");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> entry) || !(entry.get("version") instanceof String v)) {
        throw new IllegalArgumentException(
            "failed to get control plane status versions: status.versions[].version is not a string");
      }
      out.add(v);
    }
    return out;
  }

  /**
   * Whether the control plane is being created: its first status version ({@code status.versions[0].version}, or
   * {@code status.version} when there is no list) is missing or empty.
   */
  public boolean isProvisioning() {
    List<String> versions = statusVersions();
    if (!versions.isEmpty()) {
      return versions.get(0).isEmpty();
    }
    return statusVersion().map(String::isEmpty).orElse(true);
  }

  /**
   * Whether the control plane is upgrading: a status version is older than {@code spec.version} (build metadata
   * counts). Without any status version it is not upgrading.
   *
   * @throws IllegalArgumentException when a version is missing where required or cannot be parsed
   */
  public boolean isUpgrading() {
    String spec =
        specVersion()
            .orElseThrow(() -> new IllegalArgumentException("failed to get control plane spec version: not found"));
    Semver specV =
        Semver.parseTolerant(spec)
            .orElseThrow(() -> new IllegalArgumentException("failed to parse control plane spec version " + quote(spec)));
    List<String> versions = statusVersions();
    if (versions.isEmpty()) {
      Optional<String> status = statusVersion();
      if (status.isEmpty()) {
        return false;
      }
      versions = List.of(status.get());
    }
    for (String v : versions) {
      Semver sv =
          Semver.parseTolerant(v)
              .orElseThrow(() -> new IllegalArgumentException("failed to parse control plane status version " + quote(v)));
      if (Versions.compareWithBuildTags(specV, sv) > 0) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> stringField(String parent, String field) {
    Object p = object.getAdditionalProperties().get(parent);
    if (!(p instanceof Map<?, ?> m) || !m.containsKey(field) || m.get(field) == null) {
      return Optional.empty();
    }
    if (!(m.get(field) instanceof String s)) {
      throw new IllegalArgumentException(parent + "." + field + " is not a string");
    }
    return Optional.of(s);
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
