package io.capi4j.providers.docker;

import io.capi4j.api.CapiObject;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.conditions.Conditions;
import io.capi4j.external.Contracts;
import io.capi4j.manifest.KubernetesMapper;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.ImmutablePoolPlan;
import io.capi4j.spi.PoolInstance;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.util.KubernetesNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/**
 * CAPD's pool reconcile (DockerMachinePool controller, and the docker backend of DevMachinePool) as a pure
 * {@link PoolPlanner}. The pool's containers are a {@link ScalingGroup} whose model version is the container image;
 * the planner raises its capacity to create containers and deletes single containers, never letting the cloud pick.
 *
 * <p>One reconcile, as CAPD's {@code reconcileNormal}:
 *
 * <ol>
 *   <li>add the finalizer and {@code status.infrastructureMachineKind}, alone, the first time;
 *   <li>wait for the MachinePool's bootstrap data secret;
 *   <li>containers: create {@code spec.replicas} minus the containers already running the expected image (a
 *       rollout therefore creates every replacement first); CAPD never deletes a container here;
 *   <li>one InfraMachine per container, named after it; an InfraMachine whose container is gone gets its Machine
 *       deleted;
 *   <li>when more InfraMachines are provisioned than {@code spec.replicas}, delete the Machines of the excess:
 *       outdated ones first, then up-to-date ones, each group with {@code cluster.x-k8s.io/delete-machine} first. The
 *       Machine deletion drains the Node and deletes the InfraMachine, whose container then goes;
 *   <li>{@code spec.providerIDList} (sorted), {@code status.replicas} (the InfraMachines), and readiness once every
 *       replica has a provider ID.
 * </ol>
 *
 * <p>Each InfraMachine carries CAPD's machine finalizer ({@link #machineFinalizer()}), as CAPD's machine controller
 * adds it: deleting one (the Machine deletion does) leaves it deleting until its container is gone; then the plan
 * removes the finalizer (an InfraMachine to apply) and deletes it.
 *
 * <p>capi4j folds in what CAPD's DockerMachine controller does for pool machines, so that one planner drives a
 * pool end to end: an InfraMachine gets {@code spec.providerID} and {@code status.initialization.provisioned} once
 * its container runs, and a deleting InfraMachine deletes its container and is released when it is gone. A container
 * that failed is deleted and replaced, as CAPD does when it finds a container not running.
 *
 * <p>The cloud actions must be applied in order: the capacity is set first, counting every container that exists
 * now, and each container deleted afterwards lowers it by one ({@code decrementCapacity}).
 *
 * <p>Deliberate differences: CAPD orders deletion candidates by Go map iteration (random); capi4j takes the oldest
 * container first. CAPD picks a random failure domain per container; capi4j gives the cloud the MachinePool's
 * {@code spec.failureDomains} (the simulated cloud spreads round-robin). Like CAPD, only the image decides whether a
 * container is up to date: a new bootstrap secret, pre-loaded images or mounts do not roll the pool.
 *
 * @param <P> the pool kind's class
 * @param <M> the per-instance InfraMachine kind's class
 */
abstract class ContainerPoolPlanner<P extends CapiObject, M extends CapiObject> implements PoolPlanner {
  private static final ObjectMapper MAPPER = KubernetesMapper.json();

  /** How soon to look again while containers are being created or deleted (CAPD relies on watch events). */
  static final Duration IN_FLIGHT_REQUEUE = Duration.ofSeconds(5);

  // ---- what differs between DockerMachinePool and DevMachinePool ----

  abstract Class<P> poolType();

  abstract Class<M> machineType();

  abstract String poolKind();

  abstract String machineKind();

  /** {@code docker} or {@code dev}: the scheme of the pool's own provider ID. */
  abstract String poolProviderIDScheme();

  abstract String finalizer();

  /**
   * The finalizer CAPD's machine controller puts on every per-instance InfraMachine (pool ones included), so that
   * deleting one waits for its container to go.
   */
  abstract String machineFinalizer();

  /** The InfraMachine with these finalizers. */
  abstract M withFinalizers(M machine, List<String> finalizers);

  abstract String customImage(P pool);

  abstract String specProviderID(P pool);

