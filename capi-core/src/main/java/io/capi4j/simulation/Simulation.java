package io.capi4j.simulation;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ClusterInitializationStatus;
import io.capi4j.api.core.v1beta2.ClusterStatus;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.conditions.Conditions;
import io.capi4j.simulation.controllers.InfraMachineController;
import io.capi4j.simulation.controllers.InfraMachinePoolController;
import io.capi4j.simulation.controllers.KubeadmBootstrapController;
import io.capi4j.simulation.controllers.MachineController;
import io.capi4j.simulation.controllers.NodeSimulator;
import io.capi4j.simulation.controllers.SimContext;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A deterministic discrete-event simulation of a management cluster, a workload cluster and a cloud, with capi4j's
 * production planners running as controllers. Time is virtual and every random choice comes from the seed, so the
 * same seed gives the same run.
 *
 * <pre>{@code
 * Simulation sim = Simulation.builder().providers(Providers.load()).cloud(cloud).seed(1).build();
 * sim.apply(objects);                                   // user objects, e.g. admitted manifests
 * sim.runUntil(() -> sim.readyNodes() == 20, Duration.ofMinutes(30));
 * System.out.println(sim.management().countByKind());
 * }</pre>
 */
public final class Simulation {
  /** The model attribute that carries an instance's Kubernetes version (its Node's kubelet version). */
  public static final String KUBERNETES_VERSION = "kubernetesVersion";

  private final VirtualClock clock;
  private final ObjectStore management;
  private final ObjectStore workload;
  private final ControllerRuntime runtime;
  private final SimContext ctx;
  private final NodeSimulator nodes;
  private final InfraMachinePoolController pools;
  private final List<String> events = new ArrayList<>();
  /** Ready Nodes in the workload cluster, kept up to date by a watcher (see {@link #readyNodes}). */
  private long readyNodes;

  /** The index of Machines by {@code spec.providerID} in the management cluster. */
  public static final String MACHINE_PROVIDER_ID_INDEX = "Machine.spec.providerID";

