package io.capi4j.machineset;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.core.v1beta2.Machine;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One node as a MachineSet creates it: the Machine, its InfraMachine, its bootstrap config and the name of the
 * bootstrap data Secret. All share the Machine's name. Create the bootstrap config first, then the InfraMachine,
 * then the Machine (upstream's order; on failure upstream deletes what it created for this Machine).
 */
@Value.Immutable
public abstract class NewMachine {
  /** The Machine, with {@code spec.infrastructureRef} and {@code spec.bootstrap.configRef} pointing at the clones. */
  public abstract Machine machine();

  /** The InfraMachine cloned from the InfraMachineTemplate. */
  public abstract GenericKubernetesResource infraMachine();

  /** The KubeadmConfig, when the bootstrap template is a KubeadmConfigTemplate. */
  public abstract Optional<KubeadmConfig> kubeadmConfig();

  /** The bootstrap config cloned from any other bootstrap template. */
  public abstract Optional<GenericKubernetesResource> bootstrapConfig();

  /**
   * The Secret the kubeadm bootstrap provider will write the bootstrap data to: same name and namespace as the
   * KubeadmConfig. Empty for other bootstrap providers (their naming is theirs) and without a bootstrap config.
   */
  public abstract Optional<String> bootstrapDataSecretName();

  /** The Machine's name. */
  public String name() {
    return machine().name();
  }

  public static ImmutableNewMachine.Builder builder() {
    return ImmutableNewMachine.builder();
  }
}
