package io.capi4j.providers.aws.pools;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolStatus;
import io.capi4j.providers.aws.api.v1beta2.NodeRepairConfig;
import io.capi4j.providers.aws.api.v1beta2.UpdateConfig;
import io.capi4j.providers.aws.asg.AsgInstance;
import io.capi4j.providers.aws.asg.ExternalAutoscaler;
import io.capi4j.providers.aws.asg.InstanceRefreshes;
import io.capi4j.providers.aws.asg.LaunchTemplateInputs;
import io.capi4j.providers.aws.asg.LaunchTemplatePlan;
import io.capi4j.providers.aws.asg.LaunchTemplatePlanner;
import io.capi4j.providers.aws.asg.LaunchTemplateView;
import io.capi4j.providers.aws.asg.Outcome;
import io.capi4j.providers.aws.eks.NodegroupConfigUpdate;
import io.capi4j.providers.aws.eks.NodegroupStatus;
import io.capi4j.providers.aws.eks.NodegroupVersionUpdate;
import io.capi4j.providers.aws.eks.ObservedNodegroup;
import io.capi4j.providers.aws.eks.ScalingConfig;
import io.capi4j.providers.aws.webhooks.EksNames;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.ImmutablePoolPlan;
import io.capi4j.spi.PoolInstance;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CAPA's AWSManagedMachinePool reconcile (an EKS managed node group, upstream
 * {@code pkg/cloud/services/eks/nodegroup.go}) as a pure {@link PoolPlanner}. The node group is the observation's
 * {@link ScalingGroup} (named after the AWSManagedMachinePool) and its versions are the group's model
 * ({@link NodegroupModel}). One pass:
 *
 * <ol>
 *   <li>No node group: {@code CreateNodegroup} ({@link CloudAction.CreateGroup}) at the MachinePool's
 *       {@code major.minor}, with {@code spec.amiVersion} and the launch template (version 1) when set, and the
 *       scaling configuration's desired size (replicas, 1 when unset).
 *   <li>The status from the node group's state ({@link NodegroupStatus}: ready when {@code ACTIVE} or
 *       {@code UPDATING}, replicas and {@code spec.providerIDList} when ready). While the node group is
 *       {@code CREATING} or {@code UPDATING} the pass ends: CAPA blocks until it is {@code ACTIVE}; the plan looks
 *       again in 30s.
 *   <li>Externally managed replicas: the node group's desired size is copied back to the MachinePool.
 *   <li>A new launch template version when the template's fields changed (EKS mode of
 *       {@link LaunchTemplatePlanner}: no instance refresh, EKS rolls it out).
 *   <li>One version update per pass ({@link NodegroupVersionUpdate}: launch template version, else one Kubernetes
 *       minor, else AMI release): a new model ({@link CloudAction.UpdateModel}) that EKS rolls out itself. EKS
 *       replaces nodes under {@code updateConfig}; capi4j models that as a {@link CloudAction.StartRollingReplacement}
 *       whose minimum healthy percentage keeps {@code maxUnavailable} (or {@code maxUnavailablePercentage}) nodes
 *       out at most, with a 100% maximum and no warm-up, and every step says so.
 *   <li>Otherwise the configuration update ({@link NodegroupConfigUpdate}): a new desired size is
 *       {@link CloudAction.SetCapacity}. In the pass of a version update it waits (EKS runs one update at a time;
 *       CAPA's call would fail and be retried).
 * </ol>
 *
 * <p>As for the AWSMachinePool, what the port does not carry (scaling bounds, labels, taints, update and repair
 * configuration) is taken as applied. The node group's status is read from the port: {@code UPDATING} while the
 * rolling replacement runs, {@code CREATING} until the first pass that finds every instance running, else
 * {@code ACTIVE}. The launch template's new version is made in the pass that rolls it out (CAPA makes it earlier,
 * while waiting for the node group): the port keeps no launch template apart from the node group's model.
 */
