package io.capi4j.machineset;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateResource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateSpec;
import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRemediationSpec;
import io.capi4j.api.core.v1beta2.MachineNamingSpec;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.conditions.Conditions;
import io.capi4j.external.ExternalTemplates;
import io.capi4j.external.GenerateTemplateRequest;
import io.capi4j.spi.GroupVersionKind;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.RandomNames;
import io.capi4j.webhooks.WebhookRules;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Upstream's MachineSet reconcile ({@code machineset_controller.go}) as a pure function: the inputs of one
 * reconcile in, a {@link MachineSetPlan} out.
 *
 * <p>The order is upstream's:
 *
 * <ol>
 *   <li>add the {@code cluster.x-k8s.io/machineset} finalizer if missing, and stop;
 *   <li>set the {@code Paused} condition, and stop when paused or when it changed;
 *   <li>find the owning MachineDeployment of a MachineDeployment child (an error stops everything but the status);
 *   <li>label the MachineSet with its Cluster, check its templates exist, adopt orphan Machines;
 *   <li>when deleting: delete every Machine, and drop the finalizer once none is left;
 *   <li>otherwise: remediate unhealthy Machines ({@code reconcileUnhealthyMachines}), propagate in-place mutable
 *       fields ({@code syncMachines}), then create, delete or move Machines to match {@code spec.replicas}
 *       ({@code syncReplicas});
 *   <li>compute the status, then when to reconcile again.
 * </ol>
 *
 * <p>As upstream, every phase runs even after an earlier one failed; requeue requests are only kept while nothing
 * failed. Creation is all-at-once (no batching). Cost: {@code O(n log n)} in the number of Machines.
 *
 * <p>Deliberate differences: a generated Machine name that collides with an existing or planned Machine is drawn
 * again (upstream would server-side-apply over the existing Machine); the in-place update trigger
 * ({@code triggerInPlaceUpdate}) and the label sync of existing InfraMachines and bootstrap configs are not planned.
 */
public final class MachineSetPlanner {
  private MachineSetPlanner() {}

  /** Upstream's default {@code machineNaming.template}. */
  public static final String DEFAULT_MACHINE_NAME_TEMPLATE = "{{ .machineSet.name }}-{{ .random }}";

  /** The requeue after a preflight failure. */
  public static final Duration PREFLIGHT_FAILED_REQUEUE_AFTER = PreflightChecks.FAILED_REQUEUE_AFTER;

  /** The requeue while not every replica is ready. */
  public static final Duration REPLICAS_NOT_READY_REQUEUE_AFTER = Duration.ofSeconds(15);

  /** The message of {@code OwnerRemediated} on a Machine about to be deleted by remediation. */
  public static final String MACHINE_DELETING_MESSAGE = "Machine is deleting";

  /** The message of {@code OwnerRemediated} on a Machine of an outdated MachineSet. */
  public static final String CANNOT_BE_REMEDIATED_MESSAGE =
      "Machine won't be remediated because it is pending removal due to rollout";

  private static final int NAME_ATTEMPTS = 100;

  private static final MachineDeletionSpec EMPTY_DELETION = MachineDeletionSpec.builder().build();

  /** Plans one reconcile. Never throws on bad input: problems are returned as {@link MachineSetPlan#errors()}. */
  public static MachineSetPlan plan(MachineSetPlanInput input) {
    return new Run(Objects.requireNonNull(input, "input")).run();
  }