  private Simulation(Builder b) {
    this.clock = b.cloud.clock();
    this.management = new ObjectStore("management", clock);
    this.workload = new ObjectStore("workload", clock);
    this.runtime = new ControllerRuntime(clock, b.profile.timing(), List.of(management, workload));
    // Indexes and counters the controllers and runUntil conditions read at every event: listing every Machine or
    // Node there makes a 2,000-Node simulation quadratic.
    management.addIndex(MACHINE_PROVIDER_ID_INDEX, Machine.KIND,
        o -> o instanceof Machine m ? List.of(m.spec().providerID()) : List.of());
    workload.watch(c -> {
      if ("Node".equals(c.key().kind())) {
        readyNodes += (isReadyNode(c.after()) ? 1 : 0) - (isReadyNode(c.before()) ? 1 : 0);
      }
    });
    GenericKubernetesResource cp = new GenericKubernetesResourceBuilder()
        .withApiVersion(Capi.CONTROLPLANE_GROUP + "/v1beta2").withKind("KubeadmControlPlane")
        .withMetadata(new ObjectMetaBuilder().withName(b.clusterName + "-control-plane").withNamespace(b.namespace).build())
        .build();
    cp.setAdditionalProperties(new LinkedHashMap<>(Map.of(
        "spec", Map.of("version", b.controlPlaneVersion),
        "status", Map.of("version", b.controlPlaneVersion, "versions", List.of(Map.of("version", b.controlPlaneVersion))))));
    Instant start = clock.instant();
    Cluster cluster = Cluster.builder()
        .metadata(new ObjectMetaBuilder().withName(b.clusterName).withNamespace(b.namespace).build())
        .spec(ClusterSpec.builder()
            .controlPlaneRef(ContractVersionedObjectReference.of(Capi.CONTROLPLANE_GROUP, "KubeadmControlPlane", cp.getMetadata().getName()))
            .build())
        .status(ClusterStatus.builder()
            .addCondition(Conditions.of(Capi.Conditions.CONTROL_PLANE_INITIALIZED, Conditions.TRUE, "Initialized", "", start))
            .addCondition(Conditions.of(Capi.Conditions.INFRASTRUCTURE_READY, Conditions.TRUE, "Ready", "", start))
            .initialization(ClusterInitializationStatus.builder().infrastructureProvisioned(true).controlPlaneInitialized(true).build())
            .build())
        .build();
    this.ctx = new SimContext(clock, management, workload, b.providers, b.cloud, b.cloud, b.profile,
        new SplittableRandom(b.seed), cluster, cp, runtime);
    this.nodes = new NodeSimulator(ctx, i -> i.modelAttributes().getOrDefault(KUBERNETES_VERSION, b.controlPlaneVersion));
    b.cloud.addListener(nodes);

    int conc = b.profile.concurrency();
    Duration rate = b.profile.minReconcileInterval();
    runtime.register(new ControllerRuntime.ControllerSpec("machine", new MachineController(ctx),
        Mappers.all(Mappers.self(Machine.KIND), Mappers.controllerOwner(Machine.KIND), machinesOfNode()), conc, rate));
    runtime.register(new ControllerRuntime.ControllerSpec("kubeadmconfig", new KubeadmBootstrapController(ctx),
        Mappers.self(KubeadmConfig.KIND), conc, rate));
    Set<String> infraMachineKinds = new HashSet<>();
    Set<String> poolKinds = new HashSet<>();
    for (InfrastructureProvider p : b.providers.all()) {
      ProviderDescriptor d = p.descriptor();
      d.machineTemplates().forEach(t -> infraMachineKinds.add(t.machineKind()));
      d.scalingGroupPools().forEach(k -> poolKinds.add(k.kind()));
      d.managedPools().forEach(k -> poolKinds.add(k.kind()));
    }
    runtime.register(new ControllerRuntime.ControllerSpec("inframachine", new InfraMachineController(ctx, b.cloud),
        Mappers.all(c -> infraMachineKinds.contains(c.key().kind()) && !poolInstance(c) ? List.of(c.key()) : List.of(),
            infraOfMachine()), conc, rate));
    this.pools = new InfraMachinePoolController(ctx, b.machinePoolMachines);
    runtime.register(new ControllerRuntime.ControllerSpec("inframachinepool", pools,
        Mappers.all(Mappers.self(poolKinds), poolOfChange(poolKinds)), conc, rate));
    runtime.register(new ControllerRuntime.ControllerSpec("machinedeployment",
        new io.capi4j.simulation.controllers.MachineDeploymentController(ctx, (md, plan) -> plan.steps().forEach(st ->
            events.add(clock.instant() + " MachineDeployment " + md.name() + ": " + st))),
        Mappers.all(Mappers.self(io.capi4j.api.core.v1beta2.MachineDeployment.KIND),
            Mappers.controllerOwner(io.capi4j.api.core.v1beta2.MachineDeployment.KIND), machineDeploymentsOfMachine()),
        conc, rate));
    runtime.register(new ControllerRuntime.ControllerSpec("machineset",
        new io.capi4j.simulation.controllers.MachineSetController(ctx, plan -> plan.steps().forEach(st ->
            events.add(clock.instant() + " MachineSet " + plan.machineSet().name() + ": " + st))),
        Mappers.all(Mappers.self(io.capi4j.api.core.v1beta2.MachineSet.KIND),
            Mappers.controllerOwner(io.capi4j.api.core.v1beta2.MachineSet.KIND)), conc, rate));
    runtime.register(new ControllerRuntime.ControllerSpec("machinepool",
        new io.capi4j.simulation.controllers.MachinePoolController(ctx, pools::latest,
            st -> events.add(clock.instant() + " MachinePool " + st)),
        Mappers.all(Mappers.self(io.capi4j.api.core.v1beta2.MachinePool.KIND),
            Mappers.controllerOwner(io.capi4j.api.core.v1beta2.MachinePool.KIND), poolMachinesAndNodes()), conc, rate));
    runtime.register(new ControllerRuntime.ControllerSpec("machinehealthcheck",
        new io.capi4j.simulation.controllers.MachineHealthCheckController(ctx,
            st -> events.add(clock.instant() + " MachineHealthCheck " + st)),
        Mappers.all(Mappers.self(io.capi4j.api.core.v1beta2.MachineHealthCheck.KIND),
            io.capi4j.simulation.controllers.MachineHealthCheckController.machinesAndNodes(ctx)), conc, rate));
    for (ExtraController e : b.extra) {
      runtime.register(new ControllerRuntime.ControllerSpec(e.name(), e.factory().apply(ctx), e.mapper(), conc, rate));
    }
  }

  /** An extra controller, built from the simulation's shared context (e.g. a planner-backed controller). */
  public record ExtraController(String name, java.util.function.Function<SimContext, Reconciler> factory,
      java.util.function.Function<ObjectStore.Change, List<ObjectKey>> mapper) {}

  private static boolean poolInstance(ObjectStore.Change c) {
    Optional<Object> o = c.after().isPresent() ? c.after() : c.before();
    return o.map(x -> Meta.meta(x).getLabels() != null && Meta.meta(x).getLabels().containsKey(Capi.MACHINE_POOL_NAME_LABEL))
        .orElse(false);
  }