  abstract String statusMachineKind(P pool);

  abstract boolean ready(P pool);

  abstract List<Condition> conditions(P pool);

  /** The pool with these contract fields. */
  abstract P withContract(P pool, List<String> finalizers, String machineKind, String specProviderID,
      List<String> providerIDList, int replicas, boolean ready, List<Condition> conditions);

  abstract String providerID(M machine);

  /** Why this pool cannot be planned by this backend, if it cannot. */
  Optional<String> backendError(P pool) {
    return Optional.empty();
  }

  abstract boolean provisioned(M machine);

  /** CAPD's {@code computeDesiredDockerMachine} / {@code computeDesiredDevMachine}, plus the DockerMachine controller. */
  abstract M desiredMachine(String name, P pool, MachinePool mp, Optional<M> existing, List<OwnerReference> owners,
      Map<String, String> labels, Optional<String> providerID, boolean provisioned);

  // ---- the plan ----

  /** The scaling group of a pool's containers: {@code <cluster>-<pool>}, as CAPD labels them. */
  static String groupId(String clusterName, String poolName) {
    return clusterName + "-" + poolName;
  }

  /** CAPD's {@code MachineContainerName}: the cluster name is prefixed unless the name already starts with it. */
  static String containerName(String clusterName, String machineName) {
    return machineName.startsWith(clusterName) ? machineName : clusterName + "-" + machineName;
  }

  /** The InfraMachine name of a container: the container name without the cluster prefix. */
  static String machineName(String clusterName, Instance i) {
    String prefix = "docker:////";
    if (i.providerID().startsWith(prefix)) {
      String container = i.providerID().substring(prefix.length());
      String m = container.startsWith(clusterName) ? container.substring(clusterName.length()) : container;
      m = m.startsWith("-") ? m.substring(1) : m;
      if (!m.isEmpty()) {
        return m;
      }
    }
    return "worker-" + i.id();
  }

  @Override
  public PoolPlan plan(PoolObservation o) {
    Run r = new Run(o);
    if (r.pool.isDeleting()) {
      r.reconcileDelete();
    } else {
      r.reconcileNormal();
    }
    return r.build();
  }

  /** One planning run. */
  private final class Run {
    final PoolObservation o;
    final MachinePool mp;
    final String cluster;
    final String groupId;
    P pool;
    final ImmutablePoolPlan.Builder plan = PoolPlan.builder();
    final List<String> steps = new ArrayList<>();
    /** The pool's InfraMachines by name, as they will be after this plan. */
    final Map<String, M> machines = new LinkedHashMap<>();
    final Set<String> released = new LinkedHashSet<>();
    boolean inFlight;

    Run(PoolObservation o) {
      this.o = o;
      this.mp = o.machinePool();
      this.cluster = mp.spec().clusterName();
      this.pool = convert(o.infraPool(), poolType());
      this.groupId = groupId(cluster, pool.name());
      String poolLabel = KubernetesNames.mustFormatValue(mp.name());
      for (Object im : o.infraMachines()) {
        M m = convert(im, machineType());
        if (m.namespace().equals(pool.namespace()) && cluster.equals(m.labels().get(Capi.CLUSTER_NAME_LABEL))
            && poolLabel.equals(m.labels().get(Capi.MACHINE_POOL_NAME_LABEL))) {
          machines.put(m.name(), m);
        }
      }
    }

