package io.capi4j.machinehealthcheck;

import io.capi4j.api.CapiObject;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckChecks;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.api.core.v1beta2.UnhealthyCondition;
import io.capi4j.conditions.Conditions;
import io.capi4j.util.GoDuration;
import io.capi4j.util.Selectors;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Machines a MachineHealthCheck watches and whether each is healthy, as upstream's
 * {@code machinehealthcheck_targets.go} decides.
 */
public final class MachineHealthCheckTargets {
  private MachineHealthCheckTargets() {}

  /** {@code DefaultNodeStartupTimeoutSeconds}: used when {@code spec.checks.nodeStartupTimeoutSeconds} is unset. */
  public static final int DEFAULT_NODE_STARTUP_TIMEOUT_SECONDS = 600;

  /** The v1beta2 message for a Machine with the {@code cluster.x-k8s.io/remediate-machine} annotation. */
  public static final String REMEDIATE_ANNOTATION_MESSAGE =
      "Health check failed: marked for remediation via cluster.x-k8s.io/remediate-machine annotation";

  /** Go's zero {@code time.Time}, which a missing timestamp reads as. */
  static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  /**
   * The targets of {@code mhc} ({@code getTargetsFromMHC}).
   *
   * <ul>
   *   <li>Machines are those of the MachineHealthCheck's namespace that match {@code spec.selector} plus
   *       {@code cluster.x-k8s.io/cluster-name=<spec.clusterName>}, in the order given.
   *   <li>A Machine with the {@code cluster.x-k8s.io/paused} or {@code cluster.x-k8s.io/skip-remediation}
   *       annotation (any value) is skipped: it is not a target and does not count in {@code expectedMachines}.
   *   <li>Nodes are only looked at when the Cluster's {@code ControlPlaneInitialized} condition is True (upstream
   *       only then has a client for the workload cluster); otherwise every target has no Node.
   *   <li>The Node is the one named by {@code status.nodeRef.name}; none when the Machine has no nodeRef, and
   *       {@link HealthCheckTarget#nodeMissing()} when no Node of that name is in {@code nodes}.
   * </ul>
   *
   * @param machines the Machines of the namespace (others are ignored)
   * @param nodes the Nodes of the workload cluster
   * @return the targets, or an error in upstream's words when the selector is invalid
   */
  public static TargetSelection select(
      MachineHealthCheck mhc, List<Machine> machines, List<Node> nodes, Cluster cluster) {
    LabelSelector selector = selectorWithClusterName(mhc);
    Optional<String> selectorError = Selectors.conversionError(selector);
    if (selectorError.isPresent()) {
      return ImmutableTargetSelection.builder()
          .error("error getting machines from MachineHealthCheck: failed to build selector: " + selectorError.get())
          .build();
    }
    boolean workloadClusterReadable = Conditions.isTrue(clusterConditions(cluster), Capi.Conditions.CONTROL_PLANE_INITIALIZED);
    ImmutableTargetSelection.Builder out = ImmutableTargetSelection.builder();
    for (Machine m : machines) {
      if (!m.namespace().equals(mhc.namespace()) || !Selectors.matches(selector, m.labels())) {
        continue;
      }
      if (m.annotations().containsKey(Capi.PAUSED_ANNOTATION)) {
        out.addSkipped(SkippedMachine.of(m.name(), "machine has \"" + Capi.PAUSED_ANNOTATION + "\" annotation"));
        continue;
      }
      if (m.annotations().containsKey(Capi.MACHINE_SKIP_REMEDIATION_ANNOTATION)) {
        out.addSkipped(
            SkippedMachine.of(m.name(), "machine has \"" + Capi.MACHINE_SKIP_REMEDIATION_ANNOTATION + "\" annotation"));
        continue;
      }
      if (!workloadClusterReadable) {
        out.addTarget(HealthCheckTarget.withoutNode(m));
        continue;
      }
      String nodeName = m.status().map(MachineStatus::nodeName).orElse("");
      if (nodeName.isEmpty()) {
        out.addTarget(HealthCheckTarget.withoutNode(m));
        continue;
      }
      Optional<Node> node =
          nodes.stream()
              .filter(n -> n.getMetadata() != null && nodeName.equals(n.getMetadata().getName()))
              .findFirst();
      out.addTarget(node.isPresent() ? HealthCheckTarget.of(m, node.get()) : HealthCheckTarget.nodeDeleted(m));
    }
    return out.build();
  }