  /** A Machine change maps to its InfraMachine (so the provider sees new bootstrap data). */
  private static java.util.function.Function<ObjectStore.Change, List<ObjectKey>> infraOfMachine() {
    return c -> {
      if (!Machine.KIND.equals(c.key().kind()) || c.after().isEmpty()) {
        return List.of();
      }
      Machine m = (Machine) c.after().get();
      if (m.labels().containsKey(Capi.MACHINE_POOL_NAME_LABEL)) {
        return List.of();
      }
      ContractVersionedObjectReference ref = m.spec().infrastructureRefOrEmpty();
      return ref.kind().isEmpty() ? List.of() : List.of(new ObjectKey(ref.kind(), m.namespace(), ref.name()));
    };
  }

  /** A Node change maps to the Machines with the Node's provider ID. */
  private java.util.function.Function<ObjectStore.Change, List<ObjectKey>> machinesOfNode() {
    return c -> {
      if (!"Node".equals(c.key().kind())) {
        return List.of();
      }
      Optional<Object> o = c.after().isPresent() ? c.after() : c.before();
      String pid = o.map(n -> ((Node) n).getSpec() == null ? null : ((Node) n).getSpec().getProviderID()).orElse(null);
      if (pid == null) {
        return List.of();
      }
      List<ObjectKey> keys = new ArrayList<>();
      for (Object m : management.byIndex(MACHINE_PROVIDER_ID_INDEX, pid)) {
        keys.add(ObjectKey.of(m));
      }
      return keys;
    };
  }

  /** A Machine of a MachineDeployment maps to it (its status counts the Machines' conditions). */
  private static java.util.function.Function<ObjectStore.Change, List<ObjectKey>> machineDeploymentsOfMachine() {
    return c -> {
      Optional<Object> o = c.after().isPresent() ? c.after() : c.before();
      if (o.isEmpty() || !(o.get() instanceof Machine m)) {
        return List.of();
      }
      String md = m.labels().get(Capi.MACHINE_DEPLOYMENT_NAME_LABEL);
      return md == null ? List.of() : List.of(new ObjectKey(io.capi4j.api.core.v1beta2.MachineDeployment.KIND, m.namespace(), md));
    };
  }

  /** Pool Machines and Nodes map to every MachinePool (few per simulation). */
  private java.util.function.Function<ObjectStore.Change, List<ObjectKey>> poolMachinesAndNodes() {
    return c -> {
      Optional<Object> o = c.after().isPresent() ? c.after() : c.before();
      boolean relevant = "Node".equals(c.key().kind())
          || (o.isPresent() && o.get() instanceof Machine m && m.labels().containsKey(Capi.MACHINE_POOL_NAME_LABEL));
      if (!relevant) {
        return List.of();
      }
      return management.list(io.capi4j.api.core.v1beta2.MachinePool.KIND).stream().map(ObjectKey::of).toList();
    };
  }

