package io.capi4j.providers.aws.pools;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceState;
import io.capi4j.providers.aws.api.v1beta2.AMIReference;
import io.capi4j.providers.aws.api.v1beta2.AWSMachine;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineStatus;
import io.capi4j.providers.aws.api.v1beta2.AWSResourceReference;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolPlan;
import io.capi4j.util.KubernetesNames;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MachinePool Machines of an AWSMachinePool (CAPA's {@code awsmachinepool_machines.go}, behind the
 * {@code MachinePoolMachines} gate): one AWSMachine per ASG instance, and orphans removed. capi4j folds in what
 * CAPA's AWSMachine controller does for such pool machines, so that one planner drives them: the AWSMachine's
 * finalizer, {@code status.ready} and {@code status.instanceState} from the instance, and on deletion the
 * instance's termination (the ASG replaces it unless its capacity dropped) and the finalizer's release.
 *
 * <p>Deliberate differences from CAPA: the AWSMachine is named {@code <asg>-<instance id>} instead of from
 * {@code generateName: <asg>-} (a pure plan cannot ask the API server for a name); an instance that is already
 * terminating gets no AWSMachine (CAPA would create one and then find it orphaned).
 */
final class AWSMachinePoolMachines {
  private AWSMachinePoolMachines() {}

  /** CAPA's AWSMachine finalizer. */
  static final String MACHINE_FINALIZER = "awsmachine.infrastructure.cluster.x-k8s.io";

  /** What to do about the pool's AWSMachines. */
  record Result(List<AWSMachine> apply, List<String> delete, List<PoolPlan.MachineDeletion> machinesToDelete,
      List<CloudAction> cloudActions, List<String> steps) {}

  /** The deterministic name of the AWSMachine of an instance. */
  static String machineName(String asgName, Instance i) {
    return asgName + "-" + AwsIds.instanceId(i).toLowerCase(java.util.Locale.ROOT);
  }

  /** The EC2 state name of an instance's state. */
  static String instanceState(Instance i) {
    return switch (i.state()) {
      case CREATING -> "pending";
      case RUNNING -> "running";
      case DELETING -> "shutting-down";
      case FAILED -> "terminated";
    };
  }

  /**
   * @param groupId the ASG (the pool's name)
   * @param instances the ASG's instances
   * @param awsMachines the pool's AWSMachines (labelled with its cluster and pool names)
   * @param machines the pool's Machines
   */
  static Result reconcile(MachinePool mp, AWSMachinePool pool, String groupId, List<Instance> instances,
      List<AWSMachine> awsMachines, List<Machine> machines) {
    List<AWSMachine> apply = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    List<PoolPlan.MachineDeletion> machineDeletions = new ArrayList<>();
    List<CloudAction> actions = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    Map<String, Instance> byProviderId = new LinkedHashMap<>();
    instances.forEach(i -> byProviderId.put(i.providerID(), i));
    Map<String, AWSMachine> byMachineProviderId = new LinkedHashMap<>();
    for (AWSMachine m : awsMachines) {
      m.spec().providerID().filter(p -> !p.isEmpty()).ifPresent(p -> byMachineProviderId.putIfAbsent(p, m));
    }

    // createAWSMachinesIfNotExists
    for (Instance i : instances) {
      if (byMachineProviderId.containsKey(i.providerID()) || i.state() == InstanceState.DELETING) {
        continue;
      }
      AWSMachine m = newMachine(mp, pool, groupId, i);
      apply.add(m);
      steps.add("machines: create AWSMachine " + m.name() + " for instance " + AwsIds.instanceId(i) + " ("
          + i.providerID() + ", " + instanceState(i) + ")");
    }

    for (AWSMachine m : awsMachines) {
      String pid = m.spec().providerID().orElse("");
      Instance i = byProviderId.get(pid);
      if (m.isDeleting()) {
        // The AWSMachine controller's reconcileDelete for a pool machine.
        if (i != null && i.state() != InstanceState.DELETING) {
          actions.add(new CloudAction.DeleteInstance(groupId, i.id(), false,
              "AWSMachine " + m.name() + " is being deleted: terminate its instance"));
          steps.add("machines: AWSMachine " + m.name() + " is being deleted: terminate instance " + AwsIds.instanceId(i)
              + " (the ASG replaces it unless its desired capacity drops)");
        } else if (i == null && finalizers(m).contains(MACHINE_FINALIZER)) {
          List<String> f = new ArrayList<>(finalizers(m));
          f.remove(MACHINE_FINALIZER);
          apply.add(m.withMetadata(new ObjectMetaBuilder(m.metadata()).withFinalizers(f).build()));
          steps.add("machines: the instance of AWSMachine " + m.name() + " is gone: remove the finalizer "
              + MACHINE_FINALIZER);
        }
        continue;
      }
      if (pid.isEmpty()) {
        continue;
      }
      if (i == null) {
        // deleteOrphanedAWSMachines
        Optional<Machine> owner = ownerMachine(m, machines);
        if (owner.isEmpty()) {
          delete.add(m.name());
          steps.add("machines: the instance of AWSMachine " + m.name() + " (" + pid
              + ") left the ASG and it has no owner Machine: delete the AWSMachine");
        } else if (!owner.get().isDeleting()) {
          machineDeletions.add(PoolPlan.MachineDeletion.of(owner.get().name(),
              "the instance of its AWSMachine " + m.name() + " (" + pid + ") left the ASG"));
          steps.add("machines: the instance of AWSMachine " + m.name() + " (" + pid + ") left the ASG: delete its Machine "
              + owner.get().name());
        }
        continue;
      }
      AWSMachine want = withInstance(m, i);
      if (!want.equals(m)) {
        apply.add(want);
        steps.add("machines: AWSMachine " + m.name() + ": instance " + AwsIds.instanceId(i) + " is " + instanceState(i)
            + (ready(i) ? " (ready)" : ""));
      }
    }
    return new Result(apply, delete, machineDeletions, actions, steps);
  }