    void reconcileNormal() {
      Optional<String> unsupported = backendError(pool);
      if (unsupported.isPresent()) {
        steps.add("error: " + unsupported.get());
        return;
      }
      List<String> finalizers = new ArrayList<>(orEmpty(pool.metadata().getFinalizers()));
      boolean changed = false;
      if (!finalizers.contains(finalizer())) {
        finalizers.add(finalizer());
        steps.add("add the finalizer " + finalizer());
        changed = true;
      }
      String kindWanted = o.machinePoolMachines() ? machineKind() : "";
      if (!statusMachineKind(pool).equals(kindWanted)) {
        steps.add(o.machinePoolMachines()
            ? "set status.infrastructureMachineKind=" + machineKind() + ": the pool has one " + machineKind()
                + " per container (MachinePool Machines)"
            : "clear status.infrastructureMachineKind: MachinePool Machines are off (capi4j option; CAPD always has"
                + " them)");
        changed = true;
      }
      if (changed) {
        pool = withContract(pool, finalizers, kindWanted, specProviderID(pool), Contracts.providerIDList(pool),
            Contracts.replicas(pool).orElse(0), ready(pool), conditions(pool));
        inFlight = true;
        return;
      }
      if (mp.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().dataSecretName().isEmpty()) {
        steps.add("Waiting for the Bootstrap provider controller to set bootstrap data");
        return;
      }
      int desired = mp.spec().replicas().orElse(1);
      String version = mp.spec().templateOrEmpty().specOrEmpty().version();
      Optional<String> image = DockerImages.imageFor(version, customImage(pool));
      if (image.isEmpty()) {
        steps.add("error: failed to parse the MachinePool version \"" + version + "\" to pick a kindest/node image"
            + " (CAPD panics here)");
        return;
      }
      InstanceModel model = InstanceModel.of(image.get(), Map.of("image", image.get(), "kubernetesVersion", version));
      List<Instance> containers = reconcileContainers(desired, model);
      if (!o.machinePoolMachines()) {
        reconcileContainersOnly(containers, desired, image.get());
        return;
      }
      reconcileMachines(containers, desired, image.get());
      setStatus(desired, containers, image.get());
    }

    /**
     * Without MachinePool Machines (a capi4j option): no InfraMachine per container; excess and outdated containers
     * are deleted directly once enough containers run (outdated first, oldest first), and the status lists the
     * running containers.
     */
    void reconcileContainersOnly(List<Instance> containers, int desired, String image) {
      List<Instance> running = containers.stream().filter(c -> c.state() == InstanceState.RUNNING).toList();
      int over = running.size() - desired;
      List<Instance> victims = new ArrayList<>(running.stream().filter(c -> !c.modelVersion().equals(image)).toList());
      victims.addAll(running.stream().filter(c -> c.modelVersion().equals(image)).toList());
      for (Instance c : victims) {
        if (over <= 0) {
          break;
        }
        String why = c.modelVersion().equals(image)
            ? "excess container: " + running.size() + " run for " + desired
            : "it runs " + c.modelVersion() + ", not " + image + ", and " + running.size() + " run for " + desired;
        plan.addCloudActions(new CloudAction.DeleteInstance(groupId, c.id(), true, why));
        steps.add("containers: delete container " + c.id() + ": " + why);
        inFlight = true;
        over--;
      }
      List<String> ids = running.stream().map(Instance::providerID).sorted().toList();
      for (Instance c : containers) {
        plan.addInstances(PoolInstance.builder().providerID(c.providerID()).upToDate(c.modelVersion().equals(image))
            .running(c.state() == InstanceState.RUNNING).zone(c.zone()).build());
      }
      String specID = specProviderID(pool).isEmpty()
          ? poolProviderIDScheme() + ":////" + cluster + "-dmp-" + pool.name() : specProviderID(pool);
      boolean ready = ready(pool) || ids.size() == desired;
      if (!ids.equals(Contracts.providerIDList(pool))) {
        steps.add("status: spec.providerIDList has " + ids.size() + " provider IDs, status.replicas=" + containers.size());
      }
      pool = withContract(pool, orEmpty(pool.metadata().getFinalizers()), "", specID, ids, containers.size(), ready,
          conditions(pool));
    }