  /** {@code OwnerReference} the Machines of this MachineSet carry (controller, block owner deletion). */
  public static OwnerReference controllerRef(MachineSet ms) {
    return new OwnerReferenceBuilder()
        .withApiVersion(Capi.API_VERSION)
        .withKind(MachineSet.KIND)
        .withName(ms.name())
        .withUid(ms.metadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** The labels a Machine of this MachineSet gets: template labels, set name, deployment name. */
  public static Map<String, String> machineLabels(MachineSet ms) {
    Map<String, String> labels = new LinkedHashMap<>(ms.spec().templateOrEmpty().metadataOrEmpty().labels());
    labels.put(Capi.MACHINE_SET_NAME_LABEL, io.capi4j.util.KubernetesNames.mustFormatValue(ms.name()));
    String md = ms.labels().get(Capi.MACHINE_DEPLOYMENT_NAME_LABEL);
    if (md != null) {
      labels.put(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, md);
    }
    return labels;
  }

  /** The annotations a Machine of this MachineSet gets: the template annotations. */
  public static Map<String, String> machineAnnotations(MachineSet ms) {
    return new LinkedHashMap<>(ms.spec().templateOrEmpty().metadataOrEmpty().annotations());
  }

  /**
   * Upstream's {@code sortMachinesToRemediate} (stable): Machines with the {@code cluster.x-k8s.io/remediate-machine}
   * annotation first, then newest first, equal creation times by name.
   */
  public static List<Machine> sortMachinesToRemediate(List<Machine> machines) {
    record K(Machine m, boolean annotated, Instant created) {}
    List<K> keyed = new ArrayList<>(machines.size());
    for (Machine m : machines) {
      keyed.add(
          new K(m, m.annotations().containsKey(Capi.REMEDIATE_MACHINE_ANNOTATION),
              Machines.creationTime(m).orElse(Instant.MIN)));
    }
    keyed.sort(
        Comparator.comparing((K k) -> !k.annotated())
            .thenComparing(K::created, Comparator.reverseOrder())
            .thenComparing(k -> k.m().name()));
    List<Machine> out = new ArrayList<>(keyed.size());
    for (K k : keyed) {
      out.add(k.m());
    }
    return out;
  }

  /** Upstream's {@code shouldRequeueForReplicaCountersRefresh}, from the MachineSet and its new status. */
  public static Optional<Duration> requeueForReplicaCounters(MachineSet ms, MachineSetStatus status) {
    int minReadySeconds = ms.spec().templateOrEmpty().specOrEmpty().minReadySeconds().orElse(0);
    int replicas = ms.spec().replicas().orElse(0);
    int ready = status.readyReplicas().orElse(0);
    int available = status.availableReplicas().orElse(0);
    if (minReadySeconds > 0 && ready == replicas && available != replicas) {
      return Optional.of(Duration.ofSeconds(minReadySeconds));
    }
    if (ready != replicas) {
      return Optional.of(REPLICAS_NOT_READY_REQUEUE_AFTER);
    }
    return Optional.empty();
  }

  static Optional<Duration> lowestNonZero(Optional<Duration> a, Optional<Duration> b) {
    Optional<Duration> x = a.filter(d -> !d.isZero());
    Optional<Duration> y = b.filter(d -> !d.isZero());
    if (x.isEmpty()) {
      return y;
    }
    if (y.isEmpty()) {
      return x;
    }
    return x.get().compareTo(y.get()) <= 0 ? x : y;
  }

  /** One reconcile. Mutable while it runs; its result is immutable. */
  private static final class Run {
    private final MachineSetPlanInput in;
    private final Instant now;
    private MachineSet ms;
    private Optional<MachineDeployment> owner = Optional.empty();
    private final List<PlanStep> steps = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private Optional<Duration> result = Optional.empty();

    // The Machines as upstream holds them in memory: patched conditions, moves and syncs show up here.
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    // The Machines as given, for those replaced in `machines` (see replace); the others are their own original.
    private final Map<String, Machine> originals = new java.util.HashMap<>();
    private final Map<String, Machine> adopted = new LinkedHashMap<>();
    private final List<MachineConditionPatch> conditionPatches = new ArrayList<>();
    private final Map<String, Machine> updates = new LinkedHashMap<>();
    private final Map<String, MachineDeletion> deletions = new LinkedHashMap<>();
    private final Map<String, Machine> moves = new LinkedHashMap<>();
    private final List<NewMachine> created = new ArrayList<>();
    private List<String> scaleUpPreflightMessages = List.of();
    private boolean bootstrapNotFound;
    private boolean infraNotFound;
    private boolean machinesListed;

    private Optional<GenericKubernetesResource> infraTemplate = Optional.empty();
    private Optional<KubeadmConfigTemplate> kubeadmTemplate = Optional.empty();
    private Optional<GenericKubernetesResource> genericBootstrapTemplate = Optional.empty();

    Run(MachineSetPlanInput in) {
      this.in = in;
      this.now = in.now();
      this.ms = in.machineSet();
    }

    MachineSetPlan run() {
      // Finalizer first: upstream adds it and ends the reconcile (the update triggers the next one).
      if (!ms.isDeleting() && !finalizers(ms.metadata()).contains(Capi.MACHINE_SET_FINALIZER)) {
        List<String> f = new ArrayList<>(finalizers(ms.metadata()));
        f.add(Capi.MACHINE_SET_FINALIZER);
        ms = ms.withMetadata(new ObjectMetaBuilder(ms.metadata()).withFinalizers(f).build());
        step("Reconcile", PlanStep.Action.ADD_FINALIZER, ms.name(),
            "the MachineSet lacks the " + Capi.MACHINE_SET_FINALIZER + " finalizer; nothing else happens until it is"
                + " added");
        return finish(false, false);
      }

      if (paused()) {
        return finish(false, false);
      }

      if (ms.labels().containsKey(Capi.MACHINE_DEPLOYMENT_NAME_LABEL) && !resolveOwner()) {
        // Upstream returns before any phase; only the status is updated, as if the Machines were not listed.
        machinesListed = false;
        return finish(true, true);
      }

      resolveTemplates();
      phase(this::reconcileOwnerAndLabels);
      phase(this::reconcileInfrastructure);
      phase(this::reconcileBootstrapConfig);
      phase(this::getAndAdoptMachines);
      if (ms.isDeleting()) {
        phase(this::reconcileDelete);
      } else {
        phase(this::reconcileUnhealthyMachines);
        phase(this::syncMachines);
        phase(this::syncReplicas);
      }
      return finish(true, false);
    }

    private void phase(Supplier<Optional<Duration>> body) {
      Optional<Duration> r = body.get();
      if (errors.isEmpty()) {
        result = lowestNonZero(result, r);
      }
    }

    private MachineSetPlan finish(boolean updateStatus, boolean ownerFailed) {
      MachineSet out = ms;
      Optional<Duration> requeue = Optional.empty();
      if (updateStatus) {
        MachineSetStatuses.selectorError(ms).ifPresent(errors::add);
        MachineSetStatus status =
            MachineSetStatuses.compute(
                ms,
                new MachineSetStatuses.Observed(
                    ownerFailed ? List.of() : List.copyOf(machines.values()),
                    machinesListed,
                    bootstrapNotFound,
                    infraNotFound,
                    scaleUpPreflightMessages,
                    now));
        if (errors.isEmpty()) {
          status = status.withObservedGeneration(Optional.ofNullable(ms.metadata().getGeneration()));
        }
        out = ms.withStatus(status);
        if (errors.isEmpty()) {
          requeue = result;
          if (!ms.isDeleting()) {
            requeue = lowestNonZero(requeue, requeueForReplicaCounters(ms, status));
          }
        }
      }
      return MachineSetPlan.builder()
          .machineSet(out)
          .machinesToAdopt(adopted.values())
          .conditionPatches(conditionPatches)
          .machinesToUpdate(updates.values())
          .machinesToDelete(deletions.values())
          .machinesToMove(moves.values())
          .machinesToCreate(created)
          .scaleUpPreflightMessages(scaleUpPreflightMessages)
          .bootstrapTemplateNotFound(bootstrapNotFound)
          .infrastructureTemplateNotFound(infraNotFound)
          .requeueAfter(requeue)
          .errors(errors)
          .steps(steps)
          .build();
    }

    private void step(String phase, PlanStep.Action action, String target, String reason) {
      steps.add(new PlanStep(phase, action, target, reason));
    }

    private void error(String phase, String message) {
      errors.add(message);
      step(phase, PlanStep.Action.ERROR, ms.name(), message);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Paused, owner, templates.

    private boolean paused() {
      boolean clusterPaused = in.cluster().spec().isPaused();
      boolean annotated = ms.annotations().containsKey(Capi.PAUSED_ANNOTATION);
      Long generation = ms.metadata().getGeneration();
      Condition desired;
      if (clusterPaused || annotated) {
        List<String> messages = new ArrayList<>();
        if (clusterPaused) {
          messages.add("Cluster spec.paused is set to true");
        }
        if (annotated) {
          messages.add("MachineSet has the " + Capi.PAUSED_ANNOTATION + " annotation");
        }
        desired = MachineSetStatuses.condition(
            Capi.Conditions.PAUSED, Conditions.TRUE, Capi.Reasons.PAUSED, String.join(", ", messages));
      } else {
        desired = MachineSetStatuses.condition(Capi.Conditions.PAUSED, Conditions.FALSE, Capi.Reasons.NOT_PAUSED, "");
      }
      desired = MachineSetStatuses.stamp(desired, now, generation == null ? 0 : generation);
      MachineSetStatus status = ms.status().orElse(MachineSetStatus.builder().build());
      Optional<Condition> old = Conditions.get(status.conditions(), Capi.Conditions.PAUSED);
      boolean isPaused = clusterPaused || annotated;
      boolean changed = old.isEmpty() || !sameState(old.get(), desired);
      if (changed) {
        ms = ms.withStatus(status.withConditions(Conditions.set(status.conditions(), desired)));
        step("EnsurePausedCondition", PlanStep.Action.SET_PAUSED_CONDITION, ms.name(),
            "Paused becomes " + desired.getStatus() + (isPaused ? ": " + desired.getMessage() : "")
                + "; the reconcile ends here");
        return true;
      }
      if (isPaused) {
        step("EnsurePausedCondition", PlanStep.Action.WAIT, ms.name(), "paused: " + desired.getMessage());
        return true;
      }
      return false;
    }

    private boolean resolveOwner() {
      String mdName = ms.labels().get(Capi.MACHINE_DEPLOYMENT_NAME_LABEL);
      if (mdName.isEmpty()) {
        error("getOwnerMachineDeployment", "no owner MachineDeployment found for MachineSet " + ms.key());
        return false;
      }
      Optional<MachineDeployment> md =
          in.machineDeployment().filter(d -> d.name().equals(mdName) && d.namespace().equals(ms.namespace()));
      if (md.isEmpty()) {
        error("getOwnerMachineDeployment",
            "failed to retrieve owner MachineDeployment for MachineSet " + ms.key()
                + ": machinedeployments.cluster.x-k8s.io \"" + mdName + "\" not found");
        return false;
      }
      owner = md;
      return true;
    }

    // The given templates must be the referenced ones; anything else is a caller bug, reported, and ignored.
    private void resolveTemplates() {
      MachineSpec spec = templateSpec();
      ContractVersionedObjectReference infraRef = spec.infrastructureRefOrEmpty();
      in.infraMachineTemplate().ifPresent(t -> {
        if (matches(t.getKind(), name(t.getMetadata()), infraRef)) {
          infraTemplate = Optional.of(t);
        } else {
          error("input", "the InfraMachineTemplate given is " + t.getKind() + " " + name(t.getMetadata())
              + ", but spec.template.spec.infrastructureRef is " + infraRef.kind() + " " + infraRef.name());
        }
      });
      ContractVersionedObjectReference bootRef =
          spec.bootstrapOrEmpty().configRef().orElse(ContractVersionedObjectReference.builder().build());
      in.kubeadmConfigTemplate().ifPresent(t -> {
        if (matches(t.kind(), t.name(), bootRef)) {
          kubeadmTemplate = Optional.of(t);
        } else {
          error("input", "the KubeadmConfigTemplate given is " + t.name()
              + ", but spec.template.spec.bootstrap.configRef is " + bootRef.kind() + " " + bootRef.name());
        }
      });
      in.bootstrapTemplate().ifPresent(t -> {
        if (matches(t.getKind(), name(t.getMetadata()), bootRef)) {
          genericBootstrapTemplate = Optional.of(t);
        } else {
          error("input", "the bootstrap template given is " + t.getKind() + " " + name(t.getMetadata())
              + ", but spec.template.spec.bootstrap.configRef is " + bootRef.kind() + " " + bootRef.name());
        }
      });
    }

    private static boolean matches(String kind, String name, ContractVersionedObjectReference ref) {
      return Objects.equals(kind, ref.kind()) && Objects.equals(name, ref.name());
    }

    private boolean bootstrapTemplateFound() {
      return kubeadmTemplate.isPresent() || genericBootstrapTemplate.isPresent();
    }

    private Optional<Map<String, String>> bootstrapTemplateAnnotations() {
      if (kubeadmTemplate.isPresent()) {
        return Optional.of(kubeadmTemplate.get().annotations());
      }
      return genericBootstrapTemplate.map(t -> {
        Map<String, String> a = t.getMetadata() == null ? null : t.getMetadata().getAnnotations();
        return a == null ? Map.<String, String>of() : a;
      });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Always-run phases.

    private Optional<Duration> reconcileOwnerAndLabels() {
      String cluster = ms.spec().clusterName();
      ObjectMetaBuilder meta = new ObjectMetaBuilder(ms.metadata());
      List<String> changes = new ArrayList<>();
      if (!cluster.equals(ms.labels().get(Capi.CLUSTER_NAME_LABEL))) {
        meta.addToLabels(Capi.CLUSTER_NAME_LABEL, cluster);
        changes.add("label " + Capi.CLUSTER_NAME_LABEL + "=" + cluster);
      }
      if (shouldAdopt()) {
        OwnerReference ref =
            new OwnerReferenceBuilder()
                .withApiVersion(Capi.API_VERSION)
                .withKind("Cluster")
                .withName(in.cluster().name())
                .withUid(in.cluster().metadata().getUid())
                .build();
        List<OwnerReference> refs = ensureOwnerRef(ownerRefs(ms.metadata()), ref);
        if (!refs.equals(ownerRefs(ms.metadata()))) {
          meta.withOwnerReferences(refs);
          changes.add("owner reference to Cluster " + in.cluster().name());
        }
      }
      MachineTemplateSpec template = ms.spec().templateOrEmpty();
      TemplateMeta tmeta = template.metadataOrEmpty();
      LabelSelector selector = ms.spec().selector().orElse(new LabelSelector());
      Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
      boolean specChanged = false;
      if (!cluster.equals(matchLabels.get(Capi.CLUSTER_NAME_LABEL))) {
        selector = new LabelSelectorBuilder(selector).addToMatchLabels(Capi.CLUSTER_NAME_LABEL, cluster).build();
        changes.add("selector " + Capi.CLUSTER_NAME_LABEL + "=" + cluster);
        specChanged = true;
      }
      if (!cluster.equals(tmeta.labels().get(Capi.CLUSTER_NAME_LABEL))) {
        Map<String, String> labels = new LinkedHashMap<>(tmeta.labels());
        labels.put(Capi.CLUSTER_NAME_LABEL, cluster);
        template = template.withMetadata(tmeta.withLabels(labels));
        changes.add("template label " + Capi.CLUSTER_NAME_LABEL + "=" + cluster);
        specChanged = true;
      }
      if (!changes.isEmpty()) {
        ms = ms.withMetadata(meta.build());
        if (specChanged) {
          ms = ms.withSpec(ms.spec().withSelector(selector).withTemplate(template));
        }
        step("reconcileMachineSetOwnerAndLabels", PlanStep.Action.UPDATE_MACHINE_SET, ms.name(),
            "set " + String.join(", ", changes));
      }
      return Optional.empty();
    }

    private boolean shouldAdopt() {
      for (OwnerReference r : ownerRefs(ms.metadata())) {
        if (group(r.getApiVersion()).equals(Capi.GROUP)
            && (MachineDeployment.KIND.equals(r.getKind()) || "Cluster".equals(r.getKind()))) {
          return false;
        }
      }
      return !ms.labels().containsKey(Capi.MACHINE_DEPLOYMENT_NAME_LABEL);
    }

    private Optional<Duration> reconcileInfrastructure() {
      ContractVersionedObjectReference ref = templateSpec().infrastructureRefOrEmpty();
      infraNotFound = templateMissing("reconcileInfrastructure", "failed to reconcile infrastructure", ref,
          infraTemplate.isPresent());
      return Optional.empty();
    }

    private Optional<Duration> reconcileBootstrapConfig() {
      Optional<ContractVersionedObjectReference> ref =
          templateSpec().bootstrapOrEmpty().configRef().filter(ContractVersionedObjectReference::isDefined);
      if (ref.isPresent()) {
        bootstrapNotFound = templateMissing("reconcileBootstrapConfig", "failed to reconcile bootstrapConfig",
            ref.get(), bootstrapTemplateFound());
      }
      return Optional.empty();
    }

    // Upstream's reconcileExternalTemplateReference: whether the template is missing, and whether that is an error.
    private boolean templateMissing(
        String phase, String wrap, ContractVersionedObjectReference ref, boolean found) {
      if (!ref.kind().endsWith("Template") || found) {
        return false;
      }
      if (ms.isDeleting()) {
        step(phase, PlanStep.Action.NOTHING, ref.name(), ref.kind() + " does not exist; tolerated while deleting");
        return true;
      }
      if (owner.isPresent() && !isCurrentMachineSet()) {
        step(phase, PlanStep.Action.NOTHING, ref.name(),
            ref.kind() + " does not exist; tolerated because the MachineSet is not the MachineDeployment's current"
                + " revision");
        return true;
      }
      error(phase, wrap + ": " + notFound(ref));
      return true;
    }

    private boolean isCurrentMachineSet() {
      return owner
          .map(md -> md.annotations().getOrDefault(Capi.REVISION_ANNOTATION, "")
              .equals(ms.annotations().getOrDefault(Capi.REVISION_ANNOTATION, "")))
          .orElse(false);
    }

    private Optional<Duration> getAndAdoptMachines() {
      String uid = ms.metadata().getUid();
      for (Machine m : in.machines()) {
        if (machines.containsKey(m.name())) {
          error("getAndAdoptMachinesForMachineSet", "Machine " + m.key() + " is given twice");
          continue;
        }
        Optional<OwnerReference> controller = controllerOf(m);
        if (controller.isPresent() && !Objects.equals(controller.get().getUid(), uid)) {
          step("getAndAdoptMachinesForMachineSet", PlanStep.Action.IGNORE_MACHINE, m.name(),
              "controlled by " + controller.get().getKind() + " " + controller.get().getName());
          continue;
        }
        machines.put(m.name(), m);
        if (controller.isEmpty()) {
          List<OwnerReference> refs = ensureOwnerRef(ownerRefs(m.metadata()), controllerRef(ms));
          Machine current = m.withMetadata(new ObjectMetaBuilder(m.metadata()).withOwnerReferences(refs).build());
          replace(m.name(), current);
          adopted.put(m.name(), current);
          step("getAndAdoptMachinesForMachineSet", PlanStep.Action.ADOPT_MACHINE, m.name(),
              "the Machine matches the selector and has no controller");
        }
      }
      machinesListed = true;
      return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Deletion.

    private Optional<Duration> reconcileDelete() {
      if (machines.isEmpty()) {
        List<String> f = new ArrayList<>(finalizers(ms.metadata()));
        f.remove(Capi.MACHINE_SET_FINALIZER);
        ms = ms.withMetadata(new ObjectMetaBuilder(ms.metadata()).withFinalizers(f).build());
        step("reconcileDelete", PlanStep.Action.REMOVE_FINALIZER, ms.name(), "every Machine is gone");
        return Optional.empty();
      }
      for (Machine m : machines.values()) {
        if (m.isDeleting()) {
          step("reconcileDelete", PlanStep.Action.WAIT, m.name(), "the Machine is already deleting");
        } else {
          delete("reconcileDelete", m, "the MachineSet is deleting");
        }
      }
      return Optional.empty();
    }

    private void delete(String phase, Machine m, String reason) {
      if (deletions.containsKey(m.name())) {
        step(phase, PlanStep.Action.NOTHING, m.name(), reason + "; already deleted by this plan");
        return;
      }
      deletions.put(m.name(), new MachineDeletion(original(m.name()), reason));
      step(phase, PlanStep.Action.DELETE_MACHINE, m.name(), reason);
    }

    private Machine original(String name) {
      Machine m = originals.get(name);
      return m != null ? m : machines.get(name);
    }

    /**
     * Replaces a listed Machine by a changed copy, remembering the one given the first time: keeping an original
     * only for the Machines that change saves a map entry per Machine (100,000 of them in a large MachineSet).
     */
    private void replace(String name, Machine updated) {
      Machine before = machines.put(name, updated);
      if (before != null) {
        originals.putIfAbsent(name, before);
      }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Remediation (upstream reconcileUnhealthyMachines).

    private Optional<Duration> reconcileUnhealthyMachines() {
      String phase = "reconcileUnhealthyMachines";
      // One pass: clear OwnerRemediated on Machines healthy again, and collect the Machines to remediate
      // (Machines.isUnhealthyAndOwnerRemediated, not deleting) from the conditions as they are after that.
      List<Machine> toRemediate = new ArrayList<>();
      for (Machine m : List.copyOf(machines.values())) {
        if (m.isDeleting()) {
          continue;
        }
        List<Condition> c = Machines.conditions(m);
        Condition healthCheck = null;
        Condition ownerRemediated = null;
        for (int i = 0, n = c.size(); i < n; i++) {
          Condition x = c.get(i);
          if (healthCheck == null && Capi.Conditions.HEALTH_CHECK_SUCCEEDED.equals(x.getType())) {
            healthCheck = x;
          } else if (ownerRemediated == null && Capi.Conditions.OWNER_REMEDIATED.equals(x.getType())) {
            ownerRemediated = x;
          }
        }
        if (hasStatus(healthCheck, Conditions.TRUE) && hasStatus(ownerRemediated, Conditions.FALSE)) {
          Machine updated = withConditions(m, Conditions.delete(c, Capi.Conditions.OWNER_REMEDIATED));
          replace(m.name(), updated);
          conditionPatches.add(new MachineConditionPatch(m.name(), Capi.Conditions.OWNER_REMEDIATED, Optional.empty()));
          step(phase, PlanStep.Action.REMOVE_MACHINE_CONDITION, m.name(),
              "the Machine is healthy again (HealthCheckSucceeded is True)");
        } else if (hasStatus(healthCheck, Conditions.FALSE) && hasStatus(ownerRemediated, Conditions.FALSE)) {
          toRemediate.add(m);
        }
      }
      if (toRemediate.isEmpty()) {
        return Optional.empty();
      }

      int maxInFlight = Integer.MAX_VALUE;
      Optional<IntOrString> maxInFlightSpec = Optional.empty();
      if (ms.labels().containsKey(Capi.MACHINE_DEPLOYMENT_NAME_LABEL) && owner.isPresent()) {
        MachineDeployment md = owner.get();
        if (!isCurrentMachineSet()) {
          for (Machine m : sortByName(toRemediate)) {
            setMachineCondition(phase, m.name(), MachineSetStatuses.condition(
                Capi.Conditions.OWNER_REMEDIATED, Conditions.FALSE, Capi.Reasons.CANNOT_BE_REMEDIATED,
                CANNOT_BE_REMEDIATED_MESSAGE), "the MachineSet is not the MachineDeployment's current revision");
          }
          return Optional.empty();
        }
        maxInFlightSpec = md.spec().remediation().flatMap(MachineDeploymentRemediationSpec::maxInFlight);
        if (maxInFlightSpec.isPresent()) {
          int replicas = md.spec().replicas().orElse(1);
          try {
            maxInFlight = IntOrPercent.scaled(maxInFlightSpec.get(), replicas, true);
          } catch (IllegalArgumentException e) {
            error(phase, "failed to reconcile unhealthy machines: failed to calculate maxInFlight to remediate"
                + " machines: " + e.getMessage());
            return Optional.empty();
          }
        }
      }

      int inFlight = 0;
      for (Machine m : machines.values()) {
        if (m.isDeleting()) {
          Optional<Condition> c = Conditions.get(Machines.conditions(m), Capi.Conditions.OWNER_REMEDIATED);
          if (c.isPresent() && Conditions.FALSE.equals(c.get().getStatus())
              && Capi.Reasons.MACHINE_DELETING.equals(c.get().getReason())) {
            inFlight++;
          }
        }
      }
      long tokens = (long) maxInFlight - inFlight;
      String deferred =
          "Waiting because there are already too many remediations in progress"
              + " (spec.strategy.remediation.maxInFlight is "
              + IntOrPercent.toString(maxInFlightSpec.orElse(null)) + ")";
      if (tokens <= 0) {
        for (Machine m : sortByName(toRemediate)) {
          setMachineCondition(phase, m.name(), MachineSetStatuses.condition(Capi.Conditions.OWNER_REMEDIATED,
              Conditions.FALSE, Capi.Reasons.REMEDIATION_DEFERRED, deferred),
              inFlight + " remediations already in flight, maxInFlight is " + maxInFlight);
        }
        return Optional.empty();
      }

      List<Machine> sorted = sortMachinesToRemediate(toRemediate);
      List<Machine> chosen = sorted;
      if (sorted.size() > tokens) {
        chosen = sorted.subList(0, (int) tokens);
        for (Machine m : sorted.subList((int) tokens, sorted.size())) {
          setMachineCondition(phase, m.name(), MachineSetStatuses.condition(Capi.Conditions.OWNER_REMEDIATED,
              Conditions.FALSE, Capi.Reasons.REMEDIATION_DEFERRED, deferred),
              "only " + tokens + " more remediations may be in flight");
        }
      }

      PreflightChecks.Result preflight = preflight(PreflightChecks.ACTION_MACHINE_REMEDIATION);
      if (!preflight.passed()) {
        List<String> messages = new ArrayList<>(preflight.messages());
        preflight.error().ifPresent(messages::add);
        List<String> lines = new ArrayList<>();
        for (String msg : messages) {
          lines.add("* " + msg);
        }
        for (Machine m : chosen) {
          setMachineCondition(phase, m.name(), MachineSetStatuses.condition(Capi.Conditions.OWNER_REMEDIATED,
              Conditions.FALSE, Capi.Reasons.REMEDIATION_DEFERRED, String.join("\n", lines)),
              "preflight checks hold remediation back");
        }
        if (preflight.error().isPresent()) {
          error(phase, "failed to reconcile unhealthy machines: " + preflight.error().get());
          return Optional.empty();
        }
        step(phase, PlanStep.Action.BLOCKED, ms.name(),
            "Machine remediation on hold because " + String.join("; ", preflight.messages()));
        return Optional.of(PREFLIGHT_FAILED_REQUEUE_AFTER);
      }

      // Upstream marks the Machines before deleting them, so that a failed delete is retried on the next reconcile.
      for (Machine m : chosen) {
        setMachineCondition(phase, m.name(), MachineSetStatuses.condition(Capi.Conditions.OWNER_REMEDIATED,
            Conditions.FALSE, Capi.Reasons.MACHINE_DELETING, MACHINE_DELETING_MESSAGE), "remediation starts");
      }
      for (Machine m : chosen) {
        delete(phase, m, "remediating an unhealthy Machine (HealthCheckSucceeded and OwnerRemediated are False)");
      }
      return Optional.empty();
    }

    private void setMachineCondition(String phase, String machineName, Condition c, String reason) {
      Machine m = machines.get(machineName);
      Long generation = m.metadata().getGeneration();
      Condition stamped = MachineSetStatuses.stamp(c, now, generation == null ? 0 : generation);
      List<Condition> before = Machines.conditions(m);
      List<Condition> after = Conditions.set(before, stamped);
      Condition result = Conditions.get(after, c.getType()).orElseThrow();
      Optional<Condition> old = Conditions.get(before, c.getType());
      if (old.isPresent() && old.get().equals(result)) {
        step(phase, PlanStep.Action.NOTHING, machineName,
            c.getType() + " is already " + c.getStatus() + "/" + c.getReason() + " (" + reason + ")");
        return;
      }
      replace(machineName, withConditions(m, after));
      conditionPatches.add(new MachineConditionPatch(machineName, c.getType(), Optional.of(result)));
      step(phase, PlanStep.Action.SET_MACHINE_CONDITION, machineName,
          c.getType() + "=" + c.getStatus() + "/" + c.getReason() + ": " + reason);
    }

    private PreflightChecks.Result preflight(String action) {
      return PreflightChecks.run(action, in.cluster(), ms, in.controlPlane(), bootstrapTemplateAnnotations(),
          in.featureGates(), in.preflightChecks());
    }

    // ---------------------------------------------------------------------------------------------------------
    // In-place propagation (upstream syncMachines, Machines only).

    private Optional<Duration> syncMachines() {
      MachineSpec t = templateSpec();
      Map<String, String> labels = machineLabels(ms);
      Map<String, String> annotations = machineAnnotations(ms);
      MachineDeletionSpec tdel = t.deletionOrEmpty();
      for (Machine m : List.copyOf(machines.values())) {
        List<String> changed = new ArrayList<>();
        MachineSpec spec = m.spec();
        // deletionOrEmpty() would build an empty spec per Machine; one shared empty value reads the same.
        MachineDeletionSpec del = spec.deletion().orElse(EMPTY_DELETION);
        if (!spec.readinessGates().equals(t.readinessGates())) {
          changed.add("readinessGates");
        }
        if (!del.nodeDrainTimeoutSeconds().equals(tdel.nodeDrainTimeoutSeconds())) {
          changed.add("deletion.nodeDrainTimeoutSeconds");
        }
        if (!del.nodeDeletionTimeoutSeconds().equals(tdel.nodeDeletionTimeoutSeconds())) {
          changed.add("deletion.nodeDeletionTimeoutSeconds");
        }
        if (!del.nodeVolumeDetachTimeoutSeconds().equals(tdel.nodeVolumeDetachTimeoutSeconds())) {
          changed.add("deletion.nodeVolumeDetachTimeoutSeconds");
        }
        if (!spec.minReadySeconds().equals(t.minReadySeconds())) {
          changed.add("minReadySeconds");
        }
        boolean deleting = m.isDeleting();
        if (!deleting) {
          if (!spec.taints().equals(t.taints())) {
            changed.add("taints");
          }
          if (!containsAll(m.labels(), labels)) {
            changed.add("labels");
          }
          if (!containsAll(m.annotations(), annotations)) {
            changed.add("annotations");
          }
          if (!finalizers(m.metadata()).contains(Capi.MACHINE_FINALIZER)) {
            changed.add("finalizers");
          }
        }
        if (changed.isEmpty()) {
          continue;
        }
        MachineDeletionSpec newDel =
            del.withNodeDrainTimeoutSeconds(tdel.nodeDrainTimeoutSeconds())
                .withNodeDeletionTimeoutSeconds(tdel.nodeDeletionTimeoutSeconds())
                .withNodeVolumeDetachTimeoutSeconds(tdel.nodeVolumeDetachTimeoutSeconds());
        MachineSpec newSpec =
            spec.withReadinessGates(t.readinessGates()).withDeletion(newDel).withMinReadySeconds(t.minReadySeconds());
        Machine updated = m;
        if (!deleting) {
          newSpec = newSpec.withTaints(t.taints());
          ObjectMetaBuilder meta = new ObjectMetaBuilder(m.metadata());
          Map<String, String> l = new LinkedHashMap<>(m.labels());
          l.putAll(labels);
          Map<String, String> a = new LinkedHashMap<>(m.annotations());
          a.putAll(annotations);
          List<String> f = new ArrayList<>(finalizers(m.metadata()));
          if (!f.contains(Capi.MACHINE_FINALIZER)) {
            f.add(Capi.MACHINE_FINALIZER);
          }
          updated = m.withMetadata(meta.withLabels(l).withAnnotations(a).withFinalizers(f).build());
        }
        updated = updated.withSpec(newSpec);
        replace(m.name(), updated);
        updates.put(m.name(), updated);
        step("syncMachines", PlanStep.Action.UPDATE_MACHINE, m.name(),
            (deleting ? "deleting Machine, teardown fields " : "in-place mutable fields ") + String.join(", ", changed)
                + " differ from the MachineSet template");
      }
      return Optional.empty();
    }

    private static boolean containsAll(Map<String, String> have, Map<String, String> want) {
      for (Map.Entry<String, String> e : want.entrySet()) {
        if (!e.getValue().equals(have.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scaling (upstream syncReplicas, createMachines, deleteMachines, startMoveMachines).

    private Optional<Duration> syncReplicas() {
      String phase = "syncReplicas";
      if (ms.spec().replicas().isEmpty()) {
        error(phase, "failed to sync replicas: the Replicas field in Spec for MachineSet " + ms.name()
            + " is nil, this should not be allowed");
        return Optional.empty();
      }
      int replicas = ms.spec().replicas().get();
      List<Machine> current = List.copyOf(machines.values());
      int diff = current.size() - replicas;
      if (diff < 0) {
        int toAdd = -diff;
        if ("true".equals(ms.annotations().get(Capi.DISABLE_MACHINE_CREATE_ANNOTATION))) {
          step(phase, PlanStep.Action.NOTHING, ms.name(),
              toAdd + " Machines missing, but " + Capi.DISABLE_MACHINE_CREATE_ANNOTATION + " is \"true\"");
          return Optional.empty();
        }
        return createMachines(toAdd, current.size(), replicas);
      }
      if (diff > 0) {
        int notAcknowledged = 0;
        if (!ms.annotations().getOrDefault(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "").isEmpty()) {
          for (Machine m : current) {
            if (m.annotations().containsKey(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION)) {
              notAcknowledged++;
            }
          }
        }
        int toDeleteOrMove = current.size() - notAcknowledged - replicas;
        if (toDeleteOrMove == 0) {
          step(phase, PlanStep.Action.NOTHING, ms.name(),
              notAcknowledged + " Machines moved here are not acknowledged yet; they do not count against"
                  + " spec.replicas");
          return Optional.empty();
        }
        String target = ms.annotations().getOrDefault(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION, "");
        if (!target.isEmpty()) {
          return startMoveMachines(target, toDeleteOrMove, current);
        }
        return deleteMachines(toDeleteOrMove, current, replicas);
      }
      step(phase, PlanStep.Action.NOTHING, ms.name(), replicas + " Machines, as spec.replicas asks");
      return Optional.empty();
    }

    private Optional<Duration> createMachines(int toAdd, int have, int replicas) {
      String phase = "createMachines";
      PreflightChecks.Result preflight = preflight(PreflightChecks.ACTION_SCALE_UP);
      if (!preflight.passed()) {
        List<String> messages = new ArrayList<>(preflight.messages());
        preflight.error().ifPresent(messages::add);
        scaleUpPreflightMessages = List.copyOf(messages);
        if (preflight.error().isPresent()) {
          error(phase, "failed to sync replicas: " + preflight.error().get());
          return Optional.empty();
        }
        step(phase, PlanStep.Action.BLOCKED, ms.name(),
            "Scale up on hold because " + String.join("; ", messages)
                + ". The operation will continue after the preflight check(s) pass");
        return Optional.of(PREFLIGHT_FAILED_REQUEUE_AFTER);
      }

      Set<String> taken = new HashSet<>(machines.keySet());
      for (int i = 0; i < toAdd; i++) {
        Machine machine;
        try {
          machine = desiredNewMachine(taken);
        } catch (PlanError e) {
          error(phase, "failed to sync replicas: failed to create Machine: failed to compute desired Machine: "
              + e.getMessage());
          return Optional.empty();
        }
        taken.add(machine.name());
        GenerateTemplateRequest request =
            GenerateTemplateRequest.builder()
                .name(machine.name())
                .namespace(machine.namespace())
                .clusterName(machine.spec().clusterName())
                .labels(machine.labels())
                .annotations(machine.annotations())
                .ownerRef(ownerRefToMachineSet())
                .build();

        ImmutableNewMachine.Builder nm = NewMachine.builder();
        MachineSpec spec = machine.spec();
        Optional<ContractVersionedObjectReference> bootRef =
            templateSpec().bootstrapOrEmpty().configRef().filter(ContractVersionedObjectReference::isDefined);
        if (bootRef.isPresent()) {
          ContractVersionedObjectReference cloned;
          if (kubeadmTemplate.isPresent()) {
            KubeadmConfig config = kubeadmConfigFromTemplate(kubeadmTemplate.get(), request);
            nm.kubeadmConfig(config).bootstrapDataSecretName(config.name());
            cloned = ContractVersionedObjectReference.of(group(config.apiVersion()), config.kind(), config.name());
          } else if (genericBootstrapTemplate.isPresent()) {
            GenericKubernetesResource config = ExternalTemplates.generate(genericBootstrapTemplate.get(), request);
            nm.bootstrapConfig(config);
            cloned = ContractVersionedObjectReference.of(group(config.getApiVersion()), config.getKind(),
                name(config.getMetadata()));
          } else {
            error(phase, "failed to sync replicas: failed to clone bootstrap configuration from "
                + bootRef.get().kind() + " " + ref(ms.namespace(), bootRef.get().name())
                + " while creating a Machine: failed to create BootstrapConfig: failed to compute desired"
                + " BootstrapConfig: " + notFound(bootRef.get()));
            return Optional.empty();
          }
          spec = spec.withBootstrap(spec.bootstrapOrEmpty().withConfigRef(cloned));
        }

        ContractVersionedObjectReference infraRef = templateSpec().infrastructureRefOrEmpty();
        if (infraTemplate.isEmpty()) {
          error(phase, "failed to sync replicas: failed to clone infrastructure machine from " + infraRef.kind()
              + " " + ref(ms.namespace(), infraRef.name()) + " while creating a Machine: failed to create"
              + " InfraMachine: failed to compute desired InfraMachine: " + notFound(infraRef));
          return Optional.empty();
        }
        GenericKubernetesResource infra;
        String kind = infraTemplate.get().getKind() == null ? "" : infraTemplate.get().getKind();
        Optional<InfrastructureProvider> provider = in.providers().owning(kind);
        try {
          infra = provider.isPresent()
              ? provider.get().infraMachineFromTemplate(infraTemplate.get(), request)
              : ExternalTemplates.generate(infraTemplate.get(), request);
        } catch (RuntimeException e) {
          error(phase, "failed to sync replicas: failed to clone infrastructure machine from " + infraRef.kind()
              + " " + ref(ms.namespace(), infraRef.name()) + " while creating a Machine: failed to create"
              + " InfraMachine: " + e.getMessage());
          return Optional.empty();
        }
        if (infra == null) {
          error(phase, "failed to sync replicas: provider " + provider.map(p -> p.descriptor().name()).orElse("")
              + " returned no InfraMachine for " + kind);
          return Optional.empty();
        }
        spec = spec.withInfrastructureRef(
            ContractVersionedObjectReference.of(group(infra.getApiVersion()), infra.getKind(), name(infra.getMetadata())));
        machine = machine.withSpec(spec);
        created.add(nm.machine(machine).infraMachine(infra).build());
        step(phase, PlanStep.Action.CREATE_MACHINE, machine.name(),
            "scale up from " + have + " to " + replicas + " replicas (creating " + (i + 1) + " of " + toAdd + ")"
                + provider.map(p -> "; InfraMachine cloned by provider " + p.descriptor().name()).orElse(""));
      }
      return Optional.empty();
    }

    private Optional<Duration> deleteMachines(int n, List<Machine> current, int replicas) {
      String phase = "deleteMachines";
      String order = ms.spec().deletionOrder();
      DeletionOrder.Priority priority;
      try {
        priority = DeletionOrder.forOrder(order, now);
      } catch (IllegalArgumentException e) {
        error(phase, "failed to sync replicas: " + e.getMessage());
        return Optional.empty();
      }
      String policy = order.isEmpty() ? DeletionOrder.RANDOM : order;
      List<Machine> picked = DeletionOrder.machinesToDeletePrioritized(current, n, priority);
      // The priorities as explain prints them; String.format per Machine is slow, and priorities repeat.
      Map<Double, String> formatted = new java.util.HashMap<>();
      int i = 0;
      for (Machine m : picked) {
        i++;
        if (m.isDeleting()) {
          step(phase, PlanStep.Action.WAIT, m.name(),
              "scale down to " + replicas + " replicas (" + i + " of " + n + "): the Machine is already deleting");
          continue;
        }
        delete(phase, m, "scale down to " + replicas + " replicas (" + i + " of " + n + "): "
            + explain(m, formatted.computeIfAbsent(priority.of(m),
                p -> String.format(java.util.Locale.ROOT, "%.3f", p)), policy));
      }
      return Optional.empty();
    }

    private String explain(Machine m, String p, String policy) {
      String why;
      if (m.annotations().containsKey(Capi.DELETE_MACHINE_ANNOTATION)) {
        why = "has the " + Capi.DELETE_MACHINE_ANNOTATION + " annotation";
      } else if (Machines.isUpdateInProgress(m)) {
        why = "is updating in place";
      } else if (!DeletionOrder.isMachineHealthy(m)) {
        why = "is not healthy";
      } else {
        why = "picked by the " + policy + " deletion order";
      }
      return "the Machine " + why + " (priority " + p + ")";
    }

    private Optional<Duration> startMoveMachines(String targetName, int n, List<Machine> current) {
      String phase = "startMoveMachines";
      Optional<MachineSet> target =
          in.moveTarget().filter(t -> t.name().equals(targetName) && t.namespace().equals(ms.namespace()));
      if (target.isEmpty()) {
        error(phase, "failed to sync replicas: failed to get MachineSet " + targetName
            + ", which is the target for the move operation: machinesets.cluster.x-k8s.io \"" + targetName
            + "\" not found");
        return Optional.empty();
      }
      String sources = target.get().annotations().getOrDefault(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "");
      if (!Arrays.asList(sources.split(",", -1)).contains(ms.name())) {
        error(phase, "failed to sync replicas: MachineSet " + ms.name() + " is set to move replicas to "
            + targetName + ", but " + targetName + " only accepts Machines from " + sources);
        return Optional.empty();
      }
      DeletionOrder.Priority priority;
      try {
        priority = DeletionOrder.forOrder(ms.spec().deletionOrder(), now);
      } catch (IllegalArgumentException e) {
        error(phase, "failed to sync replicas: " + e.getMessage());
        return Optional.empty();
      }
      int toMove = n;
      for (Machine m : DeletionOrder.machinesToMovePrioritized(current, priority)) {
        if (toMove <= 0) {
          break;
        }
        if (Machines.isUnhealthyAndOwnerRemediated(m) && !m.isDeleting()) {
          toMove--;
          delete(phase, m, "unhealthy and waiting for remediation: deleted instead of moved to " + targetName);
          continue;
        }
        if (m.isDeleting()) {
          toMove--;
          step(phase, PlanStep.Action.WAIT, m.name(), "already deleting; counts as one of the Machines to move");
          continue;
        }
        if (Machines.isUpdateInProgress(m)) {
          step(phase, PlanStep.Action.NOTHING, m.name(), "still updating in place from an earlier move");
          continue;
        }
        if (!Machines.hasNodeRef(m)) {
          step(phase, PlanStep.Action.NOTHING, m.name(), "has no Node yet; only provisioned Machines move");
          continue;
        }
        String hash = target.get().labels().get(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL);
        if (hash == null) {
          error(phase, "failed to sync replicas: MachineSet " + targetName + " does not have the "
              + Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL + " label");
          return Optional.empty();
        }
        toMove--;
        OwnerReference newController =
            new OwnerReferenceBuilder()
                .withApiVersion(Capi.API_VERSION)
                .withKind(MachineSet.KIND)
                .withName(targetName)
                .withUid(target.get().metadata().getUid())
                .withController(true)
                .build();
        // Upstream's util.ReplaceOwnerRef: the first reference with this MachineSet's UID becomes the new controller.
        List<OwnerReference> refs = new ArrayList<>(ownerRefs(m.metadata()));
        int at = -1;
        for (int i = 0; i < refs.size(); i++) {
          if (Objects.equals(refs.get(i).getUid(), ms.metadata().getUid())) {
            at = i;
            break;
          }
        }
        if (at >= 0) {
          refs.set(at, newController);
        } else {
          refs.add(newController);
        }
        Map<String, String> labels = new LinkedHashMap<>(m.labels());
        labels.put(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, hash);
        Map<String, String> annotations = new LinkedHashMap<>(m.annotations());
        annotations.put(Capi.UPDATE_IN_PROGRESS_ANNOTATION, "");
        annotations.put(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION, "");
        Machine moved =
            m.withMetadata(
                new ObjectMetaBuilder(m.metadata())
                    .withOwnerReferences(refs)
                    .withLabels(labels)
                    .withAnnotations(annotations)
                    .build());
        replace(m.name(), moved);
        moves.put(m.name(), moved);
        step(phase, PlanStep.Action.MOVE_MACHINE, m.name(),
            "moved to MachineSet " + targetName + " to be updated in place");
      }
      return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The objects of a new Machine.

    /** Upstream's {@code computeDesiredMachine} for a new Machine (the refs are filled once the clones exist). */
    private Machine desiredNewMachine(Set<String> taken) throws PlanError {
      String template = ms.spec().machineNaming().map(MachineNamingSpec::template).orElse("");
      if (template.isEmpty()) {
        template = DEFAULT_MACHINE_NAME_TEMPLATE;
      } else if (!template.contains("{{ .random }}")) {
        throw new PlanError("cannot generate Machine name: {{ .random }} is missing in machineNaming.template");
      }
      String name = null;
      for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
        String candidate;
        try {
          candidate = WebhookRules.renderMachineName(
              template, ms.spec().clusterName(), ms.name(), RandomNames.suffix(in.random()));
        } catch (IllegalArgumentException e) {
          throw new PlanError("failed to generate Machine name: " + e.getMessage());
        }
        if (!taken.contains(candidate)) {
          name = candidate;
          break;
        }
      }
      if (name == null) {
        throw new PlanError("failed to generate Machine name: every generated name is already taken");
      }
      MachineSpec spec = templateSpec().withClusterName(ms.spec().clusterName()).withInfrastructureRef(Optional.empty());
      if (spec.bootstrap().isPresent()) {
        spec = spec.withBootstrap(spec.bootstrap().get().withConfigRef(Optional.empty()));
      }
      ObjectMeta meta =
          new ObjectMetaBuilder()
              .withName(name)
              .withNamespace(ms.namespace())
              .withOwnerReferences(controllerRef(ms))
              .withLabels(machineLabels(ms))
              .withAnnotations(machineAnnotations(ms))
              .withFinalizers(Capi.MACHINE_FINALIZER)
              .build();
      return io.capi4j.api.core.v1beta2.ImmutableMachine.builder().metadata(meta).spec(spec).build();
    }

    private OwnerReference ownerRefToMachineSet() {
      return new OwnerReferenceBuilder()
          .withApiVersion(Capi.API_VERSION)
          .withKind(MachineSet.KIND)
          .withName(ms.name())
          .withUid(ms.metadata().getUid())
          .build();
    }

    /** A KubeadmConfig cloned from a KubeadmConfigTemplate with upstream's {@code GenerateTemplate} rules. */
    private static KubeadmConfig kubeadmConfigFromTemplate(KubeadmConfigTemplate t, GenerateTemplateRequest req) {
      return io.capi4j.external.KubeadmConfigs.fromTemplate(t, req);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Small helpers.

    private MachineSpec templateSpec() {
      return ms.spec().templateOrEmpty().specOrEmpty();
    }

    private static boolean hasStatus(Condition c, String status) {
      return c != null && status.equals(c.getStatus());
    }

    private static Machine withConditions(Machine m, List<Condition> conditions) {
      MachineStatus status = m.status().orElse(MachineStatus.builder().build());
      return m.withStatus(status.withConditions(conditions));
    }

    private static List<Machine> sortByName(List<Machine> machines) {
      List<Machine> sorted = new ArrayList<>(machines);
      sorted.sort(Comparator.comparing(Machine::name));
      return sorted;
    }

    private static Optional<OwnerReference> controllerOf(Machine m) {
      for (OwnerReference r : ownerRefs(m.metadata())) {
        if (Boolean.TRUE.equals(r.getController())) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }

    // Upstream's util.EnsureOwnerRef: replace the reference to the same group/kind/name, else append.
    private static List<OwnerReference> ensureOwnerRef(List<OwnerReference> refs, OwnerReference ref) {
      List<OwnerReference> out = new ArrayList<>(refs);
      for (int i = 0; i < out.size(); i++) {
        OwnerReference r = out.get(i);
        if (group(r.getApiVersion()).equals(group(ref.getApiVersion()))
            && Objects.equals(r.getKind(), ref.getKind())
            && Objects.equals(r.getName(), ref.getName())) {
          out.set(i, ref);
          return out;
        }
      }
      out.add(ref);
      return out;
    }

    private static List<OwnerReference> ownerRefs(ObjectMeta meta) {
      return meta.getOwnerReferences() == null ? List.of() : meta.getOwnerReferences();
    }

    private static List<String> finalizers(ObjectMeta meta) {
      return meta.getFinalizers() == null ? List.of() : meta.getFinalizers();
    }

    private static String group(String apiVersion) {
      return apiVersion == null ? "" : GroupVersionKind.of(apiVersion, "").group();
    }

    private static String name(ObjectMeta meta) {
      return meta == null || meta.getName() == null ? "" : meta.getName();
    }

    private static String ref(String namespace, String name) {
      return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    // How the API server words a missing object: {@code <resource>.<group> "<name>" not found}.
    private static String notFound(ContractVersionedObjectReference ref) {
      String resource = ref.kind().toLowerCase(java.util.Locale.ROOT) + "s";
      return resource + (ref.apiGroup().isEmpty() ? "" : "." + ref.apiGroup()) + " \"" + ref.name()
          + "\" not found";
    }

    private static boolean sameState(Condition a, Condition b) {
      return Objects.equals(a.getType(), b.getType())
          && Objects.equals(a.getStatus(), b.getStatus())
          && Objects.equals(a.getReason(), b.getReason())
          && Objects.equals(nullToEmpty(a.getMessage()), nullToEmpty(b.getMessage()))
          && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration());
    }

    private static String nullToEmpty(String s) {
      return s == null ? "" : s;
    }
  }

  /** A planning failure, worded as upstream's error. */
  private static final class PlanError extends Exception {
    PlanError(String message) {
      super(message);
    }
  }
}