  /** {@code spec.selector} plus {@code cluster.x-k8s.io/cluster-name=<spec.clusterName>} (a copy). */
  static LabelSelector selectorWithClusterName(MachineHealthCheck mhc) {
    LabelSelector s = mhc.spec().selector().orElse(new LabelSelector());
    Map<String, String> labels = new LinkedHashMap<>(s.getMatchLabels() == null ? Map.of() : s.getMatchLabels());
    labels.put(Capi.CLUSTER_NAME_LABEL, mhc.spec().clusterName());
    List<LabelSelectorRequirement> exprs = new ArrayList<>();
    if (s.getMatchExpressions() != null) {
      s.getMatchExpressions().forEach(r -> exprs.add(new LabelSelectorRequirementBuilder(r).build()));
    }
    return new LabelSelector(exprs, labels);
  }

  /** The node startup timeout: {@code spec.checks.nodeStartupTimeoutSeconds}, or 600s when unset. */
  public static Duration nodeStartupTimeout(MachineHealthCheck mhc) {
    return Duration.ofSeconds(
        mhc.spec().checksOrEmpty().nodeStartupTimeoutSeconds().orElse(DEFAULT_NODE_STARTUP_TIMEOUT_SECONDS));
  }

  /**
   * Whether {@code target} needs remediation at {@code now} ({@code needsRemediation}). In order:
   *
   * <ol>
   *   <li>the {@code cluster.x-k8s.io/remediate-machine} annotation: unhealthy, reason
   *       {@code HasRemediateAnnotation};
   *   <li>the Cluster's {@code ControlPlaneInitialized} is not True and the Machine is not a control plane Machine,
   *       or the Cluster's {@code InfrastructureReady} is not True: not unhealthy, nothing pending;
   *   <li>{@code spec.checks.unhealthyMachineConditions} (any one suffices): the Machine condition of that type
   *       has that status and its {@code lastTransitionTime + timeout} is before {@code now};
   *   <li>the Node: deleted ({@code NodeDeleted}); absent for longer than {@code nodeStartupTimeout} counted from
   *       the latest of the Machine's creation and the True {@code ControlPlaneInitialized},
   *       {@code InfrastructureReady} (Cluster) and {@code InfrastructureReady} (Machine) transitions
   *       ({@code NodeStartupTimeout}; a zero timeout disables this); or a
   *       {@code spec.checks.unhealthyNodeConditions} entry timed out ({@code UnhealthyNode}).
   * </ol>
   *
   * <p>A failing check that has not timed out yet gives {@code nextCheck = timeout - elapsed + 1s}; the result
   * carries the smallest. When the Machine and the Node both fail, the reason is {@code UnhealthyMachine} and the
   * message lists the Machine's failures first: {@code "Health check failed:\n  * <msg>\n  * <msg>"}.
   *
   * <p>Missing timestamps read as Go's zero time (year 1), as upstream reads them.
   */
  public static HealthCheckResult needsRemediation(
      HealthCheckTarget target, MachineHealthCheck mhc, Cluster cluster, Instant now, Duration nodeStartupTimeout) {
    Machine m = target.machine();
    if (m.annotations().containsKey(Capi.REMEDIATE_MACHINE_ANNOTATION)) {
      return ImmutableHealthCheckResult.builder()
          .unhealthy(true)
          .reason(Capi.Reasons.HAS_REMEDIATE_ANNOTATION)
          .message(REMEDIATE_ANNOTATION_MESSAGE)
          .explanation("the Machine has the " + Capi.REMEDIATE_MACHINE_ANNOTATION + " annotation")
          .build();
    }
    List<Condition> cc = clusterConditions(cluster);
    if (!Conditions.isTrue(cc, Capi.Conditions.CONTROL_PLANE_INITIALIZED)
        && !m.labels().containsKey(Capi.MACHINE_CONTROL_PLANE_LABEL)) {
      return notUnhealthy(Duration.ZERO, "not evaluated: the Cluster's control plane is not initialized yet");
    }
    if (!Conditions.isTrue(cc, Capi.Conditions.INFRASTRUCTURE_READY)) {
      return notUnhealthy(Duration.ZERO, "not evaluated: the Cluster's infrastructure is not ready yet");
    }
    MachineHealthCheckChecks checks = mhc.spec().checksOrEmpty();

    // Machine conditions first, whatever the Node's state.
    List<String> machineMessages = new ArrayList<>();
    List<Duration> machineNext = new ArrayList<>();
    List<Condition> machineConditions = machineConditions(m);
    for (UnhealthyCondition c : checks.unhealthyMachineConditions()) {
      Optional<Condition> mc = Conditions.get(machineConditions, c.type());
      if (mc.isEmpty() || !c.status().equals(mc.get().getStatus())) {
        continue;
      }
      conditionCheck(c, "Machine", nz(mc.get().getReason()), time(mc.get().getLastTransitionTime()), now,
          machineMessages, machineNext);
    }
    Duration nextMachineCheck = machineMessages.isEmpty() ? min(machineNext) : Duration.ZERO;

    // Then the Node.
    String nodeReason = "";
    List<String> nodeMessages = new ArrayList<>();
    Duration nextNodeCheck = Duration.ZERO;
    String nodeExplanation = "";
    if (target.nodeMissing()) {
      nodeReason = Capi.Reasons.NODE_DELETED;
      nodeMessages.add("Node " + target.nodeName() + " has been deleted");
    } else if (target.node().isEmpty()) {
      if (nodeStartupTimeout.isZero()) {
        nodeExplanation = "no Node yet, and the node startup timeout is disabled";
      } else {
        Instant comparison = time(m.metadata().getCreationTimestamp());
        comparison = later(comparison, cc, Capi.Conditions.CONTROL_PLANE_INITIALIZED);
        comparison = later(comparison, cc, Capi.Conditions.INFRASTRUCTURE_READY);
        comparison = later(comparison, machineConditions, Capi.Conditions.INFRASTRUCTURE_READY);
        if (comparison.plus(nodeStartupTimeout).isBefore(now)) {
          nodeReason = Capi.Reasons.NODE_STARTUP_TIMEOUT;
          nodeMessages.add("Node failed to report startup in " + GoDuration.format(nodeStartupTimeout));
        } else {
          nextNodeCheck = nodeStartupTimeout.minus(Duration.between(comparison, now)).plusSeconds(1);
          nodeExplanation = "no Node yet; the node startup timeout (" + GoDuration.format(nodeStartupTimeout)
              + ") runs from " + Conditions.format(comparison);
        }
      }
    } else {
      List<Duration> next = new ArrayList<>();
      List<NodeCondition> nodeConditions = nodeConditions(target.node().get());
      for (UnhealthyCondition c : checks.unhealthyNodeConditions()) {
        Optional<NodeCondition> nc =
            nodeConditions.stream().filter(x -> c.type().equals(x.getType())).findFirst();
        if (nc.isEmpty() || !c.status().equals(nc.get().getStatus())) {
          continue;
        }
        conditionCheck(c, "Node", nz(nc.get().getReason()), time(nc.get().getLastTransitionTime()), now,
            nodeMessages, next);
      }
      if (!nodeMessages.isEmpty()) {
        nodeReason = Capi.Reasons.UNHEALTHY_NODE;
      } else {
        nextNodeCheck = min(next);
      }
    }

    if (machineMessages.isEmpty() && nodeMessages.isEmpty()) {
      List<Duration> next = new ArrayList<>();
      if (positive(nextMachineCheck)) {
        next.add(nextMachineCheck);
      }
      if (positive(nextNodeCheck)) {
        next.add(nextNodeCheck);
      }
      Duration result = min(next);
      String why = result.isZero()
          ? (nodeExplanation.isEmpty() ? "no check fails" : nodeExplanation)
          : "no check has timed out yet; next check in " + GoDuration.format(result);
      return notUnhealthy(result, why);
    }
    String reason = machineMessages.isEmpty() ? nodeReason : Capi.Reasons.UNHEALTHY_MACHINE;
    List<String> all = new ArrayList<>(machineMessages);
    all.addAll(nodeMessages);
    StringBuilder message = new StringBuilder("Health check failed:\n");
    for (int i = 0; i < all.size(); i++) {
      message.append("  * ").append(all.get(i));
      if (i != all.size() - 1) {
        message.append('\n');
      }
    }
    return ImmutableHealthCheckResult.builder()
        .unhealthy(true)
        .reason(reason)
        .message(message.toString())
        .explanation(String.join("; ", all))
        .build();
  }

