package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.api.core.v1beta2.StatusVersion;
import io.capi4j.conditions.Conditions;
import io.capi4j.spi.PoolInstance;
import io.capi4j.util.Semver;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream's {@code machinepool_controller_status.go} ({@link StatusPolicy#UPSTREAM}) and capi4j's truthful
 * counters and v1beta2 conditions ({@link StatusPolicy#TRUTHFUL}, see {@code STATUS.md}).
 */
final class PoolStatus {
  private PoolStatus() {}

  /** Reason of {@code RollingOut} when the provider reports nothing about its instances. */
  static final String INSTANCES_NOT_REPORTED = "InstancesNotReported";

  static final Duration STALE_DELETION = Duration.ofMinutes(15);

  /** {@code updateStatus}: the counters (only once the InfraMachinePool was found), then the conditions. */
  static void update(PlanScope s) {
    boolean truthful = s.in.options().statusPolicy() == StatusPolicy.TRUTHFUL;
    if (s.infraMachinePool != null) {
      boolean mpm = s.infrastructureMachineKind(s.infraMachinePool).isPresent();
      if (truthful) {
        truthfulReplicas(s, mpm);
      } else {
        upstreamReplicas(s, mpm);
      }
    }
    if (truthful) {
      setConditions(s);
    }
  }

  /** Upstream's {@code setReplicas}. */
  static void upstreamReplicas(PlanScope s, boolean mpm) {
    MachinePoolStatus st = s.status();
    if (!mpm) {
      st = st.withReadyReplicas(st.replicas()).withAvailableReplicas(st.replicas())
          .withUpToDateReplicas(s.mp.spec().replicas())
          .withVersions(versionsFromNodeRefs(st.nodeRefs(), s.nodeRefMap));
      s.status(st);
      return;
    }
    int ready = 0;
    int available = 0;
    int upToDate = 0;
    for (MachineFacts f : s.machineFacts()) {
      List<Condition> c = f.conditions();
      ready += Conditions.isTrue(c, Capi.Conditions.READY) ? 1 : 0;
      available += Conditions.isTrue(c, Capi.Conditions.AVAILABLE) ? 1 : 0;
      upToDate += Conditions.isTrue(c, Capi.Conditions.UP_TO_DATE) ? 1 : 0;
    }
    s.status(st.withReadyReplicas(ready).withAvailableReplicas(available).withUpToDateReplicas(upToDate)
        .withVersions(versionsFromMachineFacts(s.machineFacts())));
  }

  /** capi4j's counters: Nodes for ready and available, the provider's instance report for up to date. */
  static void truthfulReplicas(PlanScope s, boolean mpm) {
    MachinePoolStatus st = s.status();
    if (s.nodeRefMap != null) {
      int minReadySeconds = s.mp.spec().templateOrEmpty().specOrEmpty().minReadySeconds().orElse(0);
      // getNodeReferences' counts (0 and 0 when it finds no Node), without its references.
      int[] r = NodeRefs.countReadyAndAvailable(s.mp.spec().providerIDList(), minReadySeconds, s::nodeRefFacts,
          s.in.now());
      st = st.withReadyReplicas(r[0]).withAvailableReplicas(r[1]);
    }
    if (s.in.poolInstances().isPresent()) {
      int upToDate = (int) s.in.poolInstances().get().stream()
          .filter(i -> i.upToDate().orElse(false)).count();
      st = st.withUpToDateReplicas(upToDate);
    } else {
      st = st.withUpToDateReplicas(Optional.empty());
    }
    st = st.withVersions(mpm ? versionsFromMachineFacts(s.machineFacts())
        : versionsFromNodeRefs(st.nodeRefs(), s.nodeRefMap));
    s.status(st);
  }

  /**
   * When a Ready Node of the pool becomes available ({@code minReadySeconds} after it became Ready), if one is
   * waiting for that.
   */
  static Optional<Duration> nextAvailability(PlanScope s) {
    int minReadySeconds = s.mp.spec().templateOrEmpty().specOrEmpty().minReadySeconds().orElse(0);
    if (minReadySeconds == 0 || s.nodeRefMap == null) {
      return Optional.empty();
    }
    Optional<Duration> next = Optional.empty();
    for (String id : s.mp.spec().providerIDList()) {
      Node n = s.nodeRefMap.get(id);
      if (n == null || !Nodes.isReady(n) || Nodes.isAvailable(n, minReadySeconds, s.in.now())) {
        continue;
      }
      Optional<Instant> since = Nodes.readySince(n);
      if (since.isEmpty()) {
        continue;
      }
      Duration d = Duration.between(s.in.now(), since.get().plusSeconds(minReadySeconds)).plusSeconds(1);
      if (d.isNegative() || d.isZero()) {
        d = Duration.ofSeconds(1);
      }
      next = next.isEmpty() || d.compareTo(next.get()) < 0 ? Optional.of(d) : next;
    }
    return next;
  }

  /** The v1beta2 conditions, computed as MachineDeployments compute theirs. */
  static void setConditions(PlanScope s) {
    MachinePool mp = s.mp;
    MachinePoolStatus st = s.status();
    Instant now = s.in.now();
    List<Condition> conds = st.conditions();
    conds = Conditions.set(conds, available(mp, st, now));
    conds = Conditions.set(conds, scalingUp(s, mp, st, now));
    conds = Conditions.set(conds, scalingDown(s, mp, st, now));
    conds = Conditions.set(conds, rollingOut(s, now));
    boolean mpm = s.infraMachinePool != null && s.infrastructureMachineKind(s.infraMachinePool).isPresent();
    if (mpm) {
      conds = Conditions.set(conds, machinesReady(s.machineFacts(), now));
      conds = Conditions.set(conds, machinesUpToDate(s.machineFacts(), now));
    } else {
      conds = Conditions.delete(conds, Capi.Conditions.MACHINES_READY);
      conds = Conditions.delete(conds, Capi.Conditions.MACHINES_UP_TO_DATE);
    }
    s.status(st.withConditions(conds));
  }

  static Condition available(MachinePool mp, MachinePoolStatus st, Instant now) {
    String type = Capi.Conditions.AVAILABLE;
    if (mp.spec().replicas().isEmpty()) {
      return Conditions.of(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_REPLICAS_SET,
          "Waiting for spec.replicas set", now);
    }
    if (st.availableReplicas().isEmpty()) {
      return Conditions.of(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_AVAILABLE_REPLICAS_SET,
          "Waiting for status.availableReplicas set", now);
    }
    int required = mp.spec().replicas().get();
    int available = st.availableReplicas().get();
    if (available >= required) {
      return Conditions.of(type, Conditions.TRUE, Capi.Reasons.AVAILABLE, "", now);
    }
    String msg = mp.isDeleting() ? "Deletion in progress"
        : available + " available replicas, at least " + required + " required";
    return Conditions.of(type, Conditions.FALSE, Capi.Reasons.NOT_AVAILABLE, msg, now);
  }

  static Condition scalingUp(PlanScope s, MachinePool mp, MachinePoolStatus st, Instant now) {
    String type = Capi.Conditions.SCALING_UP;
    if (mp.spec().replicas().isEmpty()) {
      return Conditions.of(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_REPLICAS_SET,
          "Waiting for spec.replicas set", now);
    }
    int desired = mp.isDeleting() ? 0 : mp.spec().replicas().get();
    int current = st.replicas().orElse(0);
    String missing = missingReferences(s);
    if (current >= desired) {
      String msg = !mp.isDeleting() && !missing.isEmpty() ? "Scaling up would be blocked " + missing : "";
      return Conditions.of(type, Conditions.FALSE, Capi.Reasons.NOT_SCALING_UP, msg, now);
    }
    String msg = "Scaling up from " + current + " to " + desired + " replicas"
        + (missing.isEmpty() ? "" : " is blocked " + missing);
    return Conditions.of(type, Conditions.TRUE, Capi.Reasons.SCALING_UP, msg, now);
  }

  static Condition scalingDown(PlanScope s, MachinePool mp, MachinePoolStatus st, Instant now) {
    String type = Capi.Conditions.SCALING_DOWN;
    if (mp.spec().replicas().isEmpty()) {
      return Conditions.of(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_REPLICAS_SET,
          "Waiting for spec.replicas set", now);
    }
    int desired = mp.isDeleting() ? 0 : mp.spec().replicas().get();
    int current = st.replicas().orElse(0);
    if (current > desired) {
      String msg = "Scaling down from " + current + " to " + desired + " replicas";
      String stale = staleMachines(s.machines, now);
      if (!stale.isEmpty()) {
        msg += "\n* " + stale;
      }
      return Conditions.of(type, Conditions.TRUE, Capi.Reasons.SCALING_DOWN, msg, now);
    }
    return Conditions.of(type, Conditions.FALSE, Capi.Reasons.NOT_SCALING_DOWN, "", now);
  }

  static Condition rollingOut(PlanScope s, Instant now) {
    String type = Capi.Conditions.ROLLING_OUT;
    if (s.in.poolInstances().isEmpty()) {
      return Conditions.of(type, Conditions.UNKNOWN, INSTANCES_NOT_REPORTED,
          "The infrastructure provider does not report which instances are on the MachinePool's latest model", now);
    }
    List<PoolInstance> instances = s.in.poolInstances().get();
    long outdated = instances.stream().filter(i -> i.upToDate().isPresent() && !i.upToDate().get()).count();
    if (outdated == 0) {
      return Conditions.of(type, Conditions.FALSE, Capi.Reasons.NOT_ROLLING_OUT, "", now);
    }
    return Conditions.of(type, Conditions.TRUE, Capi.Reasons.ROLLING_OUT,
        "Rolling out " + outdated + " not up-to-date replicas", now);
  }

  static Condition machinesReady(List<MachineFacts> machines, Instant now) {
    if (machines.isEmpty()) {
      return Conditions.of(Capi.Conditions.MACHINES_READY, Conditions.TRUE, Capi.Reasons.NO_REPLICAS, "", now);
    }
    List<MachinesAggregate.Entry> entries = new ArrayList<>(machines.size());
    for (MachineFacts f : machines) {
      entries.add(f.entry(Capi.Conditions.READY));
    }
    return MachinesAggregate.aggregateEntries(entries, Capi.Conditions.MACHINES_READY, Capi.Reasons.NOT_READY,
        Capi.Reasons.READY_UNKNOWN, Capi.Reasons.READY, now);
  }

  static Condition machinesUpToDate(List<MachineFacts> machines, Instant now) {
    // Machines with an UpToDate condition, or created at least 10s ago (or at an unknown time).
    Instant tenSecondsAgo = now.minusSeconds(10);
    List<MachinesAggregate.Entry> entries = new ArrayList<>(machines.size());
    for (MachineFacts f : machines) {
      if (f.hasUpToDate() || f.created().map(c -> !c.isAfter(tenSecondsAgo)).orElse(true)) {
        entries.add(f.entry(Capi.Conditions.UP_TO_DATE));
      }
    }
    if (entries.isEmpty()) {
      return Conditions.of(Capi.Conditions.MACHINES_UP_TO_DATE, Conditions.TRUE, Capi.Reasons.NO_REPLICAS, "", now);
    }
    return MachinesAggregate.aggregateEntries(entries, Capi.Conditions.MACHINES_UP_TO_DATE,
        Capi.Reasons.NOT_UP_TO_DATE, Capi.Reasons.UP_TO_DATE_UNKNOWN, Capi.Reasons.UP_TO_DATE, now);
  }

  /** {@code calculateMissingReferencesMessage}: {@code because X does not exist} or {@code because X and Y do not exist}. */
  static String missingReferences(PlanScope s) {
    MachineSpec t = s.mp.spec().templateOrEmpty().specOrEmpty();
    List<String> kinds = new ArrayList<>();
    if (s.bootstrapConfigNotFound) {
      kinds.add(t.bootstrapOrEmpty().configRef().map(ContractVersionedObjectReference::kind).orElse(""));
    }
    if (s.infraMachinePoolNotFound) {
      kinds.add(t.infrastructureRefOrEmpty().kind());
    }
    if (kinds.isEmpty()) {
      return "";
    }
    return kinds.size() == 1 ? "because " + kinds.get(0) + " does not exist"
        : "because " + String.join(" and ", kinds) + " do not exist";
  }

  /** {@code aggregateStaleMachines} without the drain diagnosis: Machines in deletion for more than 15m. */
  static String staleMachines(List<Machine> machines, Instant now) {
    List<String> names = machines.stream()
        .filter(m -> Conditions.parseTime(m.metadata().getDeletionTimestamp())
            .map(t -> t.plus(STALE_DELETION).isBefore(now)).orElse(false))
        .map(Machine::name).sorted().toList();
    if (names.isEmpty()) {
      return "";
    }
    String list = names.size() <= 3 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 3)) + ", ... (" + (names.size() - 3) + " more)";
    return (names.size() == 1 ? "Machine " + list + " is" : "Machines " + list + " are")
        + " in deletion since more than 15m";
  }

  /** {@code versionsFromNodeRefs}: kubelet versions of the referenced Nodes. */
  static List<StatusVersion> versionsFromNodeRefs(List<ObjectReference> refs, Map<String, Node> nodeRefMap) {
    if (refs.isEmpty() || nodeRefMap == null || nodeRefMap.isEmpty()) {
      return List.of();
    }
    Map<String, Node> byName = new LinkedHashMap<>();
    nodeRefMap.values().forEach(n -> byName.put(Nodes.name(n), n));
    List<String> versions = new ArrayList<>();
    for (ObjectReference r : refs) {
      Node n = byName.get(r.getName());
      if (n != null && !Nodes.kubeletVersion(n).isEmpty()) {
        versions.add(Nodes.kubeletVersion(n));
      }
    }
    return aggregate(versions);
  }

  /** {@code VersionsFromMachines}: the Machines' {@code spec.version}. */
  static List<StatusVersion> versionsFromMachineFacts(List<MachineFacts> machines) {
    List<String> versions = new ArrayList<>();
    for (MachineFacts f : machines) {
      if (!f.specVersion.isEmpty()) {
        versions.add(f.specVersion);
      }
    }
    return aggregate(versions);
  }

  /** {@code AggregateStatusVersions}: one entry per version with its count, in semver order. */
  static List<StatusVersion> aggregate(List<String> versions) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    versions.forEach(v -> counts.merge(v, 1, Integer::sum));
    List<String> keys = new ArrayList<>(counts.keySet());
    keys.sort(Comparator.<String, Semver>comparing(v -> Semver.parseTolerant(v).orElse(null),
        Comparator.nullsLast(Semver::compareTo)).thenComparing(Comparator.naturalOrder()));
    return keys.stream().map(v -> StatusVersion.of(v, counts.get(v))).toList();
  }
}
