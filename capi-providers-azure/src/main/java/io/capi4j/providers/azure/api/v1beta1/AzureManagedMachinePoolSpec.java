package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code spec} of an AzureManagedMachinePool ({@code AzureManagedMachinePoolClassSpec} inline). {@code taints}, {@code spotMaxPrice} and {@code additionalTags} stay in the unknown fields.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureManagedMachinePoolSpec.class)
@JsonDeserialize(as = ImmutableAzureManagedMachinePoolSpec.class)
public abstract class AzureManagedMachinePoolSpec implements UnknownFields, WithAzureManagedMachinePoolSpec {
  /** The AKS agent pool name; defaulted to {@code metadata.name}. Immutable. */
  public abstract Optional<String> name();

  /** {@code System} or {@code User}; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String mode() {
    return "";
  }

  /** The VM size; required, immutable. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String sku() {
    return "";
  }

  /** Immutable. */
  public abstract Optional<Integer> osDiskSizeGB();

  /** Immutable, compared ignoring order. */
  public abstract List<String> availabilityZones();

  /** Labels of the nodes; keys may not start with {@code kubernetes.azure.com}. */
  public abstract Map<String, String> nodeLabels();

  /** Present means autoscaling on. */
  public abstract Optional<ManagedMachinePoolScaling> scaling();

  /** 10..250, immutable. */
  public abstract Optional<Integer> maxPods();

  /** Kubelet settings; immutable. */
  public abstract Optional<KubeletConfig> kubeletConfig();

  /** Linux OS settings; immutable. */
  public abstract Optional<LinuxOSConfig> linuxOSConfig();

  /** {@code Managed} (CRD default) or {@code Ephemeral}; immutable. */
  public abstract Optional<String> osDiskType();

  /** Immutable. */
  public abstract Optional<Boolean> enableUltraSSD();

  /** {@code Linux} (default) or {@code Windows}; immutable. */
  public abstract Optional<String> osType();

  /** Immutable. */
  public abstract Optional<Boolean> enableNodePublicIP();

  /** Immutable. */
  public abstract Optional<String> nodePublicIPPrefixID();

  /** {@code Regular} or {@code Spot}; immutable. */
  public abstract Optional<String> scaleSetPriority();

  /** {@code Delete} (CRD default) or {@code Deallocate}. */
  public abstract Optional<String> scaleDownMode();

  /** {@code OS} or {@code Temporary}; immutable. */
  public abstract Optional<String> kubeletDiskType();

  /** Immutable once set. */
  public abstract Optional<String> subnetName();

  /** Immutable once set. */
  public abstract Optional<Boolean> enableFIPS();

  /** Immutable once set. */
  public abstract Optional<Boolean> enableEncryptionAtHost();

  /** Written by the controller. */
  public abstract List<String> providerIDList();

  public static ImmutableAzureManagedMachinePoolSpec.Builder builder() {
    return ImmutableAzureManagedMachinePoolSpec.builder();
  }
}