  /**
   * Classifies every target at {@code now} ({@code healthCheckTargets}): unhealthy when
   * {@link #needsRemediation} says so (deleting Machines included); else pending when a check will time out later;
   * else healthy when the Machine is not deleting and has a Node; else undetermined. Healthy targets get
   * {@code HealthCheckSucceeded=True} (reason {@code HealthCheckSucceeded}), unhealthy ones
   * {@code HealthCheckSucceeded=False} with the check's reason and message.
   */
  public static HealthCheckSummary healthCheck(
      List<HealthCheckTarget> targets, MachineHealthCheck mhc, Cluster cluster, Instant now,
      Duration nodeStartupTimeout) {
    ImmutableHealthCheckSummary.Builder out = ImmutableHealthCheckSummary.builder();
    for (HealthCheckTarget t : targets) {
      HealthCheckResult r = needsRemediation(t, mhc, cluster, now, nodeStartupTimeout);
      ImmutableTargetEvaluation.Builder e = ImmutableTargetEvaluation.builder().target(t).result(r);
      if (r.unhealthy()) {
        e.health(TargetHealth.UNHEALTHY)
            .explanation("unhealthy: " + r.explanation())
            .healthCheckSucceeded(condition(t.machine(), Capi.Conditions.HEALTH_CHECK_SUCCEEDED, Conditions.FALSE,
                r.reason(), r.message(), now));
      } else if (positive(r.nextCheck())) {
        e.health(TargetHealth.PENDING).explanation("pending: " + r.explanation());
      } else if (!t.machine().isDeleting() && t.node().isPresent()) {
        e.health(TargetHealth.HEALTHY)
            .explanation("healthy: " + r.explanation())
            .healthCheckSucceeded(condition(t.machine(), Capi.Conditions.HEALTH_CHECK_SUCCEEDED, Conditions.TRUE,
                Capi.Reasons.HEALTH_CHECK_SUCCEEDED, "", now));
      } else {
        String why = t.machine().isDeleting() ? "the Machine is deleting" : "the Machine has no Node";
        e.health(TargetHealth.UNDETERMINED)
            .explanation("neither healthy nor unhealthy: " + why + " (" + r.explanation() + ")");
      }
      out.addEvaluation(e.build());
    }
    return out.build();
  }

