package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one MachinePool reconcile decides. The caller applies it: write {@link #machinePool()} (metadata, spec and
 * status), create, update and delete the Machines, patch and delete the Nodes, hand
 * {@link #instancesToRemove()} to the pool provider, and reconcile again after {@link #requeueAfter()} (or, with
 * {@link #errors()}, with backoff, as controller-runtime does).
 */
@Value.Immutable
public abstract class MachinePoolPlan {
  /** The MachinePool as it must be written: finalizer, labels, owner, spec and status. */
  public abstract MachinePool machinePool();

  /** MachinePool Machines to create, one per InfraMachine without a Machine. */
  public abstract List<MachineWrite> machinesToCreate();

  /** MachinePool Machines to patch (spec, labels, annotations, or the {@code UpToDate} condition in status). */
  public abstract List<MachineWrite> machinesToUpdate();

  /** Machines to delete (orphans whose InfraMachine is gone). */
  public abstract List<MachineDeletion> machinesToDelete();

  /**
   * Instances the user or the autoscaler asked to remove ({@code cluster.x-k8s.io/delete-machine} on their Machine):
   * the pool provider removes these first when it scales in.
   */
  public abstract List<InstanceRemoval> instancesToRemove();

  /** Workload Nodes to delete (retired: no longer in {@code spec.providerIDList}). */
  public abstract List<NodeDeletion> nodesToDelete();

  /** Workload Nodes to annotate and untaint. */
  public abstract List<NodePatch> nodePatches();

  /** The bootstrap config and InfraMachinePool to delete while the MachinePool is being deleted. */
  public abstract List<ExternalDeletion> externalObjectsToDelete();

  /** Whether the MachinePool's finalizer may be removed (deletion is complete). */
  @Value.Default
  public boolean removeFinalizer() {
    return false;
  }

  /** Who owns {@code spec.replicas}. */
  @Value.Default
  public ReplicaOwner replicaOwner() {
    return ReplicaOwner.USER;
  }

  /** When to reconcile again. */
  public abstract Optional<Duration> requeueAfter();

  /** Errors upstream's reconcile would return; the caller retries with backoff. */
  public abstract List<String> errors();

  /** Every decision, in order, with its reason. */
  public abstract List<String> steps();

  public static ImmutableMachinePoolPlan.Builder builder() {
    return ImmutableMachinePoolPlan.builder();
  }

  /** A Machine to create or patch, and why. */
  public record MachineWrite(Machine machine, String reason) {
    public MachineWrite {
      Objects.requireNonNull(machine, "machine");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A Machine to delete, and why. */
  public record MachineDeletion(String machineName, String reason) {
    public MachineDeletion {
      Objects.requireNonNull(machineName, "machineName");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * An instance to remove from the pool: its Machine carries {@code cluster.x-k8s.io/delete-machine}.
   *
   * @param machineName the Machine
   * @param infraMachineName the InfraMachine (the instance's provider object)
   * @param providerID the instance's provider ID, or {@code ""} when not known yet
   * @param reason why
   */
  public record InstanceRemoval(String machineName, String infraMachineName, String providerID, String reason) {
    public InstanceRemoval {
      Objects.requireNonNull(machineName, "machineName");
      Objects.requireNonNull(infraMachineName, "infraMachineName");
      Objects.requireNonNull(providerID, "providerID");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A workload Node to delete, and why. */
  public record NodeDeletion(String nodeName, String providerID, String reason) {
    public NodeDeletion {
      Objects.requireNonNull(nodeName, "nodeName");
      Objects.requireNonNull(providerID, "providerID");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A bootstrap config or InfraMachinePool to delete, and why. */
  public record ExternalDeletion(String kind, String name, String reason) {
    public ExternalDeletion {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A patch of a workload Node: ensure {@code annotations}, and drop the
   * {@code node.cluster.x-k8s.io/uninitialized:NoSchedule} taint when {@code removeUninitializedTaint}.
   */
  public record NodePatch(String nodeName, Map<String, String> annotations, boolean removeUninitializedTaint,
      String reason) {
    public NodePatch {
      Objects.requireNonNull(nodeName, "nodeName");
      annotations = Map.copyOf(annotations);
      Objects.requireNonNull(reason, "reason");
    }

    /** The Node with this patch applied; {@code node} itself is not changed. */
    public Node applyTo(Node node) {
      Map<String, String> merged = new LinkedHashMap<>(
          node.getMetadata() == null || node.getMetadata().getAnnotations() == null
              ? Map.of() : node.getMetadata().getAnnotations());
      merged.putAll(annotations);
      NodeBuilder b = new NodeBuilder(node).editOrNewMetadata().withAnnotations(merged).endMetadata();
      if (removeUninitializedTaint && node.getSpec() != null && node.getSpec().getTaints() != null) {
        List<Taint> kept = node.getSpec().getTaints().stream().filter(t -> !isUninitialized(t)).toList();
        b.editSpec().withTaints(kept).endSpec();
      }
      return b.build();
    }

    static boolean isUninitialized(Taint t) {
      return Capi.NODE_UNINITIALIZED_TAINT_KEY.equals(t.getKey()) && "NoSchedule".equals(t.getEffect());
    }
  }
}
