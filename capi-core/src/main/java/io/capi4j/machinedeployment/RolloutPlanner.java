package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The MachineDeployment rollout planner: decides, for one reconcile, exactly what Cluster API's MachineDeployment
 * controller decides (upstream {@code machinedeployment_rollout_planner.go} and the controller's
 * {@code createOrUpdateMachineSetsAndSyncMachineDeploymentRevision}).
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * RolloutPlan plan = RolloutPlanner.plan(RolloutInput.builder()
 *     .machineDeployment(md).addAllMachineSets(machineSets).addAllMachines(machines)
 *     .now(clock.instant()).random(new SplittableRandom(seed))
 *     .build());
 * plan.steps().forEach(s -> log.info(s.describe() + ": " + s.reason()));
 * AppliedRollout writes = RolloutPlanner.apply(plan);   // the MachineSets to create/apply, then to delete
 * }</pre>
 *
 * <h2>What a plan contains</h2>
 *
 * <ol>
 *   <li><b>init</b>: the MachineSet whose template matches the MachineDeployment (see
 *       {@link MachineDeploymentUtil#findNewAndOldMachineSets}) is the current one; if there is none, one is created
 *       (named by the input's namer or random source). Every MachineSet gets its full desired state: labels,
 *       selector, annotations derived from the MachineDeployment, revision annotations, {@code
 *       disable-machine-create} ({@code "false"} on the current one; on old ones {@code "true"} under OnDelete), and
 *       the fields propagated in place.
 *   <li><b>planning</b>: {@link RollingUpdatePlanner} (five steps in upstream's order), {@link OnDeletePlanner}, or
 *       {@link SyncPlanner} when {@code spec.paused}; they produce scale intents and notes.
 *   <li><b>steps</b>: for the current MachineSet then each old one (in the planner's final order): create, scale
 *       from A to B, or "update" when only rollout annotations change; then, once the rollout is complete (all
 *       replicas up to date and available), the deletion of empty old MachineSets.
 * </ol>
 *
 * <p>Errors: bad input (a missing {@code spec.replicas}, an unparsable revision or timestamp, an unsupported
 * strategy, a missing {@code machine-template-hash} label, no namer for a MachineSet to create, templates missing)
 * throws {@link RolloutPlanningException} with upstream's message where upstream has one.
 *
 * <p>Cost: O(m log m) in the number of MachineSets plus O(n) in the number of Machines (two linear scans at most).
 */
public final class RolloutPlanner {
  private RolloutPlanner() {}

  /**
   * Plans one reconcile as upstream's {@code reconcile} does: {@link #sync} when {@code spec.paused}, else
   * {@link #planRollingUpdate} or {@link #planOnDelete} by strategy type.
   *
   * @throws RolloutPlanningException on bad input, or {@code unexpected deployment strategy type: <t>}
   */
  public static RolloutPlan plan(RolloutInput input) {
    MachineDeployment md = input.machineDeployment();
    if (md.spec().isPaused()) {
      return sync(input);
    }
    String type = MachineDeploymentUtil.strategyType(md);
    switch (type) {
      case MachineDeploymentRolloutStrategy.ROLLING_UPDATE:
        return planRollingUpdate(input);
      case MachineDeploymentRolloutStrategy.ON_DELETE:
        return planOnDelete(input);
      default:
        throw new RolloutPlanningException("unexpected deployment strategy type: " + type);
    }
  }

  /**
   * Upstream's {@code rolloutRollingUpdate}: init (creating the current MachineSet if needed), then
   * {@link RollingUpdatePlanner}'s five steps, then the create/scale/update steps and the cleanup of empty old
   * MachineSets once the rollout is complete.
   */
  public static RolloutPlan planRollingUpdate(RolloutInput input) {
    return guard(() -> {
      PlannerState p = init(input, true);
      RollingUpdatePlanner.planRollingUpdate(p);
      return buildPlan(p, RolloutPlan.Mode.ROLLING_UPDATE, List.of());
    });
  }

  /** Upstream's {@code rolloutOnDelete}: as {@link #planRollingUpdate} with {@link OnDeletePlanner}'s steps. */
  public static RolloutPlan planOnDelete(RolloutInput input) {
    return guard(() -> {
      PlannerState p = init(input, true);
      OnDeletePlanner.planOnDelete(p);
      return buildPlan(p, RolloutPlan.Mode.ON_DELETE, List.of());
    });
  }

  /**
   * Upstream's {@code sync} (used when {@code spec.paused}): no MachineSet is created and no rollout step runs; the
   * MachineSets get their desired labels and annotations, then the legacy {@code scale} resizes them when
   * {@code spec.replicas} changed. No cleanup.
   */
  public static RolloutPlan sync(RolloutInput input) {
    return guard(() -> {
      PlannerState p = init(input, false);
      List<PlanStep> scaleSteps = SyncPlanner.scale(p);
      return buildPlan(p, RolloutPlan.Mode.PAUSED, scaleSteps);
    });
  }

  /**
   * The controller's apply: every desired MachineSet (current first, then the old ones in plan order) with its scale
   * intent applied, the MachineSets to delete, and the MachineDeployment's new revision annotation.
   */
  public static AppliedRollout apply(RolloutPlan plan) {
    List<MachineSet> out = new ArrayList<>();
    List<String> created = new ArrayList<>();
    plan.newMachineSet().ifPresent(ms -> {
      out.add(withIntent(ms, plan.scaleIntents()));
      if (plan.newMachineSetCreated()) {
        created.add(ms.name());
      }
    });
    for (MachineSet ms : plan.oldMachineSets()) {
      out.add(withIntent(ms, plan.scaleIntents()));
    }
    return new AppliedRollout(out, created, plan.machineSetsToDelete(), plan.machineDeploymentRevision());
  }

  private static MachineSet withIntent(MachineSet ms, Map<String, Integer> intents) {
    Integer intent = intents.get(ms.name());
    return intent == null ? ms : ms.withSpec(ms.spec().withReplicas(intent));
  }

  static <T> T guard(Supplier<T> body) {
    try {
      return body.get();
    } catch (IllegalArgumentException e) {
      throw new RolloutPlanningException(e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // init

  /** Upstream's {@code rolloutPlanner.init}. */
  static PlannerState init(RolloutInput in, boolean createNewMSIfNotExist) {
    PlannerState p = new PlannerState();
    p.inPlaceUpdates = in.inPlaceUpdates();
    p.canUpdateMachineSetInPlace = in.canUpdateMachineSetInPlace();
    MachineDeployment md = in.machineDeployment();
    if (md.spec().replicas().isEmpty()) {
      // Deliberate fix: upstream builds this message from a nil planner field and would panic.
      throw new RolloutPlanningException("spec.replicas for MachineDeployment " + md.key() + " is nil, this is unexpected");
    }
    Set<String> names = new HashSet<>();
    for (MachineSet ms : in.machineSets()) {
      if (ms.spec().replicas().isEmpty()) {
        throw new RolloutPlanningException("spec.replicas for MachineSet " + ms.key() + " is nil, this is unexpected");
      }
      if (!names.add(ms.name())) {
        throw new RolloutPlanningException("MachineSet " + ms.key() + " is listed twice: MachineSet names must be unique");
      }
    }
    p.md = md;
    p.machines = in.machines();
    Map<String, MachineSet> originals = new LinkedHashMap<>();
    in.machineSets().forEach(ms -> originals.put(ms.name(), ms));
    p.originalMSs = originals;

    MachineDeploymentUtil.FindResult found =
        MachineDeploymentUtil.findNewAndOldMachineSets(md, in.machineSets(), in.now());
    p.upToDateResults = new LinkedHashMap<>(found.upToDateResults());
    for (MachineSet current : found.oldMachineSets()) {
      p.oldMSs.add(computeDesiredOldMS(p, current));
    }
    if (found.newMachineSet().isPresent()) {
      MachineSet current = found.newMachineSet().get();
      String oldRevision = current.annotations().getOrDefault(Capi.REVISION_ANNOTATION, "");
      p.newMS = computeDesiredNewMS(p, current, in);
      if (!oldRevision.equals(p.revision)) {
        p.addNote(p.newMS, "this is now the current MachineSet");
      }
      return p;
    }
    if (!createNewMSIfNotExist) {
      return p;
    }
    if (!in.templatesExist()) {
      throw new RolloutPlanningException("cannot create a MachineSet when templates do not exist");
    }
    p.newMS = computeDesiredNewMS(p, null, in);
    p.createReason = found.createReason();
    return p;
  }

  /** {@code computeDesiredNewMS}: desired state, revision annotations (sets {@code p.revision}), creation enabled. */
  static PlannedMachineSet computeDesiredNewMS(PlannerState p, MachineSet current, RolloutInput in) {
    MachineSet desired = computeDesiredMS(p, current, in);
    Map<String, String> annotations = new LinkedHashMap<>(desired.annotations());
    List<Map<String, String>> old = new ArrayList<>();
    p.oldMSs.forEach(ms -> old.add(ms.annotations));
    MachineDeploymentUtil.RevisionAnnotations rev =
        MachineDeploymentUtil.computeRevisionAnnotations(
            current == null ? null : current.annotations(), current == null ? "" : current.key(), old);
    annotations.putAll(rev.annotations());
    p.revision = rev.revision();
    annotations.put(Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "false");
    return new PlannedMachineSet(desired, annotations);
  }

  /** {@code computeDesiredOldMS}: desired state, revision annotations carried over, creation disabled under OnDelete. */
  static PlannedMachineSet computeDesiredOldMS(PlannerState p, MachineSet current) {
    MachineSet desired = computeDesiredMS(p, current, null);
    Map<String, String> annotations = new LinkedHashMap<>(desired.annotations());
    annotations.putAll(MachineDeploymentUtil.getRevisionAnnotations(current));
    boolean onDelete = MachineDeploymentRolloutStrategy.ON_DELETE.equals(MachineDeploymentUtil.strategyType(p.md));
    annotations.put(Capi.DISABLE_MACHINE_CREATE_ANNOTATION, onDelete ? "true" : "false");
    return new PlannedMachineSet(desired, annotations);
  }

  private static MachineSet computeDesiredMS(PlannerState p, MachineSet current, RolloutInput in) {
    if (p.overrideComputeDesiredMS != null) {
      return p.overrideComputeDesiredMS.apply(p.md, current);
    }
    if (current != null) {
      return computeDesiredMS(p.md, current, null, null);
    }
    return computeDesiredMS(p.md, null, newName(p.md, in), in.now());
  }

  private static NewMachineSetName newName(MachineDeployment md, RolloutInput in) {
    if (in.machineSetNamer().isPresent()) {
      return in.machineSetNamer().get().name(md);
    }
    if (in.random().isPresent()) {
      return MachineDeploymentUtil.computeNewMachineSetName(md.name() + "-", in.random().get());
    }
    throw new RolloutPlanningException(
        "cannot create a MachineSet for MachineDeployment " + md.key() + ": the input has neither a random source nor a MachineSet namer");
  }

  /**
   * Upstream's {@code computeDesiredMS}: the full desired MachineSet (the server-side apply intent) for an existing
   * MachineSet ({@code current}), or for a new one named {@code newName} and created at {@code now}.
   *
   * <p>From the current MachineSet: name, uid, finalizers, replicas, template spec, status, creation timestamp and
   * the {@code machine-template-hash} label value. From the MachineDeployment: namespace, controller owner
   * reference, clusterName, labels (template labels + hash + {@code cluster.x-k8s.io/deployment-name}), selector,
   * annotations ({@link MachineDeploymentUtil#machineSetAnnotationsFromMachineDeployment}), template labels and
   * annotations, deletion order, machine naming, and the template fields propagated in place (minReadySeconds,
   * readinessGates, deletion timeouts, taints). Revision, disable-machine-create and in-place annotations are not
   * part of it.
   *
   * @throws IllegalArgumentException {@code failed to compute desired MachineSet: failed to get unique identifier
   *     from "machine-template-hash" annotation} when an existing MachineSet lacks the label
   */
  static MachineSet computeDesiredMS(MachineDeployment md, MachineSet current, NewMachineSetName newName, Instant now) {
    MachineTemplateSpec mdTemplate = md.spec().templateOrEmpty();
    String name;
    String uid = null;
    List<String> finalizers = null;
    String uniqueValue;
    MachineSpec templateSpec;
    Optional<MachineSetStatus> status;
    int replicas;
    String creationTimestamp;
    if (current == null) {
      long hash = templateHash(MachineDeploymentUtil.machineTemplateDeepCopyRolloutFields(mdTemplate));
      name = newName.name();
      uniqueValue = hash + "-" + newName.suffix();
      replicas = 0;
      templateSpec = mdTemplate.specOrEmpty();
      status = Optional.empty();
      creationTimestamp = MachineDeploymentUtil.formatRfc3339(now);
    } else {
      uniqueValue = current.labels().get(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL);
      if (uniqueValue == null) {
        throw new IllegalArgumentException(
            "failed to compute desired MachineSet: failed to get unique identifier from \""
                + Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL + "\" annotation");
      }
      name = current.name();
      uid = current.metadata().getUid();
      finalizers = current.metadata().getFinalizers();
      replicas = current.spec().replicas().orElse(0);
      templateSpec = current.spec().templateOrEmpty().specOrEmpty();
      status = current.status();
      creationTimestamp = current.metadata().getCreationTimestamp();
    }

    TemplateMeta mdMeta = mdTemplate.metadataOrEmpty();
    Map<String, String> labels =
        MachineDeploymentUtil.cloneAndAddLabel(mdMeta.labels(), Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, uniqueValue);
    labels.put(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, md.name());
    Map<String, String> templateLabels =
        MachineDeploymentUtil.cloneAndAddLabel(mdMeta.labels(), Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, uniqueValue);

    MachineSpec mdSpec = mdTemplate.specOrEmpty();
    MachineDeletionSpec mdDeletion = mdSpec.deletionOrEmpty();
    MachineDeletionSpec deletion =
        templateSpec.deletionOrEmpty()
            .withNodeDrainTimeoutSeconds(mdDeletion.nodeDrainTimeoutSeconds())
            .withNodeDeletionTimeoutSeconds(mdDeletion.nodeDeletionTimeoutSeconds())
            .withNodeVolumeDetachTimeoutSeconds(mdDeletion.nodeVolumeDetachTimeoutSeconds());
    boolean deletionEmpty =
        deletion.nodeDrainTimeoutSeconds().isEmpty()
            && deletion.nodeDeletionTimeoutSeconds().isEmpty()
            && deletion.nodeVolumeDetachTimeoutSeconds().isEmpty()
            && deletion.unknownFields().isEmpty();
    templateSpec =
        templateSpec.withMinReadySeconds(mdSpec.minReadySeconds())
            .withReadinessGates(mdSpec.readinessGates())
            .withTaints(mdSpec.taints())
            .withDeletion(deletionEmpty ? Optional.empty() : Optional.of(deletion));

    OwnerReference owner =
        new OwnerReferenceBuilder()
            .withApiVersion(Capi.API_VERSION)
            .withKind(MachineDeployment.KIND)
            .withName(md.name())
            .withUid(md.metadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build();
    ObjectMeta meta =
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(md.namespace().isEmpty() ? null : md.namespace())
            .withCreationTimestamp(creationTimestamp)
            .withOwnerReferences(owner)
            .withUid(uid == null || uid.isEmpty() ? null : uid)
            .withFinalizers(finalizers == null || finalizers.isEmpty() ? null : new ArrayList<>(finalizers))
            .withLabels(labels)
            .withAnnotations(MachineDeploymentUtil.machineSetAnnotationsFromMachineDeployment(md))
            .build();

    String order = md.spec().deletion().map(MachineDeploymentDeletionSpec::order).orElse("");
    MachineSetSpec spec =
        MachineSetSpec.builder()
            .replicas(replicas)
            .clusterName(md.spec().clusterName())
            .selector(
                MachineDeploymentUtil.cloneSelectorAndAddLabel(
                    md.spec().selector().orElse(null), Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, uniqueValue))
            .template(
                MachineTemplateSpec.builder()
                    .metadata(TemplateMeta.builder().labels(templateLabels).annotations(mdMeta.annotations()).build())
                    .spec(templateSpec)
                    .build())
            .deletion(order.isEmpty() ? Optional.empty() : Optional.of(MachineSetDeletionSpec.of(order)))
            .machineNaming(md.spec().machineNaming())
            .build();
    return ImmutableMachineSet.builder().metadata(meta).spec(spec).status(status).build();
  }

  /**
   * The {@code machine-template-hash} prefix of a new MachineSet. Upstream hashes a go-spew dump with FNV-32a, which
   * cannot be reproduced outside Go; capi4j hashes the template's canonical text with FNV-32a. Nothing compares it:
   * it only makes the unique label readable.
   */
  static long templateHash(MachineTemplateSpec template) {
    int h = 0x811c9dc5;
    for (byte b : template.toString().getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x01000193;
    }
    return h & 0xffffffffL;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // diff and plan

  /** Upstream's {@code machineSetDiff}. */
  record MachineSetDiff(
      String type,
      boolean hasOriginal,
      int originalReplicas,
      int desiredReplicas,
      String summary,
      String otherChanges,
      String reason) {}

  private static final List<String> DIFF_ANNOTATIONS =
      List.of(
          Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION,
          Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION,
          Capi.ACKNOWLEDGED_MOVE_ANNOTATION,
          Capi.DISABLE_MACHINE_CREATE_ANNOTATION);

  /** Upstream's {@code getMachineSetDiff}, for {@code ms} ending with {@code desiredReplicas}. */
  static MachineSetDiff getMachineSetDiff(PlannerState p, PlannedMachineSet ms, int desiredReplicas) {
    MachineSet original = p.originalMSs.get(ms.name);
    boolean hasOriginal = original != null;
    String type = p.newMS != null && ms.name.equals(p.newMS.name) ? "current" : "old";
    int originalReplicas = hasOriginal ? original.spec().replicas().orElse(0) : 0;
    String summary;
    if (!hasOriginal || originalReplicas == desiredReplicas) {
      summary = ms.statusReplicas() + "/" + desiredReplicas + " replicas";
    } else {
      summary = "from " + ms.statusReplicas() + "/" + originalReplicas + " to " + ms.statusReplicas() + "/" + desiredReplicas + " replicas";
    }
    summary += ", " + ms.available() + " available, " + ms.upToDate() + " upToDate";

    String otherChanges = "";
    if (hasOriginal) {
      List<String> changes = new ArrayList<>();
      if (originalReplicas != desiredReplicas) {
        changes.add("replicas " + desiredReplicas);
      }
      Map<String, String> oa = original.annotations();
      String rev = ms.annotation(Capi.REVISION_ANNOTATION);
      if (!oa.getOrDefault(Capi.REVISION_ANNOTATION, "").equals(rev == null ? "" : rev) && rev != null) {
        changes.add(Capi.REVISION_ANNOTATION + ": " + rev);
      }
      for (String key : DIFF_ANNOTATIONS) {
        String v = ms.annotation(key);
        if (!oa.getOrDefault(key, "").equals(v == null ? "" : v)) {
          changes.add(v != null ? key + ": " + v : key + " removed");
        }
      }
      otherChanges = String.join(",", changes);
    }
    String reason = String.join(", ", p.notes.getOrDefault(ms.name, List.of()));
    return new MachineSetDiff(type, hasOriginal, originalReplicas, desiredReplicas, summary, otherChanges, reason);
  }

  static RolloutPlan buildPlan(PlannerState p, RolloutPlan.Mode mode, List<PlanStep> extraScaleSteps) {
    List<PlannedMachineSet> all = new ArrayList<>();
    if (p.newMS != null) {
      all.add(p.newMS);
    }
    all.addAll(p.oldMSs);

    List<PlanStep> steps = new ArrayList<>();
    for (PlannedMachineSet ms : all) {
      int desired = ms.replicas;
      if (mode != RolloutPlan.Mode.PAUSED && p.scaleIntents.containsKey(ms.name)) {
        desired = p.scaleIntents.get(ms.name);
      }
      MachineSetDiff d = getMachineSetDiff(p, ms, desired);
      if (!d.hasOriginal()) {
        steps.add(new PlanStep(PlanStep.Action.CREATE, ms.name, d.type(), 0, desired, p.createReason, ""));
        if (desired > 0) {
          steps.add(new PlanStep(PlanStep.Action.SCALE, ms.name, d.type(), 0, desired, d.reason(), ""));
        }
      } else if (desired != d.originalReplicas()) {
        steps.add(new PlanStep(PlanStep.Action.SCALE, ms.name, d.type(), d.originalReplicas(), desired, d.reason(), d.otherChanges()));
      } else if (!d.otherChanges().isEmpty()) {
        steps.add(new PlanStep(PlanStep.Action.UPDATE, ms.name, d.type(), desired, desired, d.reason(), d.otherChanges()));
      }
    }
    steps.addAll(extraScaleSteps);

    List<String> toDelete = mode == RolloutPlan.Mode.PAUSED ? List.of() : SyncPlanner.cleanupCandidates(p);
    for (String name : toDelete) {
      steps.add(new PlanStep(PlanStep.Action.DELETE, name, "old", 0, 0, "cleanup of old MachineSets", ""));
    }

    Map<String, List<String>> notes = new LinkedHashMap<>();
    p.notes.forEach((k, v) -> notes.put(k, List.copyOf(v)));
    String mdRevision = p.md.annotations().getOrDefault(Capi.REVISION_ANNOTATION, "");
    ImmutableRolloutPlan.Builder b =
        RolloutPlan.builder()
            .mode(mode)
            .newMachineSet(Optional.ofNullable(p.newMS).map(PlannedMachineSet::toMachineSet))
            .newMachineSetCreated(p.newMS != null && !p.originalMSs.containsKey(p.newMS.name))
            .scaleIntents(p.scaleIntents)
            .notes(notes)
            .createReason(p.createReason)
            .revision(p.revision)
            .machineDeploymentRevision(mdRevision.equals(p.revision) ? Optional.empty() : Optional.of(p.revision))
            .acknowledgedMachineNames(p.acknowledgedMachineNames)
            .updatingMachineNames(p.updatingMachineNames)
            .upToDateResults(p.upToDateResults)
            .machineSetsToDelete(toDelete)
            .steps(steps);
    for (PlannedMachineSet ms : p.oldMSs) {
      b.addOldMachineSet(ms.toMachineSet());
    }
    return b.build();
  }

  /** The MachineDeployment status counters upstream's {@code setReplicas} computes from the desired MachineSets. */
  static MachineDeploymentStatus replicaStatus(PlannerState p) {
    Integer replicas = null;
    Integer available = null;
    Integer upToDate = null;
    for (PlannedMachineSet ms : p.all()) {
      if (ms.hasStatusReplicas()) {
        replicas = (replicas == null ? 0 : replicas) + ms.statusReplicas();
      }
      if (ms.hasAvailable()) {
        available = (available == null ? 0 : available) + ms.available();
      }
      if (ms.hasUpToDate()) {
        upToDate = (upToDate == null ? 0 : upToDate) + ms.upToDate();
      }
    }
    MachineDeploymentStatus current = p.md.status().orElse(MachineDeploymentStatus.builder().build());
    return MachineDeploymentStatus.builder()
        .from(current)
        .replicas(Optional.ofNullable(replicas))
        .availableReplicas(Optional.ofNullable(available))
        .upToDateReplicas(Optional.ofNullable(upToDate))
        .build();
  }

  /** Machines of the MachineDeployment controlled by {@code ms}. */
  static boolean controlledBy(Machine m, PlannedMachineSet ms) {
    return MachineDeploymentUtil.isControlledBy(m, Capi.GROUP, MachineSet.KIND, ms.name);
  }
}
