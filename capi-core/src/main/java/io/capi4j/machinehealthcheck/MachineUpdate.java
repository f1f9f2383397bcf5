package io.capi4j.machinehealthcheck;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What to do to one Machine, in this order: delete or create its external remediation request, patch its
 * status with {@link #conditions()}, then emit {@link #event()}.
 *
 * <p>Obligations of whoever applies it (as upstream behaves):
 *
 * <ul>
 *   <li>if creating the request fails, do not patch this Machine, do not emit the event, and skip the remaining
 *       unhealthy Machines' updates (healthy ones still go); the reconcile then fails. Upstream then sets
 *       {@code ExternallyRemediated=False} ({@code RemediationRequestCreationFailed}) only in memory, so it is
 *       never written;
 *   <li>if deleting a request fails (other than not found), do not patch this Machine;
 *   <li>if the patch fails, do not emit the event.
 * </ul>
 */
@Value.Immutable
public abstract class MachineUpdate {
  public abstract String machineName();

  public abstract String namespace();

  /**
   * The conditions to set on {@code status.conditions}, each with {@code lastTransitionTime} = now; merge with
   * {@link Conditions#set}, which keeps the old time when the status does not change.
   */
  public abstract List<Condition> conditions();

  /** An external remediation request to create before the patch. */
  public abstract Optional<GenericKubernetesResource> createRemediationRequest();

  /** An existing external remediation request to delete before the patch (the Machine is healthy again). */
  public abstract Optional<GenericKubernetesResource> deleteRemediationRequest();

  /** The event to emit after the patch, as {@code "<type> <reason> <message>"}. */
  public abstract Optional<String> event();

  /** Why. */
  public abstract String reason();

  /** {@code machine} with {@link #conditions()} merged into its status, as the patch leaves it. */
  public Machine applyTo(Machine machine) {
    MachineStatus status = machine.status().orElse(MachineStatus.builder().build());
    List<Condition> cs = status.conditions();
    for (Condition c : conditions()) {
      cs = Conditions.set(cs, c);
    }
    return machine.withStatus(status.withConditions(cs));
  }
}
