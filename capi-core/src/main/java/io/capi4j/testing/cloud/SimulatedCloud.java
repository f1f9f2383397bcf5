package io.capi4j.testing.cloud;

import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.RollingReplacement;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.cloud.ScalingGroups;
import io.capi4j.cloud.VirtualMachines;
import io.capi4j.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A deterministic in-memory cloud behind the {@link VirtualMachines} and {@link ScalingGroups} ports. Operations
 * start work and return at once; the work finishes on the {@link VirtualClock} after latencies sampled from the
 * {@link CloudProfile} with a seeded random generator. Failures can be injected by rate or on demand.
 *
 * <p>Failures: an attempt fails per the profile's {@link CloudProfile#failureRate() rate}, picked independently or
 * {@link CloudProfile.FailureSampling#EVEN evenly}; a failed instance reports {@code FAILED} to the listeners. With
 * {@link CloudProfile#failedInstanceRetry()} a group re-provisions a failed instance in place once (it reports
 * {@code FAILED}, then {@code RUNNING}); otherwise it stays {@code FAILED} until deleted.
 *
 * <p>Group semantics: a group keeps {@code capacity} live (non-deleting) instances, creating them from its
 * current model and spreading them round-robin over its zones; when capacity drops it removes out-of-date
 * instances first, then the newest. {@link #startRollingReplacement} replaces out-of-date instances in batches
 * bounded by healthy percentages, as an ASG instance refresh does; a profile with a
 * {@link CloudProfile#rollingReplacement() strategy} lets a provider decide each step instead.
 */
public final class SimulatedCloud implements VirtualMachines, ScalingGroups {
  private final VirtualClock clock;
  private final CloudProfile profile;
  private final RandomGenerator random;
  private final ProviderIds providerIds;
  private final List<CloudListener> listeners = new ArrayList<>();
  private final Map<String, Vm> vms = new LinkedHashMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private long nextId = 0;
  private int failNext = 0;
  /** {@link CloudProfile.FailureSampling#EVEN}'s running sum; NaN until the first attempt draws its offset. */
  private double failureSum = Double.NaN;

  private static final class Vm {
    String id;
    String providerID;
    InstanceState state;
    String modelVersion;
    Map<String, String> modelAttributes = Map.of();
    String zone;
    Instant createdAt;
    Instant runningSince;
    String groupId;
    boolean retried;

    /** The last snapshot and the field values it was made of: unchanged fields give back the same (immutable) one. */
    private Instance snapshot;
    private Object[] snapshotOf;

    Instance snapshot() {
      Object[] of = {id, providerID, state, modelVersion, modelAttributes, zone, createdAt, runningSince};
      if (snapshot != null && sameRefs(of, snapshotOf)) {
        return snapshot;
      }
      snapshot = Instance.builder().id(id).providerID(providerID).state(state).modelVersion(modelVersion).modelAttributes(modelAttributes)
          .zone(Optional.ofNullable(zone)).createdAt(createdAt).runningSince(Optional.ofNullable(runningSince)).build();
      snapshotOf = of;
      return snapshot;
    }

    private static boolean sameRefs(Object[] a, Object[] b) {
      for (int i = 0; i < a.length; i++) {
        if (a[i] != b[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class Group {
    String id;
    int capacity;
    InstanceModel model;
    List<String> zones;
    final Map<String, Vm> instances = new LinkedHashMap<>();
    int zoneCursor;
    int provisioning; // instances whose creation is running now (for groupParallelism)
    final Deque<Vm> waiting = new ArrayDeque<>();
    RollingReplacement refresh;
    int strategySurge; // with a strategy: live instances allowed above capacity
    long refreshSeq; // with a strategy: which replacement a scheduled step belongs to
  }

  private SimulatedCloud(VirtualClock clock, CloudProfile profile, RandomGenerator random, ProviderIds providerIds) {
    this.clock = clock;
    this.profile = profile;
    this.random = random;
    this.providerIds = providerIds;
  }

  /** A cloud on {@code clock} with {@code profile}, seeded with {@code seed}. */
  public static SimulatedCloud create(VirtualClock clock, CloudProfile profile, long seed, ProviderIds providerIds) {
    return new SimulatedCloud(clock, profile, new java.util.SplittableRandom(seed), providerIds);
  }

  public VirtualClock clock() {
    return clock;
  }

  public CloudProfile profile() {
    return profile;
  }

  /** Registers a listener for instance state changes. */
  public void addListener(CloudListener listener) {
    listeners.add(listener);
  }

  /** The next {@code n} instances to finish creating fail instead of running. */
  public void failNextInstances(int n) {
    failNext += n;
  }

  /** Marks a running instance failed now (e.g. a host fault). */
  public void failInstance(String id) {
    Vm vm = find(id);
    if (vm != null && vm.state != InstanceState.DELETING) {
      vm.state = InstanceState.FAILED;
      fireReady(vm);
    }
  }

  /** Removes an instance at once, as if it vanished out of band; a group then replaces it. */
  public void vanish(String id) {
    Vm vm = find(id);
    if (vm == null) {
      return;
    }
    remove(vm);
    if (vm.groupId != null) {
      reconcileGroup(groups.get(vm.groupId));
    }
  }

  // ---- VirtualMachines ----

  @Override
  public Instance create(String name, InstanceModel model, Optional<String> zone) {
    Vm vm = newVm(name, null, model.version(), zone.orElse(null));
    vm.modelAttributes = model.attributes();
    vms.put(vm.id, vm);
    finishCreate(vm, profile.vmCreate().sample(random));
    return vm.snapshot();
  }

  @Override
  public Optional<Instance> get(String id) {
    Vm vm = vms.get(id);
    return vm == null ? Optional.empty() : Optional.of(vm.snapshot());
  }

  @Override
  public void delete(String id) {
    Vm vm = vms.get(id);
    if (vm == null || vm.state == InstanceState.DELETING) {
      return;
    }
    vm.state = InstanceState.DELETING;
    clock.schedule(profile.vmDelete().sample(random), () -> remove(vm));
  }

  @Override
  public List<Instance> list() {
    return vms.values().stream().map(Vm::snapshot).toList();
  }

  // ---- ScalingGroups ----

  @Override
  public Optional<ScalingGroup> getGroup(String groupId) {
    return get0(groupId);
  }

  private Optional<ScalingGroup> get0(String groupId) {
    Group g = groups.get(groupId);
    if (g == null) {
      return Optional.empty();
    }
    return Optional.of(ScalingGroup.builder().id(g.id).capacity(g.capacity).model(g.model).zones(g.zones)
        .instances(g.instances.values().stream().map(Vm::snapshot).toList())
        .rollingReplacement(Optional.ofNullable(g.refresh)).build());
  }

  @Override
  public ScalingGroup createGroup(String groupId, int capacity, InstanceModel model, List<String> zones) {
    if (groups.containsKey(groupId)) {
      throw new IllegalStateException("scaling group " + groupId + " already exists");
    }
    Group g = new Group();
    g.id = groupId;
    g.capacity = capacity;
    g.model = model;
    g.zones = List.copyOf(zones);
    groups.put(groupId, g);
    clock.schedule(profile.groupOperation().sample(random), () -> reconcileGroup(g));
    return get0(groupId).orElseThrow();
  }

  @Override
  public void setCapacity(String groupId, int capacity) {
    Group g = group(groupId);
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
    g.capacity = capacity;
    clock.schedule(profile.groupOperation().sample(random), () -> reconcileGroup(g));
  }

  @Override
  public void updateModel(String groupId, InstanceModel model) {
    group(groupId).model = model;
  }

  @Override
  public void deleteInstance(String groupId, String instanceId, boolean decrementCapacity) {
    Group g = group(groupId);
    Vm vm = g.instances.get(instanceId);
    if (vm == null || vm.state == InstanceState.DELETING) {
      return;
    }
    if (decrementCapacity) {
      g.capacity = Math.max(0, g.capacity - 1);
    }
    startGroupDelete(g, vm);
    reconcileGroup(g);
  }

  @Override
  public void deleteGroup(String groupId) {
    Group g = groups.remove(groupId);
    if (g == null) {
      return;
    }
    for (Vm vm : List.copyOf(g.instances.values())) {
      vm.state = InstanceState.DELETING;
      clock.schedule(profile.groupInstanceDelete().sample(random), () -> {
        g.instances.remove(vm.id);
        fireDeleted(vm);
      });
    }
  }

  @Override
  public void startRollingReplacement(String groupId, int minHealthyPercentage, int maxHealthyPercentage,
      int instanceWarmupSeconds) {
    Group g = group(groupId);
    if (g.refresh != null && (g.refresh.status().equals("InProgress") || g.refresh.status().equals("Pending"))) {
      throw new IllegalStateException("InstanceRefreshInProgress: an instance refresh is already in progress");
    }
    g.refresh = RollingReplacement.builder().minHealthyPercentage(minHealthyPercentage)
        .maxHealthyPercentage(Math.max(100, maxHealthyPercentage)).instanceWarmupSeconds(instanceWarmupSeconds)
        .startedAt(clock.instant()).status("InProgress").build();
    g.refreshSeq++;
    g.strategySurge = 0;
    refreshStep(g);
  }

  @Override
  public void cancelRollingReplacement(String groupId) {
    Group g = group(groupId);
    if (g.refresh != null) {
      g.refresh = RollingReplacement.builder().from(g.refresh).status("Cancelled").build();
    }
  }

  // ---- internals ----

  private Group group(String id) {
    Group g = groups.get(id);
    if (g == null) {
      throw new IllegalArgumentException("no scaling group " + id);
    }
    return g;
  }

  private Vm find(String id) {
    Vm vm = vms.get(id);
    if (vm != null) {
      return vm;
    }
    for (Group g : groups.values()) {
      if (g.instances.containsKey(id)) {
        return g.instances.get(id);
      }
    }
    return null;
  }

  private Vm newVm(String name, String groupId, String modelVersion, String zone) {
    Vm vm = new Vm();
    vm.id = name != null ? name : Long.toString(nextId);
    nextId++;
    vm.groupId = groupId;
    vm.state = InstanceState.CREATING;
    vm.modelVersion = modelVersion;
    vm.zone = zone;
    vm.createdAt = clock.instant();
    vm.providerID = providerIds.providerID(Optional.ofNullable(groupId), vm.id, Optional.ofNullable(zone));
    return vm;
  }

  private void finishCreate(Vm vm, Duration after) {
    clock.schedule(after, () -> {
      if (vm.state != InstanceState.CREATING) {
        return;
      }
      boolean retryable = vm.groupId != null && !vm.retried && profile.failedInstanceRetry().isPresent();
      boolean fail = failNext > 0 || (!vm.retried && attemptFails());
      if (failNext > 0) {
        failNext--;
      }
      vm.state = fail ? InstanceState.FAILED : InstanceState.RUNNING;
      if (!fail) {
        vm.runningSince = clock.instant();
      }
      if (vm.groupId != null) {
        Group g = groups.get(vm.groupId);
        if (g != null) {
          g.provisioning--;
          startWaiting(g);
          if (fail && retryable) {
            scheduleRetry(g, vm);
          }
        }
      }
      fireReady(vm);
    });
  }

  /** Whether the attempt finishing now fails, per the profile's failure rate and sampling. */
  private boolean attemptFails() {
    double rate = profile.failureRate();
    if (rate <= 0) {
      return false;
    }
    if (profile.failureSampling() == CloudProfile.FailureSampling.INDEPENDENT) {
      return random.nextDouble() < rate;
    }
    if (Double.isNaN(failureSum)) {
      failureSum = random.nextDouble();
    }
    double before = Math.floor(failureSum);
    failureSum += rate;
    return Math.floor(failureSum) > before;
  }

  /** Re-provisions a failed group instance in place after the profile's retry delay. */
  private void scheduleRetry(Group g, Vm vm) {
    vm.retried = true;
    clock.schedule(profile.failedInstanceRetry().orElseThrow().sample(random), () -> {
      if (groups.get(g.id) != g || g.instances.get(vm.id) != vm || vm.state != InstanceState.FAILED) {
        return; // deleted meanwhile
      }
      vm.state = InstanceState.CREATING;
      g.waiting.add(vm);
      startWaiting(g);
    });
  }

  private void remove(Vm vm) {
    vms.remove(vm.id);
    if (vm.groupId != null) {
      Group g = groups.get(vm.groupId);
      if (g != null) {
        g.instances.remove(vm.id);
        g.waiting.remove(vm);
      }
    }
    fireDeleted(vm);
  }

  private void startGroupDelete(Group g, Vm vm) {
    if (vm.state == InstanceState.CREATING) {
      if (g.waiting.remove(vm)) {
        // never started: nothing to stop
      } else {
        g.provisioning--;
      }
    }
    vm.state = InstanceState.DELETING;
    clock.schedule(profile.groupInstanceDelete().sample(random), () -> {
      g.instances.remove(vm.id);
      fireDeleted(vm);
      reconcileGroup(g);
    });
  }

  /** Brings the number of live instances to the capacity. */
  private void reconcileGroup(Group g) {
    if (groups.get(g.id) != g) {
      return;
    }
    List<Vm> live = g.instances.values().stream().filter(v -> v.state != InstanceState.DELETING).toList();
    int target = g.capacity + (refreshSurge(g));
    if (live.size() < target) {
      for (int i = live.size(); i < target; i++) {
        String zone = g.zones.isEmpty() ? null : g.zones.get(g.zoneCursor++ % g.zones.size());
        Vm vm = newVm(null, g.id, g.model.version(), zone);
        vm.modelAttributes = g.model.attributes();
        g.instances.put(vm.id, vm);
        g.waiting.add(vm);
      }
      startWaiting(g);
    } else if (live.size() > target) {
      List<Vm> victims = new ArrayList<>(live);
      String current = g.model.version();
      victims.sort(Comparator.<Vm, Boolean>comparing(v -> v.modelVersion.equals(current))
          .thenComparing(v -> v.state == InstanceState.RUNNING)
          .thenComparing(Comparator.comparing((Vm v) -> v.createdAt).reversed()));
      for (int i = 0; i < live.size() - target; i++) {
        startGroupDelete(g, victims.get(i));
      }
    }
  }

  private void startWaiting(Group g) {
    while (!g.waiting.isEmpty() && (profile.groupParallelism() == 0 || g.provisioning < profile.groupParallelism())) {
      Vm vm = g.waiting.poll();
      g.provisioning++;
      finishCreate(vm, profile.groupInstanceCreate().sample(random));
    }
  }

  /** Extra instances a running refresh may launch above capacity (maxHealthyPercentage above 100). */
  private int refreshSurge(Group g) {
    if (g.refresh == null || !g.refresh.status().equals("InProgress")) {
      return 0;
    }
    if (profile.rollingReplacement().isPresent()) {
      return g.strategySurge;
    }
    int allowed = (int) Math.floor(g.capacity * g.refresh.maxHealthyPercentage() / 100.0);
    long outdated = g.instances.values().stream()
        .filter(v -> v.state != InstanceState.DELETING && !v.modelVersion.equals(g.model.version())).count();
    return (int) Math.min(Math.max(0, allowed - g.capacity), outdated);
  }

  /** One step of a rolling replacement: terminate out-of-date instances while enough healthy ones remain. */
  private void refreshStep(Group g) {
    if (g.refresh == null || !g.refresh.status().equals("InProgress") || groups.get(g.id) != g) {
      return;
    }
    if (profile.rollingReplacement().isPresent()) {
      strategyStep(g, profile.rollingReplacement().get());
      return;
    }
    Instant now = clock.instant();
    Duration warmup = Duration.ofSeconds(g.refresh.instanceWarmupSeconds());
    String current = g.model.version();
    List<Vm> outdated = g.instances.values().stream()
        .filter(v -> v.state != InstanceState.DELETING && !v.modelVersion.equals(current)).toList();
    if (outdated.isEmpty()) {
      boolean allWarm = g.instances.values().stream().allMatch(v -> v.state == InstanceState.RUNNING
          && v.runningSince != null && !v.runningSince.plus(warmup).isAfter(now));
      if (allWarm) {
        g.refresh = RollingReplacement.builder().from(g.refresh).status("Successful").build();
        reconcileGroup(g);
        return;
      }
    }
    reconcileGroup(g); // launch surge instances, if the max healthy percentage allows
    long healthy = g.instances.values().stream().filter(v -> v.state == InstanceState.RUNNING
        && v.runningSince != null && !v.runningSince.plus(warmup).isAfter(now)).count();
    int minHealthy = (int) Math.ceil(g.capacity * g.refresh.minHealthyPercentage() / 100.0);
    long canTerminate = Math.max(0, healthy - minHealthy);
    if (minHealthy >= g.capacity && canTerminate == 0 && refreshSurge(g) == 0 && healthy >= g.capacity) {
      canTerminate = 1; // 100% min healthy and no surge allowed: AWS replaces one at a time
    }
    List<Vm> victims = new ArrayList<>(outdated);
    victims.sort(Comparator.comparing((Vm v) -> v.state == InstanceState.RUNNING).thenComparing(v -> v.createdAt));
    for (int i = 0; i < Math.min(canTerminate, victims.size()); i++) {
      startGroupDelete(g, victims.get(i));
    }
    reconcileGroup(g);
    clock.schedule(Duration.ofSeconds(Math.max(10, Math.min(30, g.refresh.instanceWarmupSeconds()))), () -> refreshStep(g));
  }

  /** One step decided by the profile's strategy; the next is scheduled when it asks, or at the poll interval. */
  private void strategyStep(Group g, RollingReplacementStrategy strategy) {
    Instant now = clock.instant();
    RollingReplacementStrategy.Step s = strategy.next(get0(g.id).orElseThrow(), now);
    if (s.finished().isPresent()) {
      g.refresh = RollingReplacement.builder().from(g.refresh).status(s.finished().get()).build();
      g.strategySurge = 0;
      reconcileGroup(g);
      return;
    }
    g.strategySurge = Math.max(0, s.surge());
    for (String id : s.terminate()) {
      Vm vm = g.instances.get(id);
      if (vm != null && vm.state != InstanceState.DELETING) {
        startGroupDelete(g, vm);
      }
    }
    reconcileGroup(g);
    Instant poll = now.plusSeconds(Math.max(10, Math.min(30, g.refresh.instanceWarmupSeconds())));
    Instant next = s.nextStepAt().filter(t -> t.isBefore(poll)).orElse(poll);
    long seq = g.refreshSeq;
    clock.scheduleAt(next.isAfter(now) ? next : now.plusSeconds(1), () -> {
      if (g.refreshSeq == seq) {
        refreshStep(g);
      }
    });
  }

  private void fireReady(Vm vm) {
    Instance i = vm.snapshot();
    listeners.forEach(l -> l.instanceReady(Optional.ofNullable(vm.groupId), i));
  }

  private void fireDeleted(Vm vm) {
    Instance i = vm.snapshot();
    listeners.forEach(l -> l.instanceDeleted(Optional.ofNullable(vm.groupId), i));
  }
}