    /** {@code reconcileDockerContainers}: create what is missing; returns the containers that stay. */
    List<Instance> reconcileContainers(int desired, InstanceModel model) {
      Optional<ScalingGroup> group = o.scalingGroup();
      if (group.isEmpty()) {
        plan.addCloudActions(new CloudAction.CreateGroup(groupId, desired, model, mp.spec().failureDomains(),
            "create " + desired + " containers running " + model.version()));
        steps.add("containers: create " + desired + " containers running " + model.version());
        inFlight = true;
        return List.of();
      }
      ScalingGroup g = group.get();
      if (!g.model().version().equals(model.version())) {
        plan.addCloudActions(new CloudAction.UpdateModel(groupId, model,
            "new containers run " + model.version() + " (was " + g.model().version() + ")"));
        steps.add("containers: new containers run " + model.version() + " (was " + g.model().version() + ")");
      }
      List<Instance> live = new ArrayList<>();
      int failed = 0;
      for (Instance i : g.instances()) {
        if (i.state() == InstanceState.DELETING) {
          inFlight = true;
        } else if (i.state() == InstanceState.FAILED) {
          failed++;
          plan.addCloudActions(new CloudAction.DeleteInstance(groupId, i.id(), true,
              "container " + i.id() + " is not running: delete it so that it is created again"));
          steps.add("containers: delete container " + i.id() + ", which is not running");
          inFlight = true;
        } else {
          live.add(i);
          inFlight |= i.state() == InstanceState.CREATING;
        }
      }
      long matching = live.stream().filter(i -> i.modelVersion().equals(model.version())).count();
      int toCreate = (int) Math.max(0, desired - matching);
      int target = live.size() + toCreate;
      int capacity = g.capacity() - failed;
      if (target != capacity) {
        String why = toCreate > 0
            ? "create " + toCreate + " containers running " + model.version() + " (" + matching + " of " + desired
                + " run it)"
            : "hold the group at its " + live.size() + " containers";
        plan.addCloudActions(new CloudAction.SetCapacity(groupId, target, why));
        steps.add("containers: " + why);
        inFlight = true;
      }
      return live;
    }

    /** {@code reconcileDockerMachines}, with the DockerMachine controller folded in. */
    void reconcileMachines(List<Instance> containers, int desired, String image) {
      Map<String, Instance> byName = new LinkedHashMap<>();
      containers.forEach(i -> byName.put(machineName(cluster, i), i));
      Map<String, String> labels = Map.of(Capi.CLUSTER_NAME_LABEL, cluster,
          Capi.MACHINE_POOL_NAME_LABEL, KubernetesNames.mustFormatValue(mp.name()));

      // Step 1: one InfraMachine per container.
      for (Map.Entry<String, Instance> e : byName.entrySet()) {
        Optional<M> existing = Optional.ofNullable(machines.get(e.getKey()));
        if (existing.map(CapiObject::isDeleting).orElse(false)) {
          continue;
        }
        boolean running = e.getValue().state() == InstanceState.RUNNING;
        M want = desiredMachine(e.getKey(), pool, mp, existing, owners(existing), labels,
            running ? Optional.of(e.getValue().providerID()) : existing.map(m -> providerID(m)).filter(p -> !p.isEmpty()),
            running || existing.map(m -> provisioned(m)).orElse(false));
        List<String> fins = new ArrayList<>(orEmpty(want.metadata().getFinalizers()));
        if (!fins.contains(machineFinalizer())) {
          fins.add(machineFinalizer());
          want = withFinalizers(want, fins);
        }
        if (existing.isEmpty() || !want.equals(existing.get())) {
          plan.addInfraMachinesToApply(want);
          steps.add("machines: " + (existing.isEmpty() ? "create " : "update ") + machineKind() + " " + e.getKey()
              + (existing.isEmpty() ? " for its container" : "") + (running && !existing.map(m -> provisioned(m))
                  .orElse(false) ? "; its container runs: provisioned with provider ID " + e.getValue().providerID() : ""));
          machines.put(e.getKey(), want);
        }
      }

      // Step 2: InfraMachines without a container.
      for (M m : List.copyOf(machines.values())) {
        Instance c = byName.get(m.name());
        if (m.isDeleting()) {
          if (c != null) {
            plan.addCloudActions(new CloudAction.DeleteInstance(groupId, c.id(), true,
                machineKind() + " " + m.name() + " is being deleted: delete its container"));
            steps.add("machines: " + machineKind() + " " + m.name() + " is being deleted: delete its container");
            inFlight = true;
          } else if (!containerDeleting(m.name())) {
            release(m);
            released.add(m.name());
            steps.add("machines: the container of " + machineKind() + " " + m.name() + " is gone: release it");
          } else {
            inFlight = true;
          }
          continue;
        }
        if (c == null) {
          deleteMachineOf(m, "its container no longer exists");
        }
      }

      // Step 3: scale down and roll out, once enough InfraMachines are provisioned.
      List<M> ordered = new ArrayList<>();
      for (Instance c : containers) {
        M m = machines.get(machineName(cluster, c));
        if (m != null && !released.contains(m.name())) {
          ordered.add(m);
        }
      }
      ordered.sort(Comparator.comparing(m -> !hasDeleteAnnotation(m)));
      int totalReady = (int) ordered.stream().filter(m -> provisioned(m)).count();
      List<M> outdated = new ArrayList<>();
      List<M> readyMatching = new ArrayList<>();
      for (M m : ordered) {
        if (!byName.get(m.name()).modelVersion().equals(image)) {
          outdated.add(m);
        } else if (provisioned(m)) {
          readyMatching.add(m);
        }
      }
      int over = totalReady - desired;
      for (M m : outdated) {
        if (over > 0) {
          deleteMachineOf(m, "it runs " + byName.get(m.name()).modelVersion() + ", not " + image + ", and " + totalReady
              + " replicas are provisioned for " + desired);
          over--;
        }
      }
      for (M m : readyMatching) {
        if (over > 0) {
          deleteMachineOf(m, "excess replica: " + totalReady + " provisioned for " + desired
              + (hasDeleteAnnotation(m) ? " (its Machine carries " + Capi.DELETE_MACHINE_ANNOTATION + ")" : ""));
          over--;
        }
      }

      for (Instance c : containers) {
        plan.addInstances(PoolInstance.builder().providerID(c.providerID()).upToDate(c.modelVersion().equals(image))
            .running(c.state() == InstanceState.RUNNING).zone(c.zone()).build());
      }
    }

