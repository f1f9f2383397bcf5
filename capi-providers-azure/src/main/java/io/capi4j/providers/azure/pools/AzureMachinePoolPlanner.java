package io.capi4j.providers.azure.pools;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.conditions.Conditions;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachine;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineSpec;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineStatus;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolStatus;
import io.capi4j.providers.azure.images.DefaultImages;
import io.capi4j.providers.azure.vmss.CapacityPlan;
import io.capi4j.providers.azure.vmss.DeleteSelection;
import io.capi4j.providers.azure.vmss.DeleteSelector;
import io.capi4j.providers.azure.vmss.MachineSync;
import io.capi4j.providers.azure.vmss.MachineSyncInput;
import io.capi4j.providers.azure.vmss.MachineSyncPlan;
import io.capi4j.providers.azure.vmss.PoolDecisions;
import io.capi4j.providers.azure.vmss.PoolMachine;
import io.capi4j.providers.azure.vmss.PoolMachineState;
import io.capi4j.providers.azure.vmss.RollingUpdateStrategy;
import io.capi4j.providers.azure.vmss.ScaleSetCapacity;
import io.capi4j.providers.azure.vmss.ScaleSetCondition;
import io.capi4j.providers.azure.vmss.ScaleSetParameters;
import io.capi4j.providers.azure.vmss.ScaleSetStatus;
import io.capi4j.providers.azure.vmss.Vmss;
import io.capi4j.providers.azure.vmss.VmssModel;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolInstance;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.util.KubernetesNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * CAPZ's AzureMachinePool reconcile (controller {@code exp/controllers/azuremachinepool_controller.go}, scope
 * {@code azure/scope/machinepool.go}, scaleset service {@code azure/services/scalesets}) plus the part of the
 * AzureMachinePoolMachine controller that follows VMSS instances, as one pure {@link PoolPlanner}.
 *
 * <p>One reconcile:
 *
 * <ol>
 *   <li>the finalizer and {@code status.infrastructureMachineKind = AzureMachinePoolMachine} (only when
 *       {@link PoolObservation#machinePoolMachines()} is on; CAPZ always sets it);
 *   <li>nothing more until the MachinePool has a bootstrap data Secret;
 *   <li>with an autoscaler owning the replicas ({@code cluster.x-k8s.io/replicas-managed-by}), the VMSS capacity is
 *       copied back into {@code MachinePool.spec.replicas} ({@link PoolPlan#replicasToCopyBack()}) and used as the
 *       desired count: no surge, no delete selection;
 *   <li>the desired VMSS model: the template's image, or CAPZ's default image for the MachinePool's Kubernetes
 *       version ({@link DefaultImages}); the VM size; zones = {@code MachinePool.spec.failureDomains}; the hash of
 *       the bootstrap data Secret's name as the custom-data hash (capi4j sees the name, not the data); the
 *       Kubernetes version as attribute {@value VmssCloudModel#KUBERNETES_VERSION};
 *   <li>the VMSS request ({@link ScaleSetCapacity}): create with capacity = replicas; update to replicas + maxSurge
 *       while the model changed or the set runs mixed models; lower it by a PUT only along with a model change
 *       (QUIRK kept). A PUT with the VM
 *       profile is {@link CloudAction.UpdateModel} (then {@link CloudAction.SetCapacity}); a capacity-only PUT is
 *       {@link CloudAction.SetCapacity};
 *   <li>the AzureMachinePoolMachine (AMPM) controller's work: each AMPM's status from its instance and Node; an AMPM
 *       being deleted (CAPI deletes it after draining its Machine's Node) gets its VMSS VM deleted with
 *       {@link CloudAction.DeleteInstance} (capacity lowered), and loses its finalizer once the VM is gone;
 *   <li>CAPZ's sync loop ({@link MachineSync}): an AMPM per new instance, the owner Machines of AMPMs whose
 *       instance vanished, and the delete selection ({@link DeleteSelector}); selected AMPMs are deleted through
 *       their owner CAPI Machine ({@link PoolPlan#machinesToDelete()}), so CAPI drains first;
 *   <li>status: provisioning state, readiness and conditions from the VMSS state; {@code status.replicas} = ready
 *       AMPMs; {@code spec.providerIDList} = their provider IDs, sorted; {@code lastReconciledReplicas};
 *   <li>requeue after 30s while {@code NeedsRequeue}; after 15s while a VMSS PUT is in flight (CAPZ's
 *       operation-not-done requeue); after 5s while an AMPM is being deleted (CAPZ's AMPM controller reacts to its
 *       own deletion at once; here the pool planner stands in for it).
 * </ol>
 *
 * <p>Without MachinePool Machines ({@link PoolObservation#machinePoolMachines()} false) there are no AMPMs: the same
 * selection runs over the instances themselves (ready = their Node is Ready), and the chosen instances are deleted
 * directly with {@link CloudAction.DeleteInstance} (capacity lowered).
 *
 * <p>The scaling group is named after the AzureMachinePool. The planner never calls the cloud or reads a clock.
 */
public final class AzureMachinePoolPlanner implements PoolPlanner {
  /** The finalizer on AzureMachinePoolMachines. */
  public static final String AMPM_FINALIZER = "azuremachinepoolmachine.infrastructure.cluster.x-k8s.io";
  /** The AMPM condition that follows the VM's provisioning state. */
  public static final String VM_RUNNING_CONDITION = "VMRunning";
  /** Requeue while a VMSS PUT is in flight (CAPZ's default requeue of an operation that is not done). */
  public static final Duration OPERATION_REQUEUE = Duration.ofSeconds(15);
  /** Requeue while an AMPM is being deleted. */
  public static final Duration DELETION_REQUEUE = Duration.ofSeconds(5);

  @Override
  public PoolPlan plan(PoolObservation obs) {
    Optional<AzureMachinePool> decoded = AzureObjects.as(obs.infraPool(), AzureMachinePool.class, AzureMachinePool.KIND);
    if (decoded.isEmpty()) {
      return PoolPlan.builder().infraPool(obs.infraPool())
          .addSteps("error: the InfraMachinePool is not an AzureMachinePool: nothing to do").build();
    }
    PoolMemory memory = obs.memory().map(m -> m.part(PoolMemory.class, PoolMemory::new)).orElseGet(PoolMemory::new);
    return new Run(obs, decoded.get(), memory).plan();
  }

  /** One reconcile's working state. */
  private static final class Run {
    final PoolObservation obs;
    final MachinePool mp;
    AzureMachinePool amp;
    AzureMachinePoolStatus status;
    final String groupId;
    final Optional<ScalingGroup> group;
    final List<AzureMachinePoolMachine> ampms;
    /** The facts of {@link #ampms}, in the same order. */
    final List<PoolMemory.Ampm> ampmFacts;
    final PoolMemory memory;
    /** The Nodes by provider ID (the last one of each). */
    final Map<String, Node> nodes;
    /** The Machines by name (the last one of each). */
    final Map<String, Machine> machines;
    final io.capi4j.spi.ImmutablePoolPlan.Builder plan = PoolPlan.builder();
    final List<String> steps = new ArrayList<>();
    final List<Duration> requeues = new ArrayList<>();

    Run(PoolObservation obs, AzureMachinePool amp, PoolMemory memory) {
      this.obs = obs;
      this.memory = memory;
      this.mp = obs.machinePool();
      this.amp = amp;
      this.status = amp.status().orElse(AzureMachinePoolStatus.builder().build());
      this.groupId = amp.name();
      this.group = obs.scalingGroup();
      memory.use(List.of(amp.namespace(), amp.name()));
      List<PoolMemory.Ampm> facts = new ArrayList<>();
      for (PoolMemory.Ampm f : memory.ampms.of(obs.infraMachines(), o -> {
        AzureMachinePoolMachine a =
            AzureObjects.as(o, AzureMachinePoolMachine.class, AzureMachinePoolMachine.KIND).orElse(null);
        return new PoolMemory.Ampm(a, a != null && a.namespace().equals(amp.namespace())
            && amp.name().equals(a.labels().get(Azure.MACHINE_POOL_NAME_LABEL)));
      })) {
        if (f.member) {
          facts.add(f);
        }
      }
      // Sorted by name (stably): the observation usually is already, which the remembered comparisons of
      // neighbours tell without comparing again.
      if (PoolMemory.Ampm.order(facts) > 0) {
        facts.sort(Comparator.comparing(f -> f.ampm.name()));
      }
      this.uniqueNames = PoolMemory.Ampm.order(facts) < 0;
      this.ampmFacts = List.copyOf(facts);
      this.ampms = facts.stream().map(f -> f.ampm).toList();
      // Lookups maintained from the last reconcile's (maps as a put per element in order would build).
      this.nodes = memory.nodes.of(obs.nodes());
      this.machines = memory.machines.of(obs.machines());
    }

    /** Whether the AMPMs' names are all different. */
    final boolean uniqueNames;

    private List<PoolMemory.Vm> vms;

    /** The facts of the group's instances, in order (none without a group). */
    List<PoolMemory.Vm> vms() {
      if (vms == null) {
        vms = group.map(g -> memory.instances.of(g.instances(), PoolMemory.Vm::new)).orElse(List.of());
      }
      return vms;
    }

    PoolPlan plan() {
      if (amp.isDeleting()) {
        planDelete();
        return finish();
      }
      planNormal();
      return finish();
    }

    PoolPlan finish() {
      requeues.stream().min(Comparator.naturalOrder()).ifPresent(plan::requeueAfter);
      return plan.infraPool(amp.withStatus(status)).steps(steps).build();
    }

    // ---- reconcileNormal ----

    void planNormal() {
      List<String> finalizers = amp.metadata().getFinalizers() == null ? List.of() : amp.metadata().getFinalizers();
      if (!finalizers.contains(Capi.MACHINE_POOL_FINALIZER)) {
        amp = amp.withMetadata(new ObjectMetaBuilder(amp.metadata()).addToFinalizers(Capi.MACHINE_POOL_FINALIZER).build());
        steps.add("add finalizer " + Capi.MACHINE_POOL_FINALIZER);
      }
      if (obs.machinePoolMachines() && !status.infrastructureMachineKind().equals(AzureMachinePoolMachine.KIND)) {
        status = status.withInfrastructureMachineKind(AzureMachinePoolMachine.KIND);
        steps.add("status.infrastructureMachineKind = " + AzureMachinePoolMachine.KIND
            + ": CAPI creates one Machine per AzureMachinePoolMachine");
      }
      Optional<String> secret = obs.bootstrapDataSecretName().filter(s -> !s.isEmpty());
      if (secret.isEmpty()) {
        steps.add("bootstrap data secret reference is not yet available: wait for the bootstrap provider");
        return;
      }

      // Replicas owned by an autoscaler: ReconcileReplicas copies the VMSS capacity back first.
      boolean external = PoolDecisions.externallyManaged(mp.annotations());
      int desired = mp.spec().replicas().orElse(0);
      if (external) {
        String by = mp.annotations().get(Capi.REPLICAS_MANAGED_BY_ANNOTATION);
        if (group.isPresent()) {
          Optional<Integer> copy = PoolDecisions.replicasFromCapacity(true, mp.spec().replicas(), group.get().capacity());
          if (copy.isPresent()) {
            plan.replicasToCopyBack(copy.get());
            steps.add("replicas are managed by \"" + by + "\": copy the VMSS capacity " + copy.get()
                + " into MachinePool.spec.replicas");
          }
          desired = group.get().capacity();
        } else {
          steps.add("replicas are managed by \"" + by + "\": no VMSS yet, create it with MachinePool.spec.replicas");
        }
      }

      // The desired model.
      // The same image as the last reconcile's is that instance (a default image is made anew each time): the
      // remembered refreshes then compare it by reference.
      Optional<Image> image = desiredImage().map(memory::canonical);
      if (image.isEmpty()) {
        requeues.add(Duration.ofSeconds(PoolDecisions.REQUEUE_SECONDS));
        return;
      }
      status = status.withImage(image.get());
      RollingUpdateStrategy strategy = RollingUpdateStrategy.from(amp.spec().strategy());
      int maxSurge;
      try {
        maxSurge = PoolDecisions.maxSurge(strategy, desired);
      } catch (IllegalArgumentException e) {
        steps.add("error: failed to calculate surge for the machine pool: " + e.getMessage());
        requeues.add(Duration.ofSeconds(PoolDecisions.REQUEUE_SECONDS));
        return;
      }
      List<String> zones = PoolDecisions.zones(mp.spec().failureDomains());
      String vmSize = amp.spec().templateOrEmpty().vmSize();
      VmssModel desiredModel = new VmssModel(image.get(), "", zones, vmSize);
      String customDataHash = VmssCloudModel.sha256(secret.get());
      String version = mp.spec().templateOrEmpty().specOrEmpty().version();
      InstanceModel desiredInstanceModel = VmssCloudModel.toInstanceModel(desiredModel, customDataHash, version);
      boolean flexible = amp.spec().orchestrationMode().equals(Azure.ORCHESTRATION_FLEXIBLE);

      // The scale set request.
      Optional<Vmss> existing = group.map(g -> VmssCloudModel.vmss(g, vms().stream().map(PoolMemory.Vm::vmss).toList()));
      CapacityPlan cap = ScaleSetCapacity.decide(existing,
          new ScaleSetParameters(desiredModel, desired, external ? 0 : maxSurge, flexible, external, customDataHash));
      InstanceModel modelAfter = group.map(ScalingGroup::model).orElse(desiredInstanceModel);
      boolean putIssued = cap.action() != CapacityPlan.Action.NONE;
      switch (cap.action()) {
        case CREATE -> {
          plan.addCloudActions(new CloudAction.CreateGroup(groupId, (int) cap.capacity(), desiredInstanceModel, zones,
              "create VMSS " + groupId + ": " + cap.reason() + (zones.isEmpty() ? "" : ", zones " + zones)));
          modelAfter = desiredInstanceModel;
          steps.add("create the VMSS: " + cap.reason());
        }
        case UPDATE -> {
          ScalingGroup g = group.orElseThrow();
          if (cap.includeVirtualMachineProfile()) {
            plan.addCloudActions(new CloudAction.UpdateModel(groupId, desiredInstanceModel,
                "PUT the VMSS with its VM profile (" + (cap.modelChanged() ? "model changed" : "custom data changed")
                    + "): new instances use image " + describe(image.get()) + ", size " + vmSize));
            modelAfter = desiredInstanceModel;
          }
          if (cap.capacity() != g.capacity()) {
            plan.addCloudActions(new CloudAction.SetCapacity(groupId, (int) cap.capacity(), cap.reason()));
          }
          steps.add("update the VMSS: " + cap.reason());
        }
        case NONE -> steps.add("VMSS up to date: " + cap.reason());
      }
      if (putIssued) {
        requeues.add(OPERATION_REQUEUE);
      }
      group.flatMap(g -> g.instances().stream().map(Instance::providerID).map(VmssCloudModel::scaleSetProviderID)
              .flatMap(Optional::stream).findFirst())
          .filter(id -> !id.equals(amp.spec().providerID()))
          .ifPresent(id -> amp = amp.withSpec(amp.spec().withProviderID(id)));

      if (group.isEmpty()) {
        steps.add("no VMSS state yet: machines and status wait for the next reconcile");
        instances(modelAfter);
        return;
      }
      ScalingGroup g = group.get();
      Vmss vmss = existing.get();
      boolean creating = g.instances().stream().anyMatch(i -> i.state() == InstanceState.CREATING);
      boolean inFlight = putIssued || creating;
      int lastStatusReplicas = status.replicas();
      if (obs.machinePoolMachines()) {
        syncMachines(g, vmss, desired, external, inFlight, strategy, image.get());
      } else {
        syncInstances(g, vmss, desired, external, inFlight, strategy);
      }

      String vmssState = VmssCloudModel.state(g);
      ScaleSetStatus st = PoolDecisions.provisioningStatus(vmssState, desired, lastStatusReplicas);
      List<Condition> conditions = status.conditions();
      for (ScaleSetCondition c : st.conditions()) {
        conditions = Conditions.set(conditions, condition(c));
      }
      status = status.withProvisioningState(st.provisioningState()).withConditions(conditions);
      if (st.ready().isPresent()) {
        status = status.withReady(st.ready().get());
      }
      steps.add("VMSS state " + vmssState + ": provisioningState " + st.provisioningState() + ", ready "
          + status.ready() + ", " + status.replicas() + " ready replica(s) of " + desired);
      if (PoolDecisions.needsRequeue(status.provisioningState(), existing, desired, false)) {
        requeues.add(Duration.ofSeconds(PoolDecisions.REQUEUE_SECONDS));
        steps.add("requeue after " + PoolDecisions.REQUEUE_SECONDS + "s: the VMSS is not settled (NeedsRequeue)");
      }
      instances(modelAfter);
    }

    /** {@code GetVMImage}: the template's image, else CAPZ's default for the MachinePool's version. */
    Optional<Image> desiredImage() {
      Optional<Image> own = amp.spec().templateOrEmpty().image();
      if (own.isPresent()) {
        return own;
      }
      String version = mp.spec().templateOrEmpty().specOrEmpty().version();
      boolean windows = amp.spec().templateOrEmpty().osDiskOrEmpty().osType().equals(Azure.WINDOWS);
      DefaultImages.Result r = windows
          ? DefaultImages.windows(version, amp.annotations().getOrDefault("runtime", ""),
              amp.annotations().getOrDefault("windowsServerVersion", ""))
          : DefaultImages.linux(version);
      if (r.error().isPresent()) {
        steps.add("error: failed to get default OS image: " + r.error().get());
        return Optional.empty();
      }
      steps.add("no image in the template: default " + (windows ? "Windows" : "Linux") + " image "
          + describe(r.image().get()) + " for Kubernetes " + version);
      return r.image();
    }

    // ---- the AMPM controller and applyAzureMachinePoolMachines ----

    void syncMachines(ScalingGroup g, Vmss vmss, int desired, boolean external, boolean inFlight,
        RollingUpdateStrategy strategy, Image desiredImage) {
      Map<String, Instance> byProviderID = memory.instancesByProviderID.of(g.instances());
      List<AzureMachinePoolMachine> remaining = new ArrayList<>();
      List<PoolMemory.Ampm> remainingFacts = new ArrayList<>();
      Map<String, AzureMachinePoolMachine> toApply = new LinkedHashMap<>();
      boolean deletionPending = false;
      for (PoolMemory.Ampm f : ampmFacts) {
        AzureMachinePoolMachine a = f.ampm;
        Optional<Instance> inst = Optional.ofNullable(byProviderID.get(a.spec().providerID()));
        AzureMachinePoolMachine refreshed = refresh(f, inst, desiredImage);
        if (a.isDeleting()) {
          if (inst.isPresent() && inst.get().state() != InstanceState.DELETING) {
            plan.addCloudActions(new CloudAction.DeleteInstance(groupId, inst.get().id(), true,
                "AzureMachinePoolMachine " + a.name() + " is being deleted (its Machine was drained): delete VMSS VM "
                    + inst.get().id() + ", lowering the capacity"));
            steps.add("delete the VM of deleted AzureMachinePoolMachine " + a.name());
            deletionPending = true;
          } else if (inst.isPresent()) {
            steps.add("AzureMachinePoolMachine " + a.name() + ": its VM is being deleted, wait");
            deletionPending = true;
          } else {
            toApply.put(a.name(), withoutFinalizer(refreshed));
            steps.add("AzureMachinePoolMachine " + a.name() + ": its VM is gone, remove finalizer " + AMPM_FINALIZER);
            continue; // gone after this plan
          }
        }
        if (!refreshed.equals(a)) {
          toApply.put(a.name(), refreshed);
        }
        remaining.add(refreshed);
        remainingFacts.add(refreshed == a ? f : null);
      }
      if (deletionPending) {
        requeues.add(DELETION_REQUEUE);
      }

      List<PoolMachineState> states = new ArrayList<>();
      for (int k = 0; k < remaining.size(); k++) {
        AzureMachinePoolMachine a = remaining.get(k);
        PoolMemory.Ampm f = remainingFacts.get(k);
        Optional<Machine> owner = f != null ? ownerMachine(f) : ownerMachine(a);
        PoolMachine pm = f != null ? f.poolMachine() : PoolMachine.from(a);
        if (!pm.deleting() && owner.filter(Machine::isDeleting).isPresent()) {
          // (capi4j) The owner Machine's deletion starts the AMPM's: CAPI drains, then deletes the AMPM. CAPZ looks
          // only at the AMPM's own deletionTimestamp and would count a draining machine as ready.
          pm = new PoolMachine(pm.name(), pm.creationTimestamp(), true, pm.deleteAnnotated(), pm.ready(),
              pm.provisioningState(), pm.latestModelApplied());
        }
        states.add(new PoolMachineState(pm, a.spec().providerID(), owner.isPresent(),
            owner.map(m -> m.annotations().containsKey(Capi.DELETE_MACHINE_ANNOTATION)).orElse(false)));
      }
      MachineSyncPlan sync = MachineSync.plan(new MachineSyncInput(amp.name(), Optional.of(vmss), states, desired,
          external, inFlight, strategy, status.lastReconciledReplicas(), false), obs.random());
      steps.addAll(sync.steps());

      ByName byName = new ByName(remaining, remainingFacts, uniqueNames);
      for (String name : sync.annotate()) {
        AzureMachinePoolMachine a = toApply.getOrDefault(name, byName.get(name));
        AzureMachinePoolMachine annotated = a.withMetadata(new ObjectMetaBuilder(a.metadata())
            .addToAnnotations(Capi.DELETE_MACHINE_ANNOTATION, "true").build());
        toApply.put(name, annotated);
        byName.put(name, annotated);
      }
      List<AzureMachinePoolMachine> created = new ArrayList<>();
      for (MachineSyncPlan.NewPoolMachine n : sync.create()) {
        Instance inst = byProviderID.get(n.providerID());
        created.add(refresh(newMachine(n, inst), Optional.of(inst), desiredImage));
      }
      Set<String> deleting = new TreeSet<>();
      for (String name : sync.deleteOutOfBand()) {
        deleteOwner(byName.get(name), "its VMSS instance no longer exists (deleted out of band)", deleting);
      }
      String reason = sync.selection().map(DeleteSelection::reason).orElse("");
      for (String name : sync.delete()) {
        deleteOwner(byName.get(name), "selected for deletion: " + reason, deleting);
      }
      if (!sync.lastReconciledReplicas().equals(status.lastReconciledReplicas())) {
        status = status.withLastReconciledReplicas(sync.lastReconciledReplicas());
      }
      toApply.values().forEach(plan::addInfraMachinesToApply);
      created.forEach(plan::addInfraMachinesToApply);

      // updateReplicasAndProviderIDs: every listed AMPM (the new ones included), ready ones counted.
      List<AzureMachinePoolMachine> listed = new ArrayList<>(byName.values());
      List<PoolMemory.Ampm> listedFacts = new ArrayList<>(byName.facts());
      listed.addAll(created);
      created.forEach(c -> listedFacts.add(null));
      int ready = 0;
      String[] unsorted = new String[listed.size()];
      for (int k = 0; k < listed.size(); k++) {
        PoolMemory.Ampm f = listedFacts.get(k);
        AzureMachinePoolMachine a = listed.get(k);
        ready += (f != null ? f.ready() : a.status().map(AzureMachinePoolMachineStatus::ready).orElse(false)) ? 1 : 0;
        unsorted[k] = f != null ? f.providerID() : a.spec().providerID();
      }
      List<String> ids = memory.sorted(unsorted);
      status = status.withReplicas(ready);
      amp = amp.withSpec(amp.spec().withProviderIDList(ids));
    }

    /**
     * The remaining AMPMs by name, as a {@code LinkedHashMap} filled in their order would hold them (the last of
     * each name, listed in order of each name's first AMPM). With all names different that is the list itself, kept
     * as a list: the map is only built for the few names asked.
     */
    static final class ByName {
      private final Map<String, AzureMachinePoolMachine> map;
      private final List<AzureMachinePoolMachine> list;
      private final List<PoolMemory.Ampm> facts;
      private Map<String, Integer> index;

      ByName(List<AzureMachinePoolMachine> remaining, List<PoolMemory.Ampm> remainingFacts, boolean unique) {
        if (unique) {
          this.map = null;
          this.list = new ArrayList<>(remaining);
          this.facts = new ArrayList<>(remainingFacts);
        } else {
          this.map = new LinkedHashMap<>();
          remaining.forEach(a -> map.put(a.name(), a));
          this.list = null;
          this.facts = null;
        }
      }

      private Integer at(String name) {
        if (index == null) {
          index = new java.util.HashMap<>();
          for (int k = 0; k < list.size(); k++) {
            index.put(list.get(k).name(), k);
          }
        }
        return index.get(name);
      }

      AzureMachinePoolMachine get(String name) {
        if (map != null) {
          return map.get(name);
        }
        Integer k = at(name);
        return k == null ? null : list.get(k);
      }

      void put(String name, AzureMachinePoolMachine a) {
        if (map != null) {
          map.put(name, a);
          return;
        }
        Integer k = at(name);
        if (k == null) {
          index.put(name, list.size());
          list.add(a);
          facts.add(null);
        } else {
          list.set(k, a);
          facts.set(k, null);
        }
      }

      List<AzureMachinePoolMachine> values() {
        return map != null ? new ArrayList<>(map.values()) : list;
      }

      /** The facts of {@link #values()} (null for an AMPM changed by this plan). */
      List<PoolMemory.Ampm> facts() {
        if (map != null) {
          List<PoolMemory.Ampm> none = new ArrayList<>();
          map.values().forEach(a -> none.add(null));
          return none;
        }
        return facts;
      }
    }

    void deleteOwner(AzureMachinePoolMachine a, String why, Set<String> seen) {
      Optional<Machine> owner = ownerMachine(a);
      if (owner.isEmpty()) {
        steps.add("AzureMachinePoolMachine " + a.name() + " has no owner Machine yet: left alone");
        return;
      }
      if (owner.get().isDeleting()) {
        return; // already on its way: CAPI drains and then deletes the AMPM
      }
      if (seen.add(owner.get().name())) {
        plan.addMachinesToDelete(PoolPlan.MachineDeletion.of(owner.get().name(),
            "AzureMachinePoolMachine " + a.name() + ": " + why));
      }
    }

    /** {@link #ownerMachine(AzureMachinePoolMachine)} of a remembered AMPM. */
    Optional<Machine> ownerMachine(PoolMemory.Ampm f) {
      for (String name : f.machineOwners()) {
        Machine m = machines.get(name);
        if (m != null) {
          return Optional.of(m);
        }
      }
      return ownerByInfrastructureRef(f.ampm);
    }

    /** The owner CAPI Machine: by owner reference, else the Machine whose infrastructureRef names the AMPM. */
    Optional<Machine> ownerMachine(AzureMachinePoolMachine a) {
      List<OwnerReference> refs = a.metadata().getOwnerReferences() == null ? List.of() : a.metadata().getOwnerReferences();
      for (OwnerReference r : refs) {
        if (Machine.KIND.equals(r.getKind()) && machines.containsKey(r.getName())) {
          return Optional.of(machines.get(r.getName()));
        }
      }
      return ownerByInfrastructureRef(a);
    }

    private Optional<Machine> ownerByInfrastructureRef(AzureMachinePoolMachine a) {
      if (machinesByInfraName == null) {
        // The first Machine (in the observation's order) whose infrastructureRef names each AMPM.
        // Over the Machines as a map by name would list them: each name once, in order of its first Machine,
        // with the last Machine of that name.
        machinesByInfraName = new java.util.HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Machine first : obs.machines()) {
          if (!seen.add(first.name())) {
            continue;
          }
          Machine m = machines.get(first.name());
          m.spec().infrastructureRef().filter(r -> r.kind().equals(AzureMachinePoolMachine.KIND))
              .ifPresent(r -> machinesByInfraName.putIfAbsent(r.name(), m));
        }
      }
      return Optional.ofNullable(machinesByInfraName.get(a.name()));
    }

    private Map<String, Machine> machinesByInfraName;

    /**
     * {@link #refresh(AzureMachinePoolMachine, Optional, Image)} of a remembered AMPM: when it last changed nothing
     * with the same instance, Node and image, it changes nothing again (the time only shows in what changes).
     */
    AzureMachinePoolMachine refresh(PoolMemory.Ampm f, Optional<Instance> inst, Image desiredImage) {
      AzureMachinePoolMachine a = f.ampm;
      Instance i = inst.orElse(null);
      Node node = nodes.get(a.spec().providerID());
      if (f.refreshKnown && f.refreshInstance == i && f.refreshNode == node
          && (f.refreshImage == desiredImage || f.refreshImage.equals(desiredImage))) {
        return a;
      }
      AzureMachinePoolMachine refreshed = refresh(a, inst, desiredImage);
      f.refreshKnown = refreshed == a;
      f.refreshInstance = i;
      f.refreshNode = node;
      f.refreshImage = desiredImage;
      return refreshed;
    }

    /** The AMPM controller's status: VM state, Node readiness (only when the Node is found), model. */
    AzureMachinePoolMachine refresh(AzureMachinePoolMachine a, Optional<Instance> inst, Image desiredImage) {
      // The status's withers give back the same status for an equal value, except for the conditions and the node
      // reference: those are replaced only when they would change, so that an AMPM whose status holds costs no copy.
      AzureMachinePoolMachineStatus st = a.status().orElse(AzureMachinePoolMachineStatus.builder().build());
      if (inst.isPresent()) {
        String ps = VmssCloudModel.provisioningState(inst.get().state());
        st = st.withProvisioningState(ps)
            .withLatestModelApplied(VmssCloudModel.image(inst.get().modelAttributes()).equals(desiredImage));
        if (!Conditions.setKeeps(st.conditions(), vmRunningOnce(ps))) {
          st = st.withConditions(Conditions.set(st.conditions(), vmRunning(ps)));
        }
      }
      Node node = nodes.get(a.spec().providerID());
      if (node != null) {
        String name = node.getMetadata().getName();
        st = st.withReady(isReady(node));
        if (st.nodeRef().filter(r -> isNodeReference(r, name)).isEmpty()) {
          st = st.withNodeRef(new ObjectReferenceBuilder().withApiVersion("v1").withKind("Node").withName(name).build());
        }
        st = st.withVersion(node.getStatus() == null || node.getStatus().getNodeInfo() == null
            || node.getStatus().getNodeInfo().getKubeletVersion() == null
            ? st.version() : node.getStatus().getNodeInfo().getKubeletVersion());
      }
      return a.status().isPresent() && a.status().get().equals(st) ? a : a.withStatus(st);
    }

    /** {@link #vmRunning} of this reconcile, built once per provisioning state (to compare with, never stored). */
    private final Map<String, Condition> vmRunningByState = new java.util.HashMap<>();

    Condition vmRunningOnce(String provisioningState) {
      return vmRunningByState.computeIfAbsent(provisioningState, this::vmRunning);
    }

    AzureMachinePoolMachine newMachine(MachineSyncPlan.NewPoolMachine n, Instance inst) {
      String cluster = clusterName();
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(Capi.CLUSTER_NAME_LABEL, cluster);
      labels.put(Azure.MACHINE_POOL_NAME_LABEL, amp.name());
      labels.put(Capi.MACHINE_POOL_NAME_LABEL, KubernetesNames.mustFormatValue(mp.name()));
      if (!cluster.isEmpty()) {
        labels.put(cluster, "owned");
      }
      ObjectMeta meta = new ObjectMetaBuilder()
          .withName(n.name())
          .withNamespace(amp.namespace())
          .withLabels(labels)
          .withFinalizers(AMPM_FINALIZER)
          .withOwnerReferences(new OwnerReferenceBuilder()
              .withApiVersion(amp.apiVersion()).withKind(AzureMachinePool.KIND).withName(amp.name())
              .withUid(amp.metadata().getUid()).withBlockOwnerDeletion(true).build())
          .build();
      AzureMachinePoolMachineStatus st = AzureMachinePoolMachineStatus.builder()
          .addConditions(condition(new ScaleSetCondition(VM_RUNNING_CONDITION, Conditions.FALSE, Azure.ProvisioningState.CREATING)))
          .build();
      return AzureMachinePoolMachine.builder().metadata(meta)
          .spec(AzureMachinePoolMachineSpec.builder().providerID(n.providerID()).instanceID(inst.id()).build())
          .status(st)
          .build();
    }

    String clusterName() {
      String c = mp.spec().clusterName();
      return c.isEmpty() ? mp.labels().getOrDefault(Capi.CLUSTER_NAME_LABEL, "") : c;
    }

    AzureMachinePoolMachine withoutFinalizer(AzureMachinePoolMachine a) {
      List<String> f = new ArrayList<>(a.metadata().getFinalizers() == null ? List.of() : a.metadata().getFinalizers());
      f.remove(AMPM_FINALIZER);
      return a.withMetadata(new ObjectMetaBuilder(a.metadata()).withFinalizers(f).build());
    }

    Condition vmRunning(String provisioningState) {
      return provisioningState.equals(Azure.ProvisioningState.SUCCEEDED)
          ? condition(new ScaleSetCondition(VM_RUNNING_CONDITION, Conditions.TRUE, ""))
          : condition(new ScaleSetCondition(VM_RUNNING_CONDITION, Conditions.FALSE, provisioningState));
    }

    // ---- without MachinePool Machines ----

    void syncInstances(ScalingGroup g, Vmss vmss, int desired, boolean external, boolean inFlight,
        RollingUpdateStrategy strategy) {
      List<PoolMachine> pms = new ArrayList<>();
      Map<String, Instance> byId = new LinkedHashMap<>();
      for (Instance i : g.instances()) {
        if (i.state() == InstanceState.DELETING) {
          continue; // already on its way out
        }
        byId.put(i.id(), i);
        Node n = nodes.get(i.providerID());
        pms.add(new PoolMachine(i.id(), i.createdAt(), false, false, n != null && isReady(n),
            Optional.of(VmssCloudModel.provisioningState(i.state())),
            vmss.hasLatestModelApplied(VmssCloudModel.instance(i))));
      }
      if (inFlight) {
        steps.add("a scaleset operation is in flight: wait");
      } else if (external) {
        steps.add("replicas are managed by an external autoscaler: no scale-down selection");
      } else {
        boolean rollout = PoolDecisions.rolloutInProgress(Optional.of(vmss), desired, status.lastReconciledReplicas());
        DeleteSelection sel = DeleteSelector.select(strategy, desired, pms, rollout, false, obs.random());
        steps.add("select instances to delete (rollout in progress: " + rollout + "): " + sel.reason());
        if (sel.error().isPresent()) {
          steps.add("error: failed selecting instances to delete: " + sel.error().get());
        }
        for (PoolMachine m : sel.machines()) {
          plan.addCloudActions(new CloudAction.DeleteInstance(groupId, m.name(), true,
              "no MachinePool Machines: delete VMSS VM " + m.name() + " directly, lowering the capacity ("
                  + sel.reason() + ")"));
        }
        Optional<Integer> last = PoolDecisions.lastReconciledReplicas(status.lastReconciledReplicas(), pms.size(),
            sel.machines().size(), desired);
        if (!last.equals(status.lastReconciledReplicas())) {
          status = status.withLastReconciledReplicas(last);
          steps.add("converged: lastReconciledReplicas = " + desired);
        }
      }
      int ready = (int) g.instances().stream().filter(i -> i.state() == InstanceState.RUNNING)
          .filter(i -> nodes.containsKey(i.providerID()) && isReady(nodes.get(i.providerID()))).count();
      status = status.withReplicas(ready);
      amp = amp.withSpec(amp.spec().withProviderIDList(g.instances().stream().map(Instance::providerID).sorted().toList()));
    }

    // ---- reconcileDelete ----

    void planDelete() {
      steps.add("AzureMachinePool is being deleted");
      if (group.isPresent()) {
        plan.addCloudActions(new CloudAction.DeleteGroup(groupId, "the AzureMachinePool is being deleted: delete VMSS "
            + groupId + " with its instances"));
      }
      Set<String> seen = new TreeSet<>();
      for (AzureMachinePoolMachine a : ampms) {
        if (a.isDeleting()) {
          plan.addInfraMachinesToApply(withoutFinalizer(a));
          steps.add("AzureMachinePoolMachine " + a.name() + ": the whole VMSS goes, remove finalizer " + AMPM_FINALIZER);
        } else if (ownerMachine(a).isPresent()) {
          deleteOwner(a, "its AzureMachinePool is being deleted", seen);
        } else {
          plan.addInfraMachinesToDelete(a.name());
          steps.add("AzureMachinePoolMachine " + a.name() + " has no owner Machine: delete it directly (capi4j)");
        }
      }
      if (ampms.isEmpty()) {
        List<String> f = new ArrayList<>(amp.metadata().getFinalizers() == null ? List.of() : amp.metadata().getFinalizers());
        if (f.remove(Capi.MACHINE_POOL_FINALIZER)) {
          amp = amp.withMetadata(new ObjectMetaBuilder(amp.metadata()).withFinalizers(f).build());
          steps.add("no AzureMachinePoolMachines left: remove finalizer " + Capi.MACHINE_POOL_FINALIZER);
        }
      } else {
        requeues.add(DELETION_REQUEUE);
        steps.add(ampms.size() + " AzureMachinePoolMachine(s) left: wait for them");
      }
    }

    // ---- shared ----

    void instances(InstanceModel model) {
      if (group.isEmpty()) {
        return;
      }
      Image latest = VmssCloudModel.image(model.attributes());
      for (PoolMemory.Vm vm : vms()) {
        plan.addInstances(vm.report(latest));
      }
    }

    Condition condition(ScaleSetCondition c) {
      Instant now = obs.now();
      ConditionBuilder b = new ConditionBuilder(Conditions.of(c.type(), c.status(), c.reason(), "", now));
      if (c.status().equals(Conditions.FALSE)) {
        b.withAdditionalProperties(Map.of("severity", "Info"));
      }
      return b.build();
    }
  }

  static boolean isReady(Node n) {
    if (n.getStatus() == null || n.getStatus().getConditions() == null) {
      return false;
    }
    for (io.fabric8.kubernetes.api.model.NodeCondition c : n.getStatus().getConditions()) {
      if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code r} equals {@code new ObjectReferenceBuilder().withApiVersion("v1").withKind("Node")
   * .withName(name).build()}: those three fields, nothing else.
   */
  static boolean isNodeReference(io.fabric8.kubernetes.api.model.ObjectReference r, String name) {
    return "v1".equals(r.getApiVersion()) && "Node".equals(r.getKind()) && java.util.Objects.equals(name, r.getName())
        && r.getFieldPath() == null && r.getNamespace() == null && r.getResourceVersion() == null
        && r.getUid() == null && r.getAdditionalProperties() != null && r.getAdditionalProperties().isEmpty();
  }

  /** A short description of an image for reasons. */
  static String describe(Image i) {
    if (i.id().isPresent()) {
      return i.id().get();
    }
    if (i.computeGallery().isPresent()) {
      var g = i.computeGallery().get();
      return g.gallery() + "/" + g.name() + ":" + g.version();
    }
    if (i.marketplace().isPresent()) {
      var m = i.marketplace().get();
      return m.publisher() + "/" + m.offer() + "/" + m.sku() + ":" + m.version();
    }
    if (i.sharedGallery().isPresent()) {
      return "shared gallery " + i.sharedGallery().get();
    }
    return "(none)";
  }
}