public final class AWSManagedMachinePoolPlanner implements PoolPlanner {

  /** CAPA's AWSManagedMachinePool finalizer. */
  public static final String FINALIZER = "awsmanagedmachinepools.infrastructure.cluster.x-k8s.io";
  /** How soon to look again while the node group is not ACTIVE (the EKS waiter's poll interval). */
  public static final Duration WAIT_REQUEUE = Duration.ofSeconds(30);

  @Override
  public PoolPlan plan(PoolObservation observation) {
    return new Run(observation).run();
  }

  /**
   * The minimum healthy percentage that keeps at most {@code maxUnavailable} of {@code desired} nodes (or
   * {@code maxUnavailablePercentage}) out of service; EKS's default is {@code maxUnavailable: 1}.
   */
  public static int minHealthyPercentage(Optional<UpdateConfig> updateConfig, int desired) {
    UpdateConfig c = updateConfig.orElse(UpdateConfig.builder().maxUnavailable(1).build());
    if (c.maxUnavailablePercentage().isPresent()) {
      return Math.max(0, Math.min(100, 100 - c.maxUnavailablePercentage().get()));
    }
    int n = c.maxUnavailable().orElse(1);
    if (desired <= 0) {
      return 100;
    }
    return (int) Math.max(0, Math.floorDiv(100L * (desired - n), desired));
  }

  /** One planning pass. */
  private static final class Run {
    final PoolObservation o;
    final MachinePool mp;
    final String groupId;
    AWSManagedMachinePool pool;
    final String nodegroupName;
    final ImmutablePoolPlan.Builder plan = PoolPlan.builder();
    final List<String> steps = new ArrayList<>();
    Optional<Duration> requeue = Optional.empty();