    /**
     * A deleting InfraMachine whose container is gone: remove the machine finalizer (written back) and delete it, as
     * CAPD's machine controller ends its {@code reconcileDelete}.
     */
    void release(M m) {
      List<String> fins = new ArrayList<>(orEmpty(m.metadata().getFinalizers()));
      if (fins.remove(machineFinalizer())) {
        plan.addInfraMachinesToApply(withFinalizers(m, fins));
      }
      plan.addInfraMachinesToDelete(m.name());
    }

    boolean containerDeleting(String machineName) {
      return o.scalingGroup().map(g -> g.instances().stream()
          .anyMatch(i -> i.state() == InstanceState.DELETING && machineName(cluster, i).equals(machineName)))
          .orElse(false);
    }

    /** CAPD's {@code deleteMachinePoolMachine}: delete the owner Machine; without one, wait for it. */
    void deleteMachineOf(M m, String why) {
      Optional<Machine> owner = ownerMachine(m);
      if (owner.isEmpty()) {
        steps.add("machines: " + machineKind() + " " + m.name() + " should go (" + why + ") but has no Machine yet:"
            + " wait for the MachinePool controller to create it");
        return;
      }
      if (owner.get().isDeleting()) {
        return;
      }
      plan.addMachinesToDelete(PoolPlan.MachineDeletion.of(owner.get().name(), why));
      steps.add("machines: delete Machine " + owner.get().name() + " of " + machineKind() + " " + m.name() + ": " + why);
      inFlight = true;
    }

    /** The Machine owning the InfraMachine, or the pool Machine whose infrastructureRef names it. */
    Optional<Machine> ownerMachine(M m) {
      for (OwnerReference ref : orEmpty(m.metadata().getOwnerReferences())) {
        if (Machine.KIND.equals(ref.getKind())) {
          Optional<Machine> found = o.machines().stream().filter(x -> x.name().equals(ref.getName())).findFirst();
          if (found.isPresent()) {
            return found;
          }
        }
      }
      return o.machines().stream().filter(x -> x.namespace().equals(m.namespace())
          && x.spec().infrastructureRefOrEmpty().kind().equals(machineKind())
          && x.spec().infrastructureRefOrEmpty().name().equals(m.name())).findFirst();
    }

    boolean hasDeleteAnnotation(M m) {
      return m.annotations().containsKey(Capi.DELETE_MACHINE_ANNOTATION)
          || ownerMachine(m).map(x -> x.annotations().containsKey(Capi.DELETE_MACHINE_ANNOTATION)).orElse(false);
    }