  /** Changes to MachinePools, their Machines and InfraMachines, and Nodes map to the pools' InfraMachinePools. */
  private java.util.function.Function<ObjectStore.Change, List<ObjectKey>> poolOfChange(Set<String> poolKinds) {
    return c -> {
      Optional<Object> o = c.after().isPresent() ? c.after() : c.before();
      if (o.isEmpty()) {
        return List.of();
      }
      if (o.get() instanceof io.capi4j.api.core.v1beta2.MachinePool mp) {
        ContractVersionedObjectReference ref = mp.spec().templateOrEmpty().specOrEmpty().infrastructureRefOrEmpty();
        return poolKinds.contains(ref.kind()) ? List.of(new ObjectKey(ref.kind(), mp.namespace(), ref.name())) : List.of();
      }
      // Nodes, pool Machines, and the pools' per-instance InfraMachines (CAPD and CAPZ watch those too).
      if ("Node".equals(c.key().kind()) || poolInstance(c)) {
        List<ObjectKey> keys = new ArrayList<>();
        for (String k : poolKinds) {
          management.list(k).forEach(p -> keys.add(ObjectKey.of(p)));
        }
        return keys;
      }
      return List.of();
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Simulation}. */
  public static final class Builder {
    private Providers providers = Providers.none();
    private SimulatedCloud cloud;
    private SimulationProfile profile = SimulationProfile.defaults();
    private long seed = 1;
    private String clusterName = "sim";
    private String namespace = "default";
    private String controlPlaneVersion = "v1.32.0";
    private boolean machinePoolMachines = true;
    private final List<ExtraController> extra = new ArrayList<>();

    public Builder providers(Providers providers) {
      this.providers = providers;
      return this;
    }

    /** The simulated cloud (and with it the virtual clock). */
    public Builder cloud(SimulatedCloud cloud) {
      this.cloud = cloud;
      return this;
    }

    public Builder profile(SimulationProfile profile) {
      this.profile = profile;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder cluster(String name, String namespace, String controlPlaneVersion) {
      this.clusterName = name;
      this.namespace = namespace;
      this.controlPlaneVersion = controlPlaneVersion;
      return this;
    }

    /** Whether pool providers create one Machine per instance (default true). */
    public Builder machinePoolMachines(boolean on) {
      this.machinePoolMachines = on;
      return this;
    }

    /** Adds a controller. */
    public Builder controller(ExtraController c) {
      extra.add(c);
      return this;
    }

    public Simulation build() {
      if (cloud == null) {
        throw new IllegalStateException("a simulation needs a cloud");
      }
      return new Simulation(this);
    }
  }

  public VirtualClock clock() {
    return clock;
  }

  public ObjectStore management() {
    return management;
  }

  public ObjectStore workload() {
    return workload;
  }

  public ControllerRuntime runtime() {
    return runtime;
  }

  public SimContext context() {
    return ctx;
  }

  /** The Nodes that became Ready, in order, with when their instance started running. */
  public List<NodeSimulator.NodeJoin> nodeJoins() {
    return nodes.joins();
  }

  /**
   * The workload cluster's Nodes, with the failure injection for tests and scenarios
   * ({@link NodeSimulator#failJoin}, {@link NodeSimulator#setNodeCondition}).
   */
  public NodeSimulator nodes() {
    return nodes;
  }

  /**
   * Every step applied so far, with its time and reason: MachineDeployment and MachineSet plan steps,
   * MachineHealthCheck changes, MachinePool remediation changes.
   */
  public List<String> events() {
    return List.copyOf(events);
  }

  /** Every pool plan the InfraMachinePool controller applied. */
  public InfraMachinePoolController pools() {
    return pools;
  }

  /**
   * Creates or updates user objects in the management cluster, as {@code kubectl apply} through the API server
   * would: each object passes admission first (the mutating webhook's defaults, then validation, as an update
   * when the object exists). An object the API server would reject fails with {@link IllegalArgumentException}
   * naming its field errors, and nothing of the batch after it is written.
   */
  public void apply(List<?> objects) {
    io.capi4j.validation.Admission admission = io.capi4j.validation.Admission.create(ctx.providers());
    List<Object> visible = new ArrayList<>(management.all());
    visible.addAll(objects);
    for (Object o : objects) {
      Optional<Object> old = management.get(ObjectKey.of(o));
      io.capi4j.validation.AdmissionContext actx = io.capi4j.validation.AdmissionContext.create()
          .withProviders(ctx.providers()).withObjects(visible);
      if (old.isPresent()) {
        actx = actx.withOldObject(old.get());
      }
      io.capi4j.validation.AdmissionResult r = admission.admit(o, actx);
      if (r.isInvalid()) {
        throw new IllegalArgumentException("the API server rejects " + r.kind() + " " + r.name() + ": " + r.errors());
      }
      Object admitted = r.object().orElse(o);
      if (old.isPresent()) {
        management.update(admitted);
      } else {
        management.create(admitted);
      }
    }
  }

  /**
   * Sets the control plane's version (spec and status) as if its upgrade had just finished: the simulation does not
   * model control plane upgrades, but MachineSet preflight checks compare worker versions with this one (a worker
   * version above it, or of another minor for kubeadm, holds back creating Machines).
   */
  public void setControlPlaneVersion(String version) {
    // The control plane object is the simulation's own (never handed out to callers for keeps): replace its content.
    ctx.controlPlane().setAdditionalProperties(new LinkedHashMap<>(Map.of(
        "spec", Map.of("version", version),
        "status", Map.of("version", version, "versions", List.of(Map.of("version", version))))));
  }

  /** The control plane's {@code spec.version}. */
  public String controlPlaneVersion() {
    return ((Map<?, ?>) ctx.controlPlane().getAdditionalProperties().get("spec")).get("version").toString();
  }

  /** Runs the simulation for {@code d} of virtual time. */
  public void runFor(Duration d) {
    clock.advance(d);
  }

  /**
   * Runs until {@code done} holds (checked after every event) or {@code limit} of virtual time has passed.
   * Returns whether {@code done} held.
   */
  public boolean runUntil(BooleanSupplier done, Duration limit) {
    Instant end = clock.instant().plus(limit);
    while (!done.getAsBoolean()) {
      Optional<Instant> next = clock.nextEventTime();
      if (next.isEmpty() || next.get().isAfter(end)) {
        clock.advanceTo(end);
        return done.getAsBoolean();
      }
      clock.runNext();
    }
    return true;
  }

  /**
   * Ready Nodes in the workload cluster (Nodes with a {@code Ready} condition that is {@code True}). Counted as
   * Nodes change, not by listing them: {@link #runUntil} conditions read it after every event.
   */
  public long readyNodes() {
    return readyNodes;
  }

  private static boolean isReadyNode(Optional<Object> o) {
    return o.isPresent() && o.get() instanceof Node n && n.getStatus() != null && n.getStatus().getConditions() != null
        && n.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