    Run(PoolObservation o) {
      this.o = o;
      this.mp = o.machinePool();
      this.pool = Convert.to(o.infraPool(), AWSManagedMachinePool.class);
      this.groupId = pool.name();
      this.nodegroupName = pool.spec().eksNodegroupName().isEmpty()
          ? EksNames.generate(pool.name(), pool.namespace().isEmpty() ? "default" : pool.namespace(),
              EksNames.MAX_NODEGROUP_NAME_LENGTH)
          : pool.spec().eksNodegroupName();
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

    AWSManagedMachinePoolStatus status() {
      return pool.status().orElse(AWSManagedMachinePoolStatus.builder().build());
    }

    String version() {
      return mp.spec().templateOrEmpty().specOrEmpty().version();
    }

    void reconcileNormal() {
      List<String> finalizers = new ArrayList<>(Convert.orEmpty(pool.metadata().getFinalizers()));
      if (!finalizers.contains(FINALIZER)) {
        finalizers.add(FINALIZER);
        pool = pool.withMetadata(new ObjectMetaBuilder(pool.metadata()).withFinalizers(finalizers).build());
        steps.add("add the finalizer " + FINALIZER);
      }
      Optional<String> minor = NodegroupModel.minor(version());
      if (minor.isEmpty()) {
        steps.add("EKSNodegroupReady=False (EKSNodegroupReconciliationFailed): capi4j needs MachinePool " + mp.key()
            + " spec.template.spec.version (\"" + version() + "\") to tell the node group's Kubernetes version");
        return;
      }
      Optional<ScalingGroup> group = o.scalingGroup();
      if (group.isEmpty()) {
        create(minor.get());
      } else {
        update(group.get(), minor.get());
      }
    }

    /** The launch template version's model wanted by the spec, if the pool has a launch template. */
    Optional<Outcome<WantedTemplate>> wantedTemplate() {
      Optional<AWSLaunchTemplate> lt = pool.spec().awsLaunchTemplate();
      if (lt.isEmpty()) {
        return Optional.empty();
      }
      Outcome<Amis.Resolved> ami = Amis.resolve(lt.get(), version(), true);
      if (!ami.isOk()) {
        return Optional.of(Outcome.failed(ami.error().get()));
      }
      List<String> sgIds = lt.get().additionalSecurityGroups().stream().flatMap(r -> r.id().stream()).toList();
      LaunchTemplateView view = LaunchTemplateView.fromSpec(lt.get(), sgIds, List.of(), ami.get().id(), Optional.empty());
      String secret = o.bootstrapDataSecretName().filter(s -> !s.isEmpty()).map(s -> mp.namespace() + "/" + s).orElse("");
      return Optional.of(Outcome.ok(new WantedTemplate(view, secret, ami.get())));
    }

    record WantedTemplate(LaunchTemplateView view, String secretKey, Amis.Resolved ami) {
      InstanceModel model(String ltVersion, String mpVersion, java.util.Map<String, String> tags) {
        return LaunchTemplateModel.encode(ltVersion, view, mpVersion, secretKey,
            secretKey.isEmpty() ? "" : LaunchTemplatePlanner.sha256Hex(secretKey), tags);
      }
    }

    List<String> zones() {
      return !pool.spec().availabilityZones().isEmpty() ? pool.spec().availabilityZones() : mp.spec().failureDomains();
    }

    /** EKS rejects a desired size outside the scaling bounds. */
    Optional<String> outOfRange(int desired) {
      Optional<Integer> min = pool.spec().scaling().flatMap(s -> s.minSize());
      Optional<Integer> max = pool.spec().scaling().flatMap(s -> s.maxSize());
      if ((min.isPresent() && desired < min.get()) || (max.isPresent() && desired > max.get())) {
        return Optional.of("EKS rejects desired size " + desired + " outside the scaling bounds [" + min.map(String::valueOf)
            .orElse("0") + ", " + max.map(String::valueOf).orElse("unset") + "]");
      }
      return Optional.empty();
    }

    void create(String minor) {
      Optional<InstanceModel> ltModel = Optional.empty();
      AWSManagedMachinePoolStatus st = status();
      Optional<Outcome<WantedTemplate>> lt = wantedTemplate();
      if (lt.isPresent()) {
        if (!lt.get().isOk()) {
          steps.add("LaunchTemplateReady=False (LaunchTemplateReconcileFailed): " + lt.get().error().get());
          return;
        }
        ltModel = Optional.of(lt.get().get().model("1", version(), pool.spec().additionalTags()));
        String ltId = st.launchTemplateID().orElse(AwsIds.launchTemplateId(pool.namespace(), pool.name()));
        st = st.withLaunchTemplateID(ltId).withLaunchTemplateVersion("1");
        steps.add("launch template: create " + pool.name() + " version 1 with AMI " + lt.get().get().ami().id() + " from "
            + lt.get().get().ami().how());
      }
      ScalingConfig sc = ScalingConfig.of(mp.spec().replicas(), pool.spec().scaling());
      Optional<String> bad = outOfRange(sc.desiredSize());
      if (bad.isPresent()) {
        steps.add("EKSNodegroupReady=False (EKSNodegroupReconciliationFailed): CreateNodegroup would fail: " + bad.get());
        return;
      }
      String release = pool.spec().amiVersion().orElse("");
      InstanceModel model = NodegroupModel.of(minor, release, ltModel, version(), pool.spec());
      plan.addCloudActions(new CloudAction.CreateGroup(groupId, sc.desiredSize(), model, zones(),
          "CreateNodegroup " + nodegroupName + ": version " + minor + ", desired size " + sc.desiredSize()));
      steps.add("node group: create " + nodegroupName + " at Kubernetes " + minor
          + (release.isEmpty() ? " (EKS picks the AMI release)" : ", AMI release " + release) + ", desired size "
          + sc.desiredSize() + sc.minSize().map(m -> ", min " + m).orElse("") + sc.maxSize().map(m -> ", max " + m).orElse(""));
      pool = pool.withStatus(st.withReady(false));
      requeue = Optional.of(WAIT_REQUEUE);
    }

    /** The node group as CAPA sees it: the port's state and versions; what the port does not carry, as the spec asks. */
    ObservedNodegroup observed(ScalingGroup g) {
      AWSManagedMachinePoolSpec spec = pool.spec();
      java.util.Map<String, String> a = g.model().attributes();
      return ObservedNodegroup.builder()
          .name(nodegroupName)
          .status(nodegroupStatus(g))
          .version(a.getOrDefault(NodegroupModel.EKS_VERSION, ""))
          .releaseVersion(a.getOrDefault(NodegroupModel.RELEASE_VERSION, ""))
          .launchTemplateVersion(Optional.ofNullable(a.get(NodegroupModel.LAUNCH_TEMPLATE_VERSION)))
          .desiredSize(g.capacity())
          .minSize(spec.scaling().flatMap(s -> s.minSize()))
          .maxSize(spec.scaling().flatMap(s -> s.maxSize()))
          .updateConfig(spec.updateConfig())
          .labels(spec.labels())
          .taints(spec.taints())
          .nodeRepairEnabled(spec.nodeRepairConfig().flatMap(NodeRepairConfig::enabled).or(() -> Optional.of(false)))
          .instances(g.instances().stream()
              .map(i -> AsgInstance.of(AwsIds.instanceId(i), AwsIds.zone(i).orElse(""))).toList())
          .build();
    }

    String nodegroupStatus(ScalingGroup g) {
      if (g.rollingReplacement().map(r -> InstanceRefreshes.UNFINISHED.contains(r.status())).orElse(false)) {
        return ObservedNodegroup.UPDATING;
      }
      long running = g.instances().stream().filter(i -> i.state() == InstanceState.RUNNING).count();
      if (!status().ready().orElse(false) && running < g.capacity()) {
        return ObservedNodegroup.CREATING;
      }
      return ObservedNodegroup.ACTIVE;
    }

    void update(ScalingGroup g, String minor) {
      ObservedNodegroup ng = observed(g);
      NodegroupStatus ns = NodegroupStatus.from(ng);
      if (ns.error().isPresent()) {
        steps.add("EKSNodegroupReady=False (EKSNodegroupReconciliationFailed): " + ns.error().get());
        return;
      }
      setStatus(g, ng.status(), ns);
      if (ng.status().equals(ObservedNodegroup.CREATING) || ng.status().equals(ObservedNodegroup.UPDATING)) {
        steps.add("node group: " + nodegroupName + " is " + ng.status() + ": wait for ACTIVE (CAPA blocks in "
            + "WaitUntilNodegroupActive; capi4j looks again in " + WAIT_REQUEUE.getSeconds() + "s)");
        requeue = Optional.of(WAIT_REQUEUE);
        return;
      }
      if (ExternalAutoscaler.replicasManagedExternally(mp.annotations())
          && !mp.spec().replicas().equals(Optional.of(g.capacity()))) {
        plan.replicasToCopyBack(g.capacity());
        steps.add("replicas: managed externally; copy the node group's desired size " + g.capacity()
            + " to MachinePool " + mp.key() + " spec.replicas");
      }
      AWSManagedMachinePoolStatus st = status();
      Optional<InstanceModel> currentLt = NodegroupModel.launchTemplate(g.model());
      Optional<InstanceModel> newLt = currentLt;
      Optional<Outcome<WantedTemplate>> lt = wantedTemplate();
      if (lt.isPresent()) {
        if (!lt.get().isOk()) {
          steps.add("LaunchTemplateReady=False (LaunchTemplateReconcileFailed): " + lt.get().error().get());
          return;
        }
        WantedTemplate w = lt.get().get();
        String ltId = st.launchTemplateID().orElse(AwsIds.launchTemplateId(pool.namespace(), pool.name()));
        LaunchTemplatePlan ltPlan = LaunchTemplatePlanner.plan(LaunchTemplateInputs.builder()
            .name(pool.name())
            .mode(LaunchTemplateInputs.Mode.EKS_NODEGROUP)
            .incoming(w.view())
            .userData(w.secretKey())
            .bootstrapDataSecret(w.secretKey())
            .existing(currentLt.map(m -> LaunchTemplateModel.decode(ltId, m)))
            .statusLaunchTemplateId(st.launchTemplateID().orElse(""))
            .statusLaunchTemplateVersion(st.launchTemplateVersion())
            .asgExists(true)
            .build());
        String next = currentLt.map(m -> LaunchTemplateModel.nextVersion(m.version())).orElse("1");
        for (LaunchTemplatePlan.Step s : ltPlan.steps()) {
          switch (s.action()) {
            case CREATE_LAUNCH_TEMPLATE, CREATE_LAUNCH_TEMPLATE_VERSION -> {
              newLt = Optional.of(w.model(next, version(), pool.spec().additionalTags()));
              st = st.withLaunchTemplateID(ltId).withLaunchTemplateVersion(next);
              steps.add("launch template: create version " + next + " (" + s.reason() + ")");
            }
            case RECORD_LAUNCH_TEMPLATE_ID -> st = st.withLaunchTemplateID(ltId);
            case RECORD_LATEST_VERSION -> st = st.withLaunchTemplateVersion(currentLt.map(InstanceModel::version));
            default -> { }
          }
        }
        ltPlan.notes().forEach(n -> steps.add("launch template: " + n));
        pool = pool.withStatus(st);
      }
      Outcome<Optional<NodegroupVersionUpdate>> vu = NodegroupVersionUpdate.decide(Optional.of(version()),
          pool.spec().amiVersion(), st.launchTemplateID(), st.launchTemplateVersion(), ng);
      if (!vu.isOk()) {
        steps.add("EKSNodegroupReady=False (EKSNodegroupReconciliationFailed): " + vu.error().get());
        return;
      }
      if (vu.get().isPresent()) {
        NodegroupVersionUpdate u = vu.get().get();
        InstanceModel model = switch (u.kind()) {
          case LAUNCH_TEMPLATE_VERSION -> NodegroupModel.of(ng.version(), ng.releaseVersion(), newLt, version(), pool.spec());
          case KUBERNETES_VERSION -> NodegroupModel.of(u.kubernetesVersion().orElseThrow(), "", currentLt, version(),
              pool.spec());
          case AMI_RELEASE_VERSION -> NodegroupModel.of(ng.version(), u.releaseVersion().orElseThrow(), currentLt,
              version(), pool.spec());
        };
        plan.addCloudActions(new CloudAction.UpdateModel(groupId, model,
            "UpdateNodegroupVersion " + nodegroupName + " " + u.message()));
        int min = minHealthyPercentage(pool.spec().updateConfig(), g.capacity());
        String budget = pool.spec().updateConfig().flatMap(UpdateConfig::maxUnavailablePercentage)
            .map(p -> "maxUnavailablePercentage=" + p + "%")
            .orElse("maxUnavailable=" + pool.spec().updateConfig().flatMap(UpdateConfig::maxUnavailable).orElse(1));
        plan.addCloudActions(new CloudAction.StartRollingReplacement(groupId, min, 100, 0,
            "EKS rolls the node group " + u.message() + " under updateConfig " + budget));
        steps.add("node group: update " + nodegroupName + " " + u.message() + " (one update per pass: launch template "
            + "version, then one Kubernetes minor, then AMI release); EKS replaces the nodes itself under updateConfig "
            + budget + ", modelled as a rolling replacement keeping at least " + min + "% of " + g.capacity()
            + " healthy (max 100%, no warm-up)");
        steps.add("node group: the configuration update waits for the version update (EKS runs one update at a time)");
      } else {
        NodegroupConfigUpdate cu = NodegroupConfigUpdate.decide(mp.spec().replicas(),
            ExternalAutoscaler.replicasManagedExternally(mp.annotations()), pool.spec(), ng);
        if (cu.scalingConfig().isPresent() && cu.scalingConfig().get().desiredSize() != g.capacity()) {
          int d = cu.scalingConfig().get().desiredSize();
          Optional<String> bad = outOfRange(d);
          if (bad.isPresent()) {
            steps.add("node group: UpdateNodegroupConfig would fail, not sent: " + bad.get());
          } else {
            plan.addCloudActions(new CloudAction.SetCapacity(groupId, d,
                "UpdateNodegroupConfig " + nodegroupName + ": " + String.join("; ", cu.reasons())));
            steps.add("node group: scale " + nodegroupName + " " + g.capacity() + " -> " + d + " ("
                + String.join("; ", cu.reasons()) + ")");
          }
        }
      }
    }

    void setStatus(ScalingGroup g, String ngStatus, NodegroupStatus ns) {
      AWSManagedMachinePool before = pool;
      AWSManagedMachinePoolStatus st = status().withReady(ns.ready());
      if (ns.failureMessage().isPresent()) {
        st = st.withFailureMessage(ns.failureMessage());
      } else if (ns.clearFailureMessage()) {
        st = st.withFailureMessage(Optional.empty());
      }
      if (ns.replicas().isPresent()) {
        st = st.withReplicas(ns.replicas());
        pool = pool.withSpec(pool.spec().withProviderIDList(g.instances().stream().map(Instance::providerID).toList()));
      }
      pool = pool.withStatus(st);
      if (!pool.equals(before)) {
        steps.add("status: node group " + ngStatus + ": status.ready=" + ns.ready()
            + ns.replicas().map(r -> ", status.replicas=" + r + ", " + r + " provider ID(s)").orElse("")
            + ns.failureMessage().map(m -> ", status.failureMessage=" + m).orElse(""));
      }
    }

    /**
     * Every instance for the MachinePool's truthful status: up to date when it runs the MachinePool's minor, the
     * AMI release {@code spec.amiVersion} asks for, and the launch template version of the status.
     */
    void instances(ScalingGroup g) {
      AWSManagedMachinePoolStatus st = status();
      Optional<String> minor = NodegroupModel.minor(version());
      for (Instance i : g.instances()) {
        java.util.Map<String, String> a = i.modelAttributes();
        Optional<Boolean> upToDate = minor.map(m -> m.equals(a.get(NodegroupModel.EKS_VERSION))
            && pool.spec().amiVersion().map(v -> v.equals(a.get(NodegroupModel.RELEASE_VERSION))).orElse(true)
            && st.launchTemplateVersion().map(v -> v.equals(a.get(NodegroupModel.LAUNCH_TEMPLATE_VERSION))).orElse(true));
        plan.addInstances(PoolInstance.builder().providerID(i.providerID()).upToDate(upToDate)
            .running(i.state() == InstanceState.RUNNING).zone(AwsIds.zone(i)).build());
      }
    }

    void reconcileDelete() {
      if (o.scalingGroup().isPresent()) {
        plan.addCloudActions(new CloudAction.DeleteGroup(groupId,
            "DeleteNodegroup " + nodegroupName + ": the AWSManagedMachinePool is being deleted"));
        steps.add("delete: delete the node group " + nodegroupName + " and its "
            + o.scalingGroup().get().instances().size() + " instance(s)");
        pool = pool.withStatus(status().withReady(false));
        requeue = Optional.of(WAIT_REQUEUE);
        return;
      }
      if (status().launchTemplateID().isPresent()) {
        steps.add("delete: the node group is gone; delete the launch template " + pool.name());
      }
      List<String> finalizers = new ArrayList<>(Convert.orEmpty(pool.metadata().getFinalizers()));
      if (finalizers.remove(FINALIZER)) {
        pool = pool.withMetadata(new ObjectMetaBuilder(pool.metadata()).withFinalizers(finalizers).build());
        steps.add("delete: remove the finalizer " + FINALIZER);
      }
    }
  }
}
