package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The spec of a KubeadmConfig: how kubeadm joins a node, and what cloud-init (or Ignition) sets up around it.
 *
 * <p>Only what worker nodes use is modelled. {@code clusterConfiguration} and {@code initConfiguration} (control plane
 * only) are kept untouched in {@link #unknownFields()}. Upstream's CRD requires at least one property when the spec
 * is present (MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeadmConfigSpec.class)
@JsonDeserialize(as = ImmutableKubeadmConfigSpec.class)
public abstract class KubeadmConfigSpec implements UnknownFields, WithKubeadmConfigSpec {
  /** The kubeadm configuration for {@code kubeadm join}. */
  public abstract Optional<JoinConfiguration> joinConfiguration();

  /** Extra files written on the node. */
  public abstract List<File> files();

  /** Partition tables and file systems to create. */
  public abstract Optional<DiskSetup> diskSetup();

  /** Mount points; each entry is one cloud-init mount line (upstream {@code MountPoints}, a list of strings). */
  public abstract List<List<String>> mounts();

  /** cloud-init {@code bootcmd}: commands run very early on every boot; not supported with Ignition. */
  public abstract List<String> bootCommands();

  /** Commands run before kubeadm. */
  public abstract List<String> preKubeadmCommands();

  /** Commands run after kubeadm. */
  public abstract List<String> postKubeadmCommands();

  /** Extra users to create. */
  public abstract List<User> users();

  /** NTP configuration. */
  public abstract Optional<NTP> ntp();

  /**
   * {@code cloud-config} or {@code ignition}; empty means {@code cloud-config} (applied where the data is rendered,
   * not by a webhook, see {@link #effectiveFormat()}).
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String format() {
    return "";
  }

  /** kubeadm's log verbosity ({@code --v}). */
  public abstract Optional<Integer> verbosity();

  /** Ignition-specific configuration; only with {@code format: ignition}. */
  public abstract Optional<IgnitionSpec> ignition();

  /** {@code joinConfiguration}, or an empty one. */
  public JoinConfiguration joinConfigurationOrEmpty() {
    return joinConfiguration().orElse(JoinConfiguration.builder().build());
  }

  /** {@code diskSetup}, or an empty one. */
  public DiskSetup diskSetupOrEmpty() {
    return diskSetup().orElse(DiskSetup.builder().build());
  }

  /** {@link #format()}, or {@code cloud-config} when it is empty. */
  public String effectiveFormat() {
    return format().isEmpty() ? Kubeadm.FORMAT_CLOUD_CONFIG : format();
  }

  /** Whether {@code ignition} is defined (upstream's {@code Ignition.IsDefined()}: present and not empty). */
  @JsonIgnore
  public boolean isIgnitionDefined() {
    return ignition().map(IgnitionSpec::isDefined).orElse(false);
  }

  public static ImmutableKubeadmConfigSpec.Builder builder() {
    return ImmutableKubeadmConfigSpec.builder();
  }
}