  private static AWSMachine newMachine(MachinePool mp, AWSMachinePool pool, String groupId, Instance i) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Capi.MACHINE_POOL_NAME_LABEL, KubernetesNames.mustFormatValue(mp.name()));
    labels.put(Capi.CLUSTER_NAME_LABEL, mp.spec().clusterName());
    OwnerReference owner = new OwnerReferenceBuilder().withApiVersion(pool.apiVersion()).withKind(pool.kind())
        .withName(pool.name()).withUid(pool.metadata().getUid()).withBlockOwnerDeletion(true).build();
    Map<String, String> attrs = i.modelAttributes();
    AWSMachineSpec spec = AWSMachineSpec.builder()
        .providerID(i.providerID())
        .instanceID(AwsIds.instanceId(i))
        .ami(Optional.ofNullable(attrs.get(LaunchTemplateModel.AMI)).map(a -> AMIReference.builder().id(a).build()))
        .instanceType(attrs.getOrDefault(LaunchTemplateModel.INSTANCE_TYPE, ""))
        .iamInstanceProfile(attrs.getOrDefault(LaunchTemplateModel.IAM_INSTANCE_PROFILE, ""))
        .sshKeyName(Optional.ofNullable(attrs.get(LaunchTemplateModel.SSH_KEY_NAME)))
        .additionalSecurityGroups(securityGroups(attrs.get(LaunchTemplateModel.SECURITY_GROUP_IDS)))
        .build();
    AWSMachine m = AWSMachine.builder()
        .metadata(new ObjectMetaBuilder().withName(machineName(groupId, i)).withNamespace(mp.namespace())
            .withLabels(labels).withOwnerReferences(owner).build())
        .spec(spec)
        .build();
    return withInstance(m, i);
  }

  /** The AWSMachine controller's view of a pool machine: its finalizer, and readiness and state from the instance. */
  private static AWSMachine withInstance(AWSMachine m, Instance i) {
    List<String> f = new ArrayList<>(finalizers(m));
    if (!f.contains(MACHINE_FINALIZER)) {
      f.add(MACHINE_FINALIZER);
    }
    AWSMachineStatus st = m.status().orElse(AWSMachineStatus.builder().build())
        .withReady(ready(i)).withInstanceState(instanceState(i));
    AWSMachine out = m.withStatus(st);
    if (!f.equals(finalizers(m))) {
      out = out.withMetadata(new ObjectMetaBuilder(m.metadata()).withFinalizers(f).build());
    }
    return out;
  }

  private static boolean ready(Instance i) {
    return i.state() == InstanceState.RUNNING;
  }

  private static List<AWSResourceReference> securityGroups(String ids) {
    if (ids == null || ids.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(ids.split(",")).map(id -> AWSResourceReference.builder().id(id).build()).toList();
  }

  /** {@code util.GetOwnerMachine}: the Machine named by an owner reference of kind Machine. */
  private static Optional<Machine> ownerMachine(AWSMachine m, List<Machine> machines) {
    for (OwnerReference ref : Convert.orEmpty(m.metadata().getOwnerReferences())) {
      if (Machine.KIND.equals(ref.getKind()) && ref.getApiVersion() != null
          && ref.getApiVersion().startsWith(Capi.GROUP + "/")) {
        Optional<Machine> found = machines.stream()
            .filter(x -> x.name().equals(ref.getName()) && x.namespace().equals(m.namespace())).findFirst();
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  static List<String> finalizers(AWSMachine m) {
    return Convert.orEmpty(m.metadata().getFinalizers());
  }
}