    List<OwnerReference> owners(Optional<M> existing) {
      List<OwnerReference> out = new ArrayList<>(existing.map(m -> orEmpty(m.metadata().getOwnerReferences()))
          .orElse(List.of()));
      boolean has = out.stream().anyMatch(r -> poolKind().equals(r.getKind()) && pool.name().equals(r.getName()));
      if (!has) {
        out.add(new OwnerReferenceBuilder().withApiVersion(pool.apiVersion()).withKind(poolKind())
            .withName(pool.name()).withUid(pool.metadata().getUid()).build());
      }
      return out;
    }

    void setStatus(int desired, List<Instance> containers, String image) {
      List<String> ids = new ArrayList<>();
      int count = 0;
      for (M m : machines.values()) {
        if (released.contains(m.name())) {
          continue;
        }
        count++;
        if (!providerID(m).isEmpty()) {
          ids.add(providerID(m));
        }
      }
      ids.sort(null);
      String specID = specProviderID(pool).isEmpty()
          ? poolProviderIDScheme() + ":////" + cluster + "-dmp-" + pool.name() : specProviderID(pool);
      boolean ready = ready(pool);
      List<Condition> conds = conditions(pool);
      if (ids.size() == desired && count == desired) {
        ready = true;
        conds = Conditions.set(conds, Conditions.of(io.capi4j.providers.docker.api.v1beta2.Docker.REPLICAS_READY_CONDITION,
            Conditions.TRUE, Capi.Reasons.READY, "", o.now()));
        if (!ready(pool)) {
          steps.add("status: all " + desired + " replicas have provider IDs: the pool is provisioned");
        }
      }
      if (!ids.equals(Contracts.providerIDList(pool))) {
        steps.add("status: spec.providerIDList has " + ids.size() + " provider IDs, status.replicas=" + count);
      }
      pool = withContract(pool, orEmpty(pool.metadata().getFinalizers()), machineKind(), specID, ids, count, ready,
          conds);
    }

    /** {@code reconcileDelete}: Machines first, then any container left, then the finalizer. */
    void reconcileDelete() {
      List<M> remaining = new ArrayList<>(machines.values());
      Map<String, Instance> byName = new LinkedHashMap<>();
      o.scalingGroup().ifPresent(g -> g.instances().forEach(i -> byName.put(machineName(cluster, i), i)));
      if (!remaining.isEmpty()) {
        steps.add("delete: " + poolKind() + " still has " + remaining.size() + " " + machineKind()
            + "s: delete them first");
        for (M m : remaining) {
          Instance c = byName.get(m.name());
          if (m.isDeleting()) {
            if (c != null && c.state() != InstanceState.DELETING) {
              plan.addCloudActions(new CloudAction.DeleteInstance(groupId, c.id(), true,
                  machineKind() + " " + m.name() + " is being deleted: delete its container"));
            } else if (c == null) {
              release(m);
            }
          } else {
            deleteMachineOf(m, "the " + poolKind() + " is being deleted");
          }
        }
        inFlight = true;
        return;
      }
      if (o.scalingGroup().isPresent()) {
        plan.addCloudActions(new CloudAction.DeleteGroup(groupId, "delete any container left behind"));
        steps.add("delete: delete the containers left behind");
        inFlight = true;
        return;
      }
      List<String> finalizers = new ArrayList<>(orEmpty(pool.metadata().getFinalizers()));
      finalizers.remove(finalizer());
      pool = withContract(pool, finalizers, statusMachineKind(pool), specProviderID(pool), Contracts.providerIDList(pool),
          Contracts.replicas(pool).orElse(0), ready(pool), conditions(pool));
      steps.add("delete: no " + machineKind() + " and no container left: remove the finalizer " + finalizer());
    }

    PoolPlan build() {
      return plan.infraPool(pool).steps(steps)
          .requeueAfter(inFlight ? Optional.of(IN_FLIGHT_REQUEUE) : Optional.empty()).build();
    }
  }

  static <T> T convert(Object o, Class<T> type) {
    if (type.isInstance(o)) {
      return type.cast(o);
    }
    return MAPPER.treeToValue(Contracts.tree(o), type);
  }

  static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
