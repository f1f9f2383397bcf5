package io.capi4j.providers.aws.pools;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.RollingReplacement;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSMachine;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolStatus;
import io.capi4j.providers.aws.api.v1beta2.AWSResourceReference;
import io.capi4j.providers.aws.api.v1beta2.Aws;
import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import io.capi4j.providers.aws.asg.AsgInstance;
import io.capi4j.providers.aws.asg.AsgPlan;
import io.capi4j.providers.aws.asg.AsgPlanInputs;
import io.capi4j.providers.aws.asg.AsgPlanner;
import io.capi4j.providers.aws.asg.AsgRequest;
import io.capi4j.providers.aws.asg.ExistingLaunchTemplate;
import io.capi4j.providers.aws.asg.ExternalAutoscaler;
import io.capi4j.providers.aws.asg.ImmutableAsgPlanInputs;
import io.capi4j.providers.aws.asg.ImmutableLaunchTemplateInputs;
import io.capi4j.providers.aws.asg.LastAppliedTags;
import io.capi4j.providers.aws.asg.LaunchTemplateInputs;
import io.capi4j.providers.aws.asg.LaunchTemplatePlan;
import io.capi4j.providers.aws.asg.LaunchTemplatePlanner;
import io.capi4j.providers.aws.asg.LaunchTemplateView;
import io.capi4j.providers.aws.asg.ObservedAsg;
import io.capi4j.providers.aws.asg.Outcome;
import io.capi4j.providers.aws.asg.PoolStatus;
import io.capi4j.providers.aws.asg.RefreshBatching;
import io.capi4j.providers.aws.asg.SuspendProcessesPlan;
import io.capi4j.providers.aws.util.GoDurations;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.ImmutablePoolPlan;
import io.capi4j.spi.PoolInstance;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.util.KubernetesNames;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CAPA's AWSMachinePool reconcile ({@code exp/controllers/awsmachinepool_controller.go}) as a pure
 * {@link PoolPlanner}: the ASG is the observation's {@link ScalingGroup} (named after the AWSMachinePool), and its
 * launch template is the group's {@link InstanceModel} ({@link LaunchTemplateModel}: version = launch template
 * version). One pass, in CAPA's order:
 *
 * <ol>
 *   <li>Skip a pool whose {@code status.failureReason} or {@code failureMessage} is set; add the finalizer; wait for
 *       the MachinePool's bootstrap data secret.
 *   <li>The launch template: the AMI ({@link Amis}), the wanted template, and {@link LaunchTemplatePlanner}'s
 *       decision. A new version is {@link CloudAction.UpdateModel}; a rollout is
 *       {@link CloudAction.StartRollingReplacement} with the refresh preferences (min healthy 90% and max 100% unless
 *       set; warm-up = {@code refreshPreferences.instanceWarmup}, else {@code spec.defaultInstanceWarmup}, else
 *       300s); an unfinished refresh blocking a rollout is {@link CloudAction.CancelRollingReplacement} (unless
 *       already cancelling) and ends the pass with a 30s requeue. With {@code refreshPreferences.disable} there is
 *       no refresh (and, unlike CAPA, no cancel: AWS.md quirk 3).
 *   <li>No ASG: {@link CloudAction.CreateGroup} with the desired capacity of {@link AsgPlanner} (the replicas within
 *       [minSize, maxSize]; none when managed externally, so AWS starts at minSize); out of range, the error is a
 *       step and nothing is done. Then a 15s requeue.
 *   <li>With MachinePool Machines: one AWSMachine per instance and orphans ({@link AWSMachinePoolMachines}).
 *   <li>Externally managed replicas: the ASG's desired capacity is copied back to the MachinePool.
 *   <li>{@code diffASG}: a different desired capacity is {@link CloudAction.SetCapacity} (AWS rejects one outside
 *       [minSize, maxSize]: reported, not sent).
 *   <li>Status: {@code spec.providerIDList} ({@code aws:///<az>/<id>} of every instance), {@code status.replicas},
 *       {@code status.ready}, {@code status.instances} with the Nodes' kubelet versions,
 *       {@code status.infrastructureMachineKind = AWSMachine} with MachinePool Machines (then a 3 min requeue).
 * </ol>
 *
 * <p>What the scaling-group port cannot carry, and how the plan treats it: the port reports the capacity, the model
 * and the instances, not minSize, maxSize, capacity rebalance, the mixed instances policy, subnets, suspended
 * processes, lifecycle hooks or tags; they are taken as applied (not compared), so only capacity changes reach the
 * cloud. The cluster's additional tags and core security groups (from the AWSCluster) are not observed: the pool's
 * own tags and additional security group IDs (filters cannot be resolved without EC2) make the template. The
 * bootstrap data itself is not observed either: the secret's {@code namespace/name} stands in for the user data,
 * so a new secret name is the one user-data change a plan sees. The ASG ARN is unknown, so {@code spec.providerID}
 * is left as it is. Conditions are not written; every decision is a step.
 */
public final class AWSMachinePoolPlanner implements PoolPlanner {

  /** CAPA's AWSMachinePool finalizer. */
  public static final String FINALIZER = "awsmachinepool.infrastructure.cluster.x-k8s.io";
  /** The AWSMachine finalizer (pool machines carry it too). */
  public static final String MACHINE_FINALIZER = AWSMachinePoolMachines.MACHINE_FINALIZER;
  /** CAPA's requeue with MachinePool Machines on. */
  public static final Duration MACHINE_POOL_MACHINES_REQUEUE = Duration.ofMinutes(3);
  /** How soon to look again while the ASG is being deleted (CAPA waits for it, up to 15 minutes). */
  public static final Duration DELETE_REQUEUE = Duration.ofSeconds(15);
  /** The ASG's default instance warm-up when the spec has none (the webhook's default). */
  public static final Duration DEFAULT_INSTANCE_WARMUP = Duration.ofSeconds(300);

  @Override
  public PoolPlan plan(PoolObservation observation) {
    return new Run(observation).run();
  }

  /** The AWSMachine name of an instance: {@code <asg>-<instance id>}. */
  public static String machineName(String asgName, Instance instance) {
    return AWSMachinePoolMachines.machineName(asgName, instance);
  }

  /** One planning pass. */
  private static final class Run {
    final PoolObservation o;
    final MachinePool mp;
    final String groupId;
    AWSMachinePool pool;
    final ImmutablePoolPlan.Builder plan = PoolPlan.builder();
    final List<String> steps = new ArrayList<>();
    Optional<Duration> requeue = Optional.empty();
    /** The rollout-relevant attributes of the launch template the spec asks for, once known. */
    Optional<Map<String, String>> wantedAttributes = Optional.empty();

    Run(PoolObservation o) {
      this.o = o;
      this.mp = o.machinePool();
      this.pool = Convert.to(o.infraPool(), AWSMachinePool.class);
      this.groupId = pool.name();
    }

    PoolPlan run() {
      if (pool.isDeleting()) {
        reconcileDelete();
      } else {
        reconcileNormal();
      }
      o.scalingGroup().ifPresent(this::instances);
      return plan.infraPool(pool).steps(steps).requeueAfter(requeue).build();
    }

    /**
     * Every instance for the MachinePool's truthful status, whatever the pass decided: up to date when built from
     * the launch template the spec asks for (unknown when the pass could not tell what that is).
     */
    void instances(ScalingGroup g) {
      for (Instance i : g.instances()) {
        plan.addInstances(PoolInstance.builder()
            .providerID(i.providerID())
            .upToDate(wantedAttributes.map(w -> LaunchTemplateModel.rolloutAttributes(i.modelAttributes()).equals(w)))
            .running(i.state() == InstanceState.RUNNING)
            .zone(AwsIds.zone(i))
            .build());
      }
    }

    AWSMachinePoolStatus status() {
      return pool.status().orElse(AWSMachinePoolStatus.builder().build());
    }

    void reconcileNormal() {
      AWSMachinePoolStatus st = status();
      if (st.failureReason().isPresent() || st.failureMessage().isPresent()) {
        steps.add("error state detected (status.failureReason or status.failureMessage is set): skipping reconciliation");
        return;
      }
      List<String> finalizers = new ArrayList<>(Convert.orEmpty(pool.metadata().getFinalizers()));
      if (!finalizers.contains(FINALIZER)) {
        finalizers.add(FINALIZER);
        pool = pool.withMetadata(new ObjectMetaBuilder(pool.metadata()).withFinalizers(finalizers).build());
        steps.add("add the finalizer " + FINALIZER);
      }
      Optional<String> secret = o.bootstrapDataSecretName().filter(s -> !s.isEmpty());
      if (secret.isEmpty()) {
        steps.add("ASGReady=False (WaitingForBootstrapData): MachinePool " + mp.key()
            + " has no spec.template.spec.bootstrap.dataSecretName yet");
        return;
      }
      AWSMachinePoolSpec spec = pool.spec();
      AWSLaunchTemplate lt = spec.awsLaunchTemplateOrEmpty();
      String version = mp.spec().templateOrEmpty().specOrEmpty().version();
      Outcome<Amis.Resolved> ami = Amis.resolve(lt, version, false);
      if (!ami.isOk()) {
        steps.add("LaunchTemplateReady=False (LaunchTemplateReconcileFailed): " + ami.error().get());
        return;
      }
      List<String> sgIds = new ArrayList<>();
      for (AWSResourceReference r : lt.additionalSecurityGroups()) {
        r.id().ifPresentOrElse(sgIds::add, () -> steps.add(
            "launch template: an additional security group given by filters cannot be resolved without EC2: ignored"));
      }
      LaunchTemplateView incoming = LaunchTemplateView.fromSpec(lt, sgIds, List.of(), ami.get().id(), Optional.empty());
      Map<String, String> tags = new LinkedHashMap<>(spec.additionalTags());
      Outcome<LastAppliedTags> tagDiff = LastAppliedTags.compare(pool.annotation(Aws.LAST_APPLIED_TAGS_ANNOTATION), tags);
      if (!tagDiff.isOk()) {
        steps.add("LaunchTemplateReady=False (LaunchTemplateReconcileFailed): annotation "
            + Aws.LAST_APPLIED_TAGS_ANNOTATION + ": " + tagDiff.error().get());
        return;
      }
      String secretKey = mp.namespace() + "/" + secret.get();
      String userDataHash = LaunchTemplatePlanner.sha256Hex(secretKey);
      String ltId = status().launchTemplateID().isEmpty() ? AwsIds.launchTemplateId(pool.namespace(), pool.name())
          : status().launchTemplateID();
      Wanted wanted = new Wanted(incoming, version, secretKey, userDataHash, tags, ami.get(), ltId);
      wantedAttributes = Optional.of(LaunchTemplateModel.rolloutAttributes(wanted.model("1").attributes()));
      ImmutableLaunchTemplateInputs.Builder in = LaunchTemplateInputs.builder()
          .name(pool.name())
          .incoming(incoming)
          .userData(secretKey)
          .bootstrapDataSecret(secretKey)
          .statusLaunchTemplateId(status().launchTemplateID())
          .statusLaunchTemplateVersion(status().launchTemplateVersion())
          .tagsChanged(tagDiff.get().changed())
          .refreshPreferences(spec.refreshPreferences());
      Optional<ScalingGroup> group = o.scalingGroup();
      if (group.isEmpty()) {
        create(wanted, in.asgExists(false).build());
      } else {
        update(wanted, in, group.get(), tagDiff.get());
      }
    }

    /** What the spec asks for. */
    record Wanted(LaunchTemplateView view, String version, String secretKey, String userDataHash,
        Map<String, String> tags, Amis.Resolved ami, String launchTemplateId) {
      InstanceModel model(String ltVersion) {
        return LaunchTemplateModel.encode(ltVersion, view, version, secretKey, userDataHash, tags);
      }
    }

    ImmutableAsgPlanInputs.Builder asgInputs(String ltId) {
      return AsgPlanInputs.builder()
          .asgName(pool.name())
          .clusterName(mp.spec().clusterName())
          .machinePoolKey(mp.key())
          .replicas(mp.spec().replicas())
          .externallyManaged(ExternalAutoscaler.replicasManagedExternally(mp.annotations()))
          .spec(pool.spec())
          .launchTemplateId(ltId)
          .subnetIds(subnetIds())
          .additionalTags(pool.spec().additionalTags());
    }

    /** The zones the ASG spreads over: {@code spec.availabilityZones}, else the MachinePool's failure domains. */
    List<String> zones() {
      return !pool.spec().availabilityZones().isEmpty() ? pool.spec().availabilityZones() : mp.spec().failureDomains();
    }

    /**
     * The subnets of the ASG request: the pool's subnet IDs, else its zones (the port places instances by zone;
     * CAPA would take the cluster's private subnets there), else {@code default}.
     */
    List<String> subnetIds() {
      List<String> ids = pool.spec().subnets().stream().flatMap(s -> s.id().stream()).toList();
      if (!ids.isEmpty()) {
        return ids;
      }
      return zones().isEmpty() ? List.of("default") : zones();
    }

    void create(Wanted w, LaunchTemplateInputs in) {
      LaunchTemplatePlan lt = LaunchTemplatePlanner.plan(in);
      AsgPlan asg = AsgPlanner.plan(asgInputs(w.launchTemplateId()).build());
      if (asg.error().isPresent()) {
        steps.add("ASGReady=False (ASGProvisionFailed): " + asg.error().get());
        return;
      }
      AsgRequest req = asg.create().orElseThrow();
      InstanceModel model = w.model("1");
      int capacity = req.desiredCapacity().orElse(req.minSize());
      String why = req.desiredCapacity().isPresent()
          ? "desired capacity " + capacity + " (replicas within [" + req.minSize() + ", " + req.maxSize() + "])"
          : "no desired capacity (replicas managed externally and outside [" + req.minSize() + ", " + req.maxSize()
              + "]): AWS starts at minSize " + capacity;
      steps.add("launch template: create " + pool.name() + " version 1 (" + lt.steps().get(0).reason() + ") with AMI "
          + w.ami().id() + " from " + w.ami().how());
      plan.addCloudActions(new CloudAction.CreateGroup(groupId, capacity, model, zones(),
          "CreateAutoScalingGroup " + pool.name() + ": " + why));
      steps.add("ASG: create " + pool.name() + " with " + why);
      AWSMachinePoolStatus st = status().withLaunchTemplateID(w.launchTemplateId()).withLaunchTemplateVersion("1");
      pool = pool.withStatus(st);
      if (!w.tags().isEmpty()) {
        recordTags(w.tags(), "the new launch template carries the current tags");
      }
      requeue = Optional.of(AsgPlanner.AFTER_CREATE_REQUEUE);
    }

    void recordTags(Map<String, String> tags, String why) {
      Map<String, String> ann = new LinkedHashMap<>(pool.annotations());
      ann.put(Aws.LAST_APPLIED_TAGS_ANNOTATION, LaunchTemplateModel.tagsJson(tags));
      pool = pool.withMetadata(new ObjectMetaBuilder(pool.metadata()).withAnnotations(ann).build());
      steps.add("tags: record the applied tags in " + Aws.LAST_APPLIED_TAGS_ANNOTATION + " (" + why + ")");
    }

    void update(Wanted w, ImmutableLaunchTemplateInputs.Builder in, ScalingGroup g, LastAppliedTags tagDiff) {
      ExistingLaunchTemplate existing = LaunchTemplateModel.decode(w.launchTemplateId(), g.model());
      LaunchTemplatePlan lt = LaunchTemplatePlanner.plan(in
          .existing(existing)
          .asgExists(true)
          .instanceRefreshStatuses(g.rollingReplacement().map(RollingReplacement::status).stream().toList())
          .build());
      if (lt.error().isPresent()) {
        steps.add("LaunchTemplateReady=False (LaunchTemplateReconcileFailed): " + lt.error().get());
        return;
      }
      String next = LaunchTemplateModel.nextVersion(g.model().version());
      AWSMachinePoolStatus st = status();
      for (LaunchTemplatePlan.Step s : lt.steps()) {
        switch (s.action()) {
          case RECORD_LAUNCH_TEMPLATE_ID -> {
            st = st.withLaunchTemplateID(w.launchTemplateId());
            steps.add("launch template: record status.launchTemplateID " + w.launchTemplateId() + " (" + s.reason() + ")");
          }
          case RECORD_LATEST_VERSION -> {
            st = st.withLaunchTemplateVersion(g.model().version());
            steps.add("launch template: record status.launchTemplateVersion " + g.model().version() + " (" + s.reason() + ")");
          }
          case CANCEL_INSTANCE_REFRESH -> {
            plan.addCloudActions(new CloudAction.CancelRollingReplacement(groupId, "CancelInstanceRefresh: " + s.reason()));
            steps.add("instance refresh: cancel (" + s.reason() + ")");
          }
          case PRUNE_LAUNCH_TEMPLATE_VERSIONS ->
              steps.add("launch template: prune old versions (the scaling-group port keeps only the current model)");
          case CREATE_LAUNCH_TEMPLATE_VERSION -> {
            plan.addCloudActions(new CloudAction.UpdateModel(groupId, w.model(next),
                "CreateLaunchTemplateVersion " + next + ": " + s.reason()));
            st = st.withLaunchTemplateVersion(next);
            steps.add("launch template: create version " + next + " (" + s.reason() + ")");
          }
          case START_INSTANCE_REFRESH -> startRefresh(g, s.reason());
          case CREATE_LAUNCH_TEMPLATE, RECORD_LAST_APPLIED_TAGS -> steps.add("launch template: " + s);
        }
      }
      lt.notes().forEach(n -> steps.add("launch template: " + n));
      pool = pool.withStatus(st);
      if (lt.requeueAfter().isPresent()) {
        requeue = lt.requeueAfter();
        return;
      }
      if (o.machinePoolMachines()) {
        machines(g);
      }
      asg(g);
      if (tagDiff.changed()) {
        recordTags(w.tags(), "ReconcileTags applied them to the launch template and the ASG");
      }
      status(g);
    }

    void startRefresh(ScalingGroup g, String reason) {
      Optional<RefreshPreferences> p = pool.spec().refreshPreferences();
      int min = p.flatMap(RefreshPreferences::minHealthyPercentage).map(Run::int32)
          .orElse(RefreshBatching.DEFAULT_MIN_HEALTHY_PERCENTAGE);
      int max = p.flatMap(RefreshPreferences::maxHealthyPercentage).map(Run::int32)
          .orElse(RefreshBatching.DEFAULT_MAX_HEALTHY_PERCENTAGE);
      Optional<Long> warmupPref = p.flatMap(RefreshPreferences::instanceWarmup);
      Optional<Duration> specDefault = defaultInstanceWarmup();
      int warmup = int32(RefreshBatching.effectiveWarmup(warmupPref, specDefault.orElse(DEFAULT_INSTANCE_WARMUP))
          .getSeconds());
      String warmupFrom = warmupPref.isPresent() ? "refreshPreferences.instanceWarmup"
          : specDefault.isPresent() ? "spec.defaultInstanceWarmup" : "the default instance warm-up";
      plan.addCloudActions(new CloudAction.StartRollingReplacement(groupId, min, max, warmup,
          "StartInstanceRefresh: " + reason));
      steps.add("instance refresh: start (" + reason + "): min healthy " + min + "%, max healthy " + max + "%, warm-up "
          + warmup + "s from " + warmupFrom);
    }

    /** {@code spec.defaultInstanceWarmup} in whole seconds, when set and above zero (the webhook defaults 0 to 300s). */
    Optional<Duration> defaultInstanceWarmup() {
      String d = pool.spec().defaultInstanceWarmup();
      if (d.isEmpty()) {
        return Optional.empty();
      }
      try {
        long s = GoDurations.wholeSeconds(GoDurations.parse(d));
        return s > 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    static int int32(long v) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    void asg(ScalingGroup g) {
      AsgPlan asg = AsgPlanner.plan(asgInputs(status().launchTemplateID()).asg(observed(g)).build());
      if (asg.copyReplicasToMachinePool().isPresent()) {
        int r = asg.copyReplicasToMachinePool().get();
        plan.replicasToCopyBack(r);
        steps.add("replicas: managed externally; copy the ASG's desired capacity " + r + " to MachinePool "
            + mp.key() + " spec.replicas (was " + mp.spec().replicas().map(String::valueOf).orElse("unset") + ")");
      }
      Optional<Integer> desired = asg.update().flatMap(AsgRequest::desiredCapacity);
      if (desired.isPresent() && desired.get() != g.capacity()) {
        int d = desired.get();
        int min = pool.spec().minSize();
        int max = pool.spec().maxSize();
        if (d < min || d > max) {
          steps.add("ASG: UpdateAutoScalingGroup would fail, not sent (AWS ValidationError: Desired capacity:" + d
              + " must be between the specified min size:" + min + " and max size:" + max + ")");
        } else {
          plan.addCloudActions(new CloudAction.SetCapacity(groupId, d,
              "UpdateAutoScalingGroup: " + String.join("; ", asg.updateReasons())));
          steps.add("ASG: set desired capacity " + g.capacity() + " -> " + d + " (" + String.join("; ", asg.updateReasons())
              + ")");
        }
      }
    }

    /** The ASG as CAPA sees it: the port's capacity and instances; what the port does not carry, as the spec asks. */
    ObservedAsg observed(ScalingGroup g) {
      AWSMachinePoolSpec spec = pool.spec();
      return ObservedAsg.builder()
          .name(g.id())
          .arn(spec.providerID())
          .desiredCapacity(g.capacity())
          .minSize(spec.minSize())
          .maxSize(spec.maxSize())
          .capacityRebalance(spec.capacityRebalanceValue())
          .mixedInstancesPolicy(spec.mixedInstancesPolicy())
          .subnets(subnetIds())
          .suspendedProcesses(SuspendProcessesPlan.desired(spec.suspendProcesses()))
          .instances(g.instances().stream()
              .map(i -> AsgInstance.builder().instanceId(AwsIds.instanceId(i)).availabilityZone(AwsIds.zone(i).orElse(""))
                  .lifecycleState(lifecycleState(i)).build())
              .toList())
          .build();
    }

    static String lifecycleState(Instance i) {
      return switch (i.state()) {
        case CREATING -> "Pending";
        case RUNNING -> "InService";
        case DELETING -> "Terminating";
        case FAILED -> "Terminated";
      };
    }

    void machines(ScalingGroup g) {
      String poolLabel = KubernetesNames.mustFormatValue(mp.name());
      List<AWSMachine> mine = new ArrayList<>();
      for (Object x : o.infraMachines()) {
        AWSMachine m = Convert.to(x, AWSMachine.class);
        if (m.namespace().equals(mp.namespace()) && poolLabel.equals(m.labels().get(Capi.MACHINE_POOL_NAME_LABEL))
            && mp.spec().clusterName().equals(m.labels().get(Capi.CLUSTER_NAME_LABEL))) {
          mine.add(m);
        }
      }
      AWSMachinePoolMachines.Result r =
          AWSMachinePoolMachines.reconcile(mp, pool, groupId, g.instances(), mine, o.machines());
      r.apply().forEach(plan::addInfraMachinesToApply);
      plan.addAllInfraMachinesToDelete(r.delete());
      plan.addAllMachinesToDelete(r.machinesToDelete());
      plan.addAllCloudActions(r.cloudActions());
      steps.addAll(r.steps());
    }

    void status(ScalingGroup g) {
      Map<String, String> kubelet = new HashMap<>();
      Map<String, String> byProviderId = new HashMap<>();
      for (Instance i : g.instances()) {
        byProviderId.put(i.providerID(), AwsIds.instanceId(i));
      }
      for (Node n : o.nodes()) {
        String pid = n.getSpec() == null ? null : n.getSpec().getProviderID();
        if (pid != null && byProviderId.containsKey(pid) && n.getStatus() != null && n.getStatus().getNodeInfo() != null
            && n.getStatus().getNodeInfo().getKubeletVersion() != null) {
          kubelet.put(byProviderId.get(pid), n.getStatus().getNodeInfo().getKubeletVersion());
        }
      }
      PoolStatus ps = PoolStatus.fromAsg(observed(g), kubelet);
      List<String> ids = g.instances().stream().map(Instance::providerID).toList();
      AWSMachinePool before = pool;
      pool = ps.applyTo(pool);
      pool = pool.withSpec(pool.spec().withProviderIDList(ids));
      if (o.machinePoolMachines()) {
        pool = pool.withStatus(status().withInfrastructureMachineKind(AWSMachine.KIND));
      }
      if (!pool.spec().providerIDList().equals(before.spec().providerIDList())
          || !status().replicas().equals(before.status().flatMap(AWSMachinePoolStatus::replicas))
          || !status().ready().equals(before.status().flatMap(AWSMachinePoolStatus::ready))) {
        steps.add("status: " + ids.size() + " instance(s) in spec.providerIDList, status.replicas=" + ps.replicas()
            + ", status.ready=" + ps.ready() + (o.machinePoolMachines() ? ", status.infrastructureMachineKind=AWSMachine" : ""));
      }
      if (o.machinePoolMachines()) {
        requeue = Optional.of(MACHINE_POOL_MACHINES_REQUEUE);
      }
    }

    void reconcileDelete() {
      Optional<ScalingGroup> group = o.scalingGroup();
      String poolLabel = KubernetesNames.mustFormatValue(mp.name());
      List<AWSMachine> mine = new ArrayList<>();
      for (Object x : o.infraMachines()) {
        AWSMachine m = Convert.to(x, AWSMachine.class);
        if (m.namespace().equals(mp.namespace()) && poolLabel.equals(m.labels().get(Capi.MACHINE_POOL_NAME_LABEL))) {
          mine.add(m);
        }
      }
      if (o.machinePoolMachines()) {
        // reconcileDeleteAWSMachines: the owner Machines of deleting AWSMachines, so that CAPI drains their Nodes.
        for (AWSMachine m : mine) {
          if (!m.isDeleting()) {
            continue;
          }
          for (var ref : Convert.orEmpty(m.metadata().getOwnerReferences())) {
            if ("Machine".equals(ref.getKind()) && o.machines().stream()
                .anyMatch(x -> x.name().equals(ref.getName()) && !x.isDeleting())) {
              plan.addMachinesToDelete(PoolPlan.MachineDeletion.of(ref.getName(),
                  "its AWSMachine " + m.name() + " is being deleted with the AWSMachinePool"));
              steps.add("delete: delete Machine " + ref.getName() + " of the deleting AWSMachine " + m.name());
            }
          }
        }
      }
      if (group.isPresent()) {
        plan.addCloudActions(new CloudAction.DeleteGroup(groupId,
            "DeleteAutoScalingGroup " + groupId + " (ForceDelete): the AWSMachinePool is being deleted"));
        steps.add("delete: delete the ASG " + groupId + " and its " + group.get().instances().size()
            + " instance(s) (ForceDelete)");
        requeue = Optional.of(DELETE_REQUEUE);
        return;
      }
      steps.add("delete: the ASG is gone; delete the launch template " + pool.name());
      for (AWSMachine m : mine) {
        if (AWSMachinePoolMachines.finalizers(m).contains(MACHINE_FINALIZER)) {
          List<String> f = new ArrayList<>(AWSMachinePoolMachines.finalizers(m));
          f.remove(MACHINE_FINALIZER);
          plan.addInfraMachinesToApply(m.withMetadata(new ObjectMetaBuilder(m.metadata()).withFinalizers(f).build()));
        }
        plan.addInfraMachinesToDelete(m.name());
        steps.add("delete: AWSMachine " + m.name() + " has no instance left: release and delete it");
      }
      List<String> finalizers = new ArrayList<>(Convert.orEmpty(pool.metadata().getFinalizers()));
      if (finalizers.remove(FINALIZER)) {
        pool = pool.withMetadata(new ObjectMetaBuilder(pool.metadata()).withFinalizers(finalizers).build());
        steps.add("delete: remove the finalizer " + FINALIZER);
      }
    }
  }
}
