package io.capi4j.machineset;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.spi.Providers;
import io.capi4j.validation.FeatureGates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.immutables.value.Value;

/**
 * Everything one MachineSet reconcile reads. The caller gathers it (from an API server, a manifest set or a
 * simulation); {@link MachineSetPlanner#plan} decides.
 *
 * <p>An absent optional object means "does not exist": a missing template, for example, blocks scale-up exactly as
 * upstream's not-found error does.
 */
@Value.Immutable
public abstract class MachineSetPlanInput {
  /** The MachineSet being reconciled. */
  public abstract MachineSet machineSet();

  /**
   * The MachineDeployment named by the MachineSet's {@code cluster.x-k8s.io/deployment-name} label; required when
   * the label is set (its revision gates remediation, its {@code spec.remediation.maxInFlight} limits it).
   */
  public abstract Optional<MachineDeployment> machineDeployment();

  /**
   * The Machines in the MachineSet's namespace that match its {@code selector.matchLabels}, deleting ones included.
   * Machines controlled by another owner are ignored; Machines without a controller are adopted.
   */
  public abstract List<Machine> machines();

  /** The Cluster named by {@code spec.clusterName}. */
  public abstract Cluster cluster();

  /** The control plane object {@code cluster.spec.controlPlaneRef} points to, if it exists. */
  public abstract Optional<GenericKubernetesResource> controlPlane();

  /** The InfraMachineTemplate {@code spec.template.spec.infrastructureRef} points to, if it exists. */
  public abstract Optional<GenericKubernetesResource> infraMachineTemplate();

  /** The KubeadmConfigTemplate {@code spec.template.spec.bootstrap.configRef} points to, if that is one. */
  public abstract Optional<KubeadmConfigTemplate> kubeadmConfigTemplate();

  /** Any other bootstrap config template {@code spec.template.spec.bootstrap.configRef} points to. */
  public abstract Optional<GenericKubernetesResource> bootstrapTemplate();

  /**
   * The MachineSet named by the {@code in-place-updates.internal.cluster.x-k8s.io/move-machines-to-machineset}
   * annotation, if the MachineSet has it and the target exists.
   */
  public abstract Optional<MachineSet> moveTarget();

  /** The infrastructure providers; the one owning the template's kind clones InfraMachines. */
  @Value.Default
  @Value.Auxiliary
  public Providers providers() {
    return Providers.none();
  }

  /** Feature gates ({@code MachineSetPreflightChecks}, {@code ClusterTopology}). */
  @Value.Default
  public FeatureGates featureGates() {
    return FeatureGates.defaults();
  }

  /** The preflight checks the controller enables ({@code --machineset-preflight-checks}, default {@code All}). */
  @Value.Default
  public Set<String> preflightChecks() {
    return PreflightChecks.DEFAULT_ENABLED;
  }

  /** The time of the reconcile. */
  public abstract Instant now();

  /** The source of the random Machine name suffixes. */
  @Value.Auxiliary
  public abstract RandomGenerator random();

  public static ImmutableMachineSetPlanInput.Builder builder() {
    return ImmutableMachineSetPlanInput.builder();
  }
}