  /** A condition as upstream's {@code conditions.Set} writes it: time = now, observedGeneration = the object's. */
  static Condition condition(CapiObject owner, String type, String status, String reason, String message, Instant now) {
    Condition c = Conditions.of(type, status, reason, message, now);
    Long generation = owner.metadata().getGeneration();
    return generation == null ? c : new ConditionBuilder(c).withObservedGeneration(generation).build();
  }

  private static void conditionCheck(UnhealthyCondition c, String object, String reason, Instant ltt, Instant now,
      List<String> messages, List<Duration> next) {
    Duration timeout = Duration.ofSeconds(c.timeoutSeconds().orElse(0));
    if (ltt.plus(timeout).isBefore(now)) {
      messages.add("Condition " + c.type() + " on " + object + " is reporting status " + c.status()
          + " with reason " + reason + " for more than " + GoDuration.format(timeout));
      return;
    }
    Duration nextCheck = timeout.minus(Duration.between(ltt, now)).plusSeconds(1);
    if (positive(nextCheck)) {
      next.add(nextCheck);
    }
  }

  private static HealthCheckResult notUnhealthy(Duration next, String why) {
    return ImmutableHealthCheckResult.builder().unhealthy(false).nextCheck(next).explanation(why).build();
  }

  /** {@code t} or the condition's transition time when the condition is True and later. */
  private static Instant later(Instant t, List<Condition> conditions, String type) {
    if (!Conditions.isTrue(conditions, type)) {
      return t;
    }
    Instant ltt = time(Conditions.get(conditions, type).get().getLastTransitionTime());
    return ltt.isAfter(t) ? ltt : t;
  }

  static List<Condition> clusterConditions(Cluster cluster) {
    return cluster.statusOrEmpty().conditions();
  }

  static List<Condition> machineConditions(Machine m) {
    return m.status().map(MachineStatus::conditions).orElse(List.of());
  }

  private static List<NodeCondition> nodeConditions(Node n) {
    if (n.getStatus() == null || n.getStatus().getConditions() == null) {
      return List.of();
    }
    return n.getStatus().getConditions();
  }

  /** An RFC 3339 time; Go's zero time when absent or unreadable. */
  static Instant time(String s) {
    return Conditions.parseTime(s).orElse(GO_ZERO_TIME);
  }

  private static Duration min(List<Duration> ds) {
    return ds.stream().min(Duration::compareTo).orElse(Duration.ZERO);
  }

  static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
