package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.api.CapiObject;
import io.capi4j.util.GoStrconv;
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.RandomNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The MachineDeployment helpers of upstream's {@code core/reconcilers/machinedeployment/mdutil/util.go}, with the
 * same names, inputs and messages: surge and unavailability arithmetic, finding the new (current) and old
 * MachineSets, the template up-to-date check, revision annotations, replica sums, sorters and the legacy proportional
 * scaling helpers.
 *
 * <p>Go's nil pointers read as 0 where upstream dereferences with a default ({@code ptr.Deref(x, 0)}); the sums that
 * upstream returns as {@code *int32} return an empty {@link Optional} when no MachineSet has the field set. Every
 * method is pure; none mutates its arguments (where upstream sorts a caller's slice in place, the Java method returns
 * a sorted copy).
 */
public final class MachineDeploymentUtil {
  /** Upstream's unexported {@code revisionHistoryAnnotation} (deprecated, still maintained). */
  public static final String REVISION_HISTORY_ANNOTATION = Capi.REVISION_HISTORY_ANNOTATION;

  /** Upper bound of a generated MachineSet name (a DNS label). */
  public static final int MAX_NAME_LENGTH = 63;

  /** Length of the random suffix of a generated MachineSet name. */
  public static final int RANDOM_LENGTH = 5;

  /** Longest prefix kept from the base of a generated name: {@code 63 - 5}. */
  public static final int MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;

  /** Go's zero {@code time.Time}, which an unset timestamp reads as. */
  public static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private static final String UPDATE_MACHINE_HOOK = "UpdateMachine";

  private MachineDeploymentUtil() {}

  // ---------------------------------------------------------------------------------------------------------------
  // Surge and unavailability.

  /** The resolved {@code maxSurge} and {@code maxUnavailable} of a rolling update. */
  public record Fenceposts(int surge, int unavailable) {}

  /**
   * {@code ResolveFenceposts}: scales {@code maxSurge} (rounding up) and {@code maxUnavailable} (rounding down) on
   * {@code desired}; when both come to 0, unavailable becomes 1. No caps.
   *
   * @throws IllegalArgumentException with upstream's message when a value is nil or neither an int nor a percent
   */
  public static Fenceposts resolveFenceposts(IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
    int surge = IntOrPercent.scaled(maxSurge, desired, true);
    int unavailable = IntOrPercent.scaled(maxUnavailable, desired, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return new Fenceposts(surge, unavailable);
  }

  /**
   * {@code MaxUnavailable}: 0 unless the strategy is RollingUpdate and {@code spec.replicas > 0}; otherwise the
   * resolved unavailable value (0 on an invalid value), capped at {@code spec.replicas}.
   */
  public static int maxUnavailable(MachineDeployment md) {
    int replicas = replicas(md);
    if (!isRollingUpdate(md) || replicas == 0) {
      return 0;
    }
    int unavailable;
    try {
      MachineDeploymentRolloutStrategyRollingUpdate ru = rollingUpdate(md);
      unavailable = resolveFenceposts(ru.maxSurge().orElse(null), ru.maxUnavailable().orElse(null), replicas).unavailable();
    } catch (IllegalArgumentException e) {
      unavailable = 0;
    }
    return Math.min(unavailable, replicas);
  }

  /** {@code MaxSurge}: 0 unless the strategy is RollingUpdate; otherwise the resolved surge (0 on an invalid value). */
  public static int maxSurge(MachineDeployment md) {
    if (!isRollingUpdate(md)) {
      return 0;
    }
    try {
      MachineDeploymentRolloutStrategyRollingUpdate ru = rollingUpdate(md);
      return resolveFenceposts(ru.maxSurge().orElse(null), ru.maxUnavailable().orElse(null), replicas(md)).surge();
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  /** The replica count a new MachineSet should have, and upstream's note explaining it. */
  public record NewReplicas(int replicas, String note) {}

  /**
   * {@code NewMSNewReplicas}: how far the new MachineSet may grow. RollingUpdate: up to {@code spec.replicas +
   * maxSurge} Machines in total (counting {@code max(spec, status.replicas)} of every MachineSet), never beyond
   * {@code spec.replicas} on the new one. OnDelete: up to {@code spec.replicas} in total.
   *
   * @throws IllegalArgumentException {@code nil value for IntOrString} (RollingUpdate without maxSurge), an invalid
   *     maxSurge, or {@code failed to compute replicas: deployment strategy <type> isn't supported}
   */
  public static NewReplicas newMSNewReplicas(MachineDeployment md, List<MachineSet> allMSs, int newMSReplicas) {
    int replicas = replicas(md);
    int current = totalMachineSetsReplicaSum(allMSs);
    return newMSNewReplicas(md, current, newMSReplicas, replicas);
  }

  static NewReplicas newMSNewReplicas(MachineDeployment md, int current, int newMSReplicas, int replicas) {
    String type = strategyType(md);
    switch (type) {
      case MachineDeploymentRolloutStrategy.ROLLING_UPDATE: {
        int maxSurge = IntOrPercent.scaled(rollingUpdate(md).maxSurge().orElse(null), replicas, true);
        int maxTotal = replicas + maxSurge;
        if (current >= maxTotal) {
          return new NewReplicas(
              newMSReplicas,
              current + " current Machines >= " + replicas + " MachineDeployment spec.replicas + " + maxSurge + " maxSurge");
        }
        int up = Math.min(maxTotal - current, replicas - newMSReplicas);
        return new NewReplicas(
            newMSReplicas + up,
            current + " current Machines < " + replicas + " MachineDeployment spec.replicas + " + maxSurge + " maxSurge");
      }
      case MachineDeploymentRolloutStrategy.ON_DELETE: {
        if (current >= replicas) {
          return new NewReplicas(newMSReplicas, current + " current Machines >= " + replicas + " MachineDeployment spec.replicas");
        }
        return new NewReplicas(
            newMSReplicas + replicas - current, current + " current Machines < " + replicas + " MachineDeployment spec.replicas");
      }
      default:
        throw new IllegalArgumentException("failed to compute replicas: deployment strategy " + type + " isn't supported");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // New and old MachineSets.

  /**
   * The result of {@link #findNewAndOldMachineSets}.
   *
   * @param newMachineSet the current MachineSet, if one matches the MachineDeployment's template
   * @param oldMachineSets every other MachineSet: the outdated ones in sorted order, then the discarded matching ones
   * @param upToDateResults per MachineSet name, why it is (not) up to date
   * @param createReason why a new MachineSet must be created; empty when {@code newMachineSet} is present
   */
  public record FindResult(
      Optional<MachineSet> newMachineSet,
      List<MachineSet> oldMachineSets,
      Map<String, UpToDateResult> upToDateResults,
      String createReason) {
    public FindResult {
      oldMachineSets = List.copyOf(oldMachineSets);
      upToDateResults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(upToDateResults));
    }
  }

  /**
   * {@code FindNewAndOldMachineSets}: sorts the MachineSets by decreasing replicas (then oldest, then name) and picks
   * the first whose template is up to date as the new one; with an expired {@code spec.rollout.after} ({@code after
   * <= reconciliationTime}) only a MachineSet created at or after {@code after} qualifies, and outdated MachineSets
   * created before it lose their in-place eligibility.
   *
   * @throws IllegalArgumentException when {@code spec.rollout.after} or a creation timestamp is not RFC 3339
   */
  public static FindResult findNewAndOldMachineSets(MachineDeployment md, List<MachineSet> msList, Instant reconciliationTime) {
    if (msList.isEmpty()) {
      return new FindResult(Optional.empty(), List.of(), Map.of(), "no MachineSets exist for the MachineDeployment");
    }
    List<MachineSet> sorted = new ArrayList<>(msList);
    sorted.sort(BY_DECREASING_REPLICAS);
    Instant after = rolloutAfter(md).orElse(null);
    MachineTemplateSpec desired = md.spec().templateOrEmpty();

    List<MachineSet> oldMSs = new ArrayList<>();
    List<MachineSet> candidates = new ArrayList<>();
    Map<String, UpToDateResult> results = new LinkedHashMap<>();
    List<String> diffs = new ArrayList<>();
    for (MachineSet ms : sorted) {
      TemplateUpToDate check = machineTemplateUpToDate(ms.spec().templateOrEmpty(), desired);
      UpToDateResult res = check.result();
      results.put(ms.name(), res);
      if (check.upToDate()) {
        candidates.add(ms);
        continue;
      }
      oldMSs.add(ms);
      if (after != null && after.isBefore(reconciliationTime) && creationTimestamp(ms).isBefore(after)) {
        List<String> logs = new ArrayList<>(res.logMessages());
        logs.add("MachineDeployment spec.rolloutAfter expired");
        res = new UpToDateResult(logs, res.conditionMessages(), false);
        results.put(ms.name(), res);
      }
      diffs.add("MachineSet " + ms.name() + " needs rollout: " + String.join(", ", res.logMessages()));
    }

    if (candidates.isEmpty()) {
      return new FindResult(
          Optional.empty(),
          oldMSs,
          results,
          "couldn't find MachineSet matching MachineDeployment spec template: " + String.join("; ", diffs));
    }

    MachineSet newMS = null;
    if (after == null || reconciliationTime.isBefore(after)) {
      newMS = candidates.get(0);
    } else {
      for (MachineSet c : candidates) {
        if (!creationTimestamp(c).isBefore(after)) {
          newMS = c;
          break;
        }
      }
    }
    for (MachineSet c : candidates) {
      if (c != newMS) {
        oldMSs.add(c);
        results.put(c.name(), UpToDateResult.notEligible());
      }
    }
    if (newMS == null) {
      return new FindResult(
          Optional.empty(),
          oldMSs,
          results,
          "spec.rollout.after on MachineDeployment set to " + formatRfc3339(after)
              + ", no MachineSet has been created afterwards");
    }
    return new FindResult(Optional.of(newMS), oldMSs, results, "");
  }

  /** The result of {@link #machineTemplateUpToDate}. */
  public record TemplateUpToDate(boolean upToDate, UpToDateResult result) {}

  /**
   * {@code MachineTemplateUpToDate}: compares only {@code spec.version}, {@code spec.bootstrap},
   * {@code spec.infrastructureRef} and {@code spec.failureDomain}, in that order, with one log and one condition
   * message per difference. Labels, annotations and the fields propagated in place (minReadySeconds, readinessGates,
   * deletion timeouts, taints) never make a template outdated.
   */
  public static TemplateUpToDate machineTemplateUpToDate(MachineTemplateSpec current, MachineTemplateSpec desired) {
    MachineSpec cur = current.specOrEmpty();
    MachineSpec des = desired.specOrEmpty();
    List<String> logs = new ArrayList<>();
    List<String> conds = new ArrayList<>();
    if (!cur.version().equals(des.version())) {
      logs.add("spec.version " + cur.version() + ", " + des.version() + " required");
      conds.add("Version " + cur.version() + ", " + des.version() + " required");
    }
    Bootstrap cb = cur.bootstrapOrEmpty();
    Bootstrap db = des.bootstrapOrEmpty();
    ContractVersionedObjectReference ccr = cb.configRef().orElse(ContractVersionedObjectReference.builder().build());
    ContractVersionedObjectReference dcr = db.configRef().orElse(ContractVersionedObjectReference.builder().build());
    boolean bootstrapEqual = sameRef(ccr, dcr) && cb.dataSecretName().equals(db.dataSecretName());
    if (ccr.isDefined() && !bootstrapEqual) {
      logs.add("spec.bootstrap.configRef " + ccr.kind() + " " + ccr.name() + ", " + dcr.kind() + " " + dcr.name() + " required");
      conds.add(trimSuffix(ccr.kind(), "Template") + " is not up-to-date");
    } else if (!bootstrapEqual) {
      String m =
          "spec.bootstrap.dataSecretName " + cb.dataSecretName().orElse("nil") + ", " + db.dataSecretName().orElse("nil")
              + " required";
      logs.add(m);
      conds.add(m);
    }
    ContractVersionedObjectReference ci = cur.infrastructureRefOrEmpty();
    ContractVersionedObjectReference di = des.infrastructureRefOrEmpty();
    if (!sameRef(ci, di)) {
      logs.add("spec.infrastructureRef " + ci.kind() + " " + ci.name() + ", " + di.kind() + " " + di.name() + " required");
      conds.add(trimSuffix(ci.kind(), "Template") + " is not up-to-date");
    }
    if (!cur.failureDomain().equals(des.failureDomain())) {
      logs.add("spec.failureDomain " + cur.failureDomain() + ", " + des.failureDomain() + " required");
      conds.add("Failure domain " + cur.failureDomain() + ", " + des.failureDomain() + " required");
    }
    if (logs.isEmpty()) {
      return new TemplateUpToDate(true, UpToDateResult.notEligible());
    }
    return new TemplateUpToDate(false, new UpToDateResult(logs, conds, true));
  }

  /**
   * {@code MachineTemplateDeepCopyRolloutFields}: the template without labels and annotations, used only as the input
   * of the template hash. QUIRK kept: upstream means to clear the in-place fields of the spec too but clears them on a
   * copy it then discards, so the spec is returned whole.
   */
  public static MachineTemplateSpec machineTemplateDeepCopyRolloutFields(MachineTemplateSpec template) {
    return template.withMetadata(TemplateMeta.empty());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Revisions.

  /**
   * {@code Revision}: the revision annotation as an int64; 0 when absent.
   *
   * @throws IllegalArgumentException with Go's {@code strconv.ParseInt} message when it is not a number
   */
  public static long revision(MachineSet ms) {
    return parseRevision(ms.annotations().get(Capi.REVISION_ANNOTATION));
  }

  /** {@code MaxRevision}: the highest revision; MachineSets whose revision does not parse are skipped. */
  public static long maxRevision(List<MachineSet> msList) {
    long max = 0;
    for (MachineSet ms : msList) {
      try {
        max = Math.max(max, revision(ms));
      } catch (IllegalArgumentException e) {
        // upstream logs and skips
      }
    }
    return max;
  }

  /** The revision annotations of a new MachineSet, and its revision. */
  public record RevisionAnnotations(Map<String, String> annotations, String revision) {
    public RevisionAnnotations {
      annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }
  }

  /**
   * {@code ComputeRevisionAnnotations}: the revision of the current MachineSet is the highest old revision plus one,
   * or its own when higher (revisions never decrease); when it changes, the previous value is appended to the
   * revision history.
   *
   * @param newMS the current MachineSet as it is, or {@code null} when it is about to be created
   * @param oldMSs the old MachineSets (as the planner wants them)
   * @throws IllegalArgumentException {@code failed to parse current revision on MachineSet <ns/name>}
   */
  public static RevisionAnnotations computeRevisionAnnotations(MachineSet newMS, List<MachineSet> oldMSs) {
    List<Map<String, String>> old = new ArrayList<>(oldMSs.size());
    oldMSs.forEach(ms -> old.add(ms.annotations()));
    return computeRevisionAnnotations(newMS == null ? null : newMS.annotations(), newMS == null ? "" : newMS.key(), old);
  }

  static RevisionAnnotations computeRevisionAnnotations(
      Map<String, String> newMSAnnotations, String newMSKey, List<Map<String, String>> oldMSAnnotations) {
    long max = 0;
    for (Map<String, String> a : oldMSAnnotations) {
      try {
        max = Math.max(max, parseRevision(a.get(Capi.REVISION_ANNOTATION)));
      } catch (IllegalArgumentException e) {
        // skipped, as MaxRevision does
      }
    }
    long newRevisionInt = max + 1;
    String newRevision = Long.toString(newRevisionInt);
    Map<String, String> out = new LinkedHashMap<>();
    if (newMSAnnotations != null) {
      String current = newMSAnnotations.get(Capi.REVISION_ANNOTATION);
      if (current != null) {
        long currentRevision;
        try {
          currentRevision = parseRevision(current);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("failed to parse current revision on MachineSet " + newMSKey, e);
        }
        if (newRevisionInt < currentRevision) {
          newRevision = current;
        }
      }
      String history = newMSAnnotations.get(REVISION_HISTORY_ANNOTATION);
      if (history != null) {
        out.put(REVISION_HISTORY_ANNOTATION, history);
      }
      if (current != null && !current.equals(newRevision)) {
        out.put(REVISION_HISTORY_ANNOTATION, history == null || history.isEmpty() ? current : history + "," + current);
      }
    }
    String revision = newRevision;
    out.put(Capi.REVISION_ANNOTATION, revision);
    return new RevisionAnnotations(out, revision);
  }

  /** {@code GetRevisionAnnotations}: the revision and revision-history annotations of {@code ms}, where present. */
  public static Map<String, String> getRevisionAnnotations(MachineSet ms) {
    return revisionAnnotationsOf(ms.annotations());
  }

  static Map<String, String> revisionAnnotationsOf(Map<String, String> annotations) {
    Map<String, String> out = new LinkedHashMap<>();
    if (annotations.containsKey(Capi.REVISION_ANNOTATION)) {
      out.put(Capi.REVISION_ANNOTATION, annotations.get(Capi.REVISION_ANNOTATION));
    }
    if (annotations.containsKey(REVISION_HISTORY_ANNOTATION)) {
      out.put(REVISION_HISTORY_ANNOTATION, annotations.get(REVISION_HISTORY_ANNOTATION));
    }
    return out;
  }

  static long parseRevision(String v) {
    if (v == null) {
      return 0;
    }
    String digits = v.startsWith("+") || v.startsWith("-") ? v.substring(1) : v;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
    }
    try {
      return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("strconv.ParseInt: parsing \"" + v + "\": value out of range");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Replica sums.

  /** {@code GetReplicaCountForMachineSets}: Σ spec.replicas (unset counts 0). */
  public static int getReplicaCountForMachineSets(List<MachineSet> msList) {
    int sum = 0;
    for (MachineSet ms : msList) {
      sum += specReplicas(ms);
    }
    return sum;
  }

  /** {@code GetActualReplicaCountForMachineSets}: Σ status.replicas; empty when no MachineSet has it set. */
  public static Optional<Integer> getActualReplicaCountForMachineSets(List<MachineSet> msList) {
    return sumStatus(msList, MachineSetStatus::replicas);
  }

  /** {@code TotalMachineSetsReplicaSum}: Σ max(spec.replicas, status.replicas). */
  public static int totalMachineSetsReplicaSum(List<MachineSet> msList) {
    int sum = 0;
    for (MachineSet ms : msList) {
      sum += Math.max(specReplicas(ms), statusReplicas(ms));
    }
    return sum;
  }

  /** {@code GetAvailableReplicaCountForMachineSets}: Σ status.availableReplicas; empty when none is set. */
  public static Optional<Integer> getAvailableReplicaCountForMachineSets(List<MachineSet> msList) {
    return sumStatus(msList, MachineSetStatus::availableReplicas);
  }

  /** {@code GetReadyReplicaCountForMachineSets}: Σ status.readyReplicas; empty when none is set. */
  public static Optional<Integer> getReadyReplicaCountForMachineSets(List<MachineSet> msList) {
    return sumStatus(msList, MachineSetStatus::readyReplicas);
  }

  /** {@code GetUptoDateReplicaCountForMachineSets}: Σ status.upToDateReplicas; empty when none is set. */
  public static Optional<Integer> getUpToDateReplicaCountForMachineSets(List<MachineSet> msList) {
    return sumStatus(msList, MachineSetStatus::upToDateReplicas);
  }

  private static Optional<Integer> sumStatus(
      List<MachineSet> msList, java.util.function.Function<MachineSetStatus, Optional<Integer>> field) {
    Integer sum = null;
    for (MachineSet ms : msList) {
      Optional<Integer> v = ms.status().flatMap(field);
      if (v.isPresent()) {
        sum = (sum == null ? 0 : sum) + v.get();
      }
    }
    return Optional.ofNullable(sum);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Sorters.

  /**
   * {@code MachineSetsByDecreasingReplicas}: spec.replicas descending (unset last), then oldest first, then name.
   * A total order when names are unique.
   */
  public static final Comparator<MachineSet> BY_DECREASING_REPLICAS =
      (a, b) -> {
        Optional<Integer> ra = a.spec().replicas();
        Optional<Integer> rb = b.spec().replicas();
        if (ra.isPresent() != rb.isPresent()) {
          return ra.isPresent() ? -1 : 1;
        }
        if (ra.isPresent() && !ra.get().equals(rb.get())) {
          return Integer.compare(rb.get(), ra.get());
        }
        int c = creationTimestamp(a).compareTo(creationTimestamp(b));
        return c != 0 ? c : a.name().compareTo(b.name());
      };

  /** {@code MachineSetsByCreationTimestamp}: oldest first, then name. */
  public static final Comparator<MachineSet> BY_CREATION_TIMESTAMP =
      (a, b) -> {
        int c = creationTimestamp(a).compareTo(creationTimestamp(b));
        return c != 0 ? c : a.name().compareTo(b.name());
      };

  /**
   * {@code MachineSetsBySizeOlder}: spec.replicas descending, then oldest first. Upstream leaves equal timestamps in
   * an unspecified order (Go's unstable sort); capi4j breaks that tie by name so results are repeatable.
   */
  public static final Comparator<MachineSet> BY_SIZE_OLDER =
      (a, b) -> {
        int c = Integer.compare(specReplicas(b), specReplicas(a));
        if (c != 0) {
          return c;
        }
        c = creationTimestamp(a).compareTo(creationTimestamp(b));
        return c != 0 ? c : a.name().compareTo(b.name());
      };

  /**
   * {@code MachineSetsBySizeNewer}: spec.replicas descending, then newest first; ties broken by name (see
   * {@link #BY_SIZE_OLDER}).
   */
  public static final Comparator<MachineSet> BY_SIZE_NEWER =
      (a, b) -> {
        int c = Integer.compare(specReplicas(b), specReplicas(a));
        if (c != 0) {
          return c;
        }
        c = creationTimestamp(b).compareTo(creationTimestamp(a));
        return c != 0 ? c : a.name().compareTo(b.name());
      };

  // ---------------------------------------------------------------------------------------------------------------
  // Legacy (paused) scaling helpers.

  /**
   * {@code IsSaturated}: the MachineSet has exactly {@code spec.replicas} replicas in spec, in its desired-replicas
   * annotation and available.
   */
  public static boolean isSaturated(MachineDeployment md, MachineSet ms) {
    if (ms == null) {
      return false;
    }
    long desired;
    try {
      desired = GoStrconv.atoi(ms.annotations().getOrDefault(Capi.DESIRED_REPLICAS_ANNOTATION, ""));
    } catch (NumberFormatException e) {
      return false;
    }
    int replicas = replicas(md);
    return specReplicas(ms) == replicas && desired == replicas && availableReplicas(ms) == replicas;
  }

  /**
   * {@code GetProportion}: how many of the {@code toAdd - added} replicas still to distribute go to {@code ms}, in
   * proportion to its share of the MachineDeployment's previous size (its {@code max-replicas} annotation).
   */
  public static int getProportion(MachineSet ms, MachineDeployment md, int toAdd, int added) {
    if (ms == null || specReplicas(ms) == 0 || toAdd == 0 || toAdd == added) {
      return 0;
    }
    int fraction = getMachineSetFraction(ms, md);
    int allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  static int getMachineSetFraction(MachineSet ms, MachineDeployment md) {
    int replicas = replicas(md);
    int spec = specReplicas(ms);
    if (replicas == 0) {
      return -spec;
    }
    int deploymentReplicas = replicas + maxSurge(md);
    int annotated;
    try {
      annotated = GoStrconv.parseInt32(ms.annotations().getOrDefault(Capi.MAX_REPLICAS_ANNOTATION, ""));
    } catch (NumberFormatException e) {
      annotated = md.status().flatMap(MachineDeploymentStatus::replicas).orElse(0);
    }
    if (annotated == 0) {
      // Deliberate fix: upstream divides by zero here and converts +Inf to int32 (an arbitrary value).
      return 0;
    }
    double newSize = (double) spec * deploymentReplicas / annotated;
    return roundToInt32(newSize) - spec;
  }

  /** k8s {@code integer.RoundToInt32}: round half away from zero (Java's {@link Math#round} differs on -x.5). */
  public static int roundToInt32(double a) {
    return a < 0 ? (int) (a - 0.5) : (int) (a + 0.5);
  }

  /** {@code FilterActiveMachineSets}: the MachineSets with spec.replicas > 0. */
  public static List<MachineSet> filterActiveMachineSets(List<MachineSet> msList) {
    List<MachineSet> out = new ArrayList<>();
    for (MachineSet ms : msList) {
      if (ms != null && specReplicas(ms) > 0) {
        out.add(ms);
      }
    }
    return out;
  }

  /**
   * {@code FindOneActiveOrLatest}: with no active MachineSet, the new one (else the newest old one); with exactly one
   * active, that one; otherwise empty.
   */
  public static Optional<MachineSet> findOneActiveOrLatest(MachineSet newMS, List<MachineSet> oldMSs) {
    if (newMS == null && oldMSs.isEmpty()) {
      return Optional.empty();
    }
    List<MachineSet> olds = new ArrayList<>(oldMSs);
    olds.sort(BY_CREATION_TIMESTAMP.reversed());
    List<MachineSet> all = new ArrayList<>(olds);
    if (newMS != null) {
      all.add(newMS);
    }
    List<MachineSet> active = filterActiveMachineSets(all);
    switch (active.size()) {
      case 0:
        return newMS != null ? Optional.of(newMS) : Optional.of(olds.get(0));
      case 1:
        return Optional.of(active.get(0));
      default:
        return Optional.empty();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Completion, annotations, labels, names.

  /**
   * {@code DeploymentComplete}: up-to-date, total and available replicas all equal {@code spec.replicas}, and the
   * status observed the current generation. Unset values read as 0.
   */
  public static boolean deploymentComplete(MachineDeployment md, MachineDeploymentStatus status) {
    int replicas = replicas(md);
    long generation = md.metadata().getGeneration() == null ? 0 : md.metadata().getGeneration();
    return status.upToDateReplicas().orElse(0) == replicas
        && status.replicas().orElse(0) == replicas
        && status.availableReplicas().orElse(0) == replicas
        && status.observedGeneration().orElse(0L) >= generation;
  }

  private static final Set<String> ANNOTATIONS_NOT_COPIED =
      Set.of(
          Capi.LAST_APPLIED_CONFIGURATION_ANNOTATION,
          Capi.REVISION_ANNOTATION,
          REVISION_HISTORY_ANNOTATION,
          Capi.DESIRED_REPLICAS_ANNOTATION,
          Capi.MAX_REPLICAS_ANNOTATION,
          Capi.CONVERSION_DATA_ANNOTATION);

  /**
   * {@code MachineSetAnnotationsFromMachineDeployment}: every MachineDeployment annotation except last-applied,
   * revision, revision-history, desired-replicas, max-replicas and conversion-data; plus {@code desired-replicas =
   * spec.replicas} and {@code max-replicas = spec.replicas + maxSurge}.
   */
  public static Map<String, String> machineSetAnnotationsFromMachineDeployment(MachineDeployment md) {
    Map<String, String> out = new LinkedHashMap<>();
    md.annotations().forEach((k, v) -> {
      if (!ANNOTATIONS_NOT_COPIED.contains(k)) {
        out.put(k, v);
      }
    });
    out.put(Capi.DESIRED_REPLICAS_ANNOTATION, Integer.toString(replicas(md)));
    out.put(Capi.MAX_REPLICAS_ANNOTATION, Integer.toString(replicas(md) + maxSurge(md)));
    return out;
  }

  /** {@code CloneAndAddLabel}: a copy of {@code labels} with {@code key=value}; an empty key returns a plain copy. */
  public static Map<String, String> cloneAndAddLabel(Map<String, String> labels, String key, String value) {
    Map<String, String> out = new LinkedHashMap<>(labels == null ? Map.of() : labels);
    if (!key.isEmpty()) {
      out.put(key, value);
    }
    return out;
  }

  /** {@code CloneSelectorAndAddLabel}: a copy of {@code selector} whose matchLabels also hold {@code key=value}. */
  public static LabelSelector cloneSelectorAndAddLabel(LabelSelector selector, String key, String value) {
    LabelSelector copy = selector == null ? new LabelSelector() : new LabelSelectorBuilder(selector).build();
    if (key.isEmpty()) {
      return copy;
    }
    Map<String, String> ml = new LinkedHashMap<>(copy.getMatchLabels() == null ? Map.of() : copy.getMatchLabels());
    ml.put(key, value);
    copy.setMatchLabels(ml);
    return copy;
  }

  /**
   * {@code computeNewMachineSetName} (upstream {@code machinedeployment_sync.go}): the base truncated to 58
   * characters, followed by 5 random characters from {@link RandomNames#ALPHABET}.
   */
  public static NewMachineSetName computeNewMachineSetName(String base, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    String b = base.length() > MAX_GENERATED_NAME_LENGTH ? base.substring(0, MAX_GENERATED_NAME_LENGTH) : base;
    String suffix = RandomNames.suffix(random, RANDOM_LENGTH);
    return new NewMachineSetName(b + suffix, suffix);
  }

  /** {@code IsRollingUpdate}: {@code spec.rollout.strategy.type == RollingUpdate}. */
  public static boolean isRollingUpdate(MachineDeployment md) {
    return MachineDeploymentRolloutStrategy.ROLLING_UPDATE.equals(strategyType(md));
  }

  /**
   * {@code inplace.IsUpdateInProgress}: the Machine has the update-in-progress annotation (any value), or its
   * pending-hooks annotation lists {@code UpdateMachine}.
   */
  public static boolean isUpdateInProgress(Machine m) {
    Map<String, String> a = m.annotations();
    if (a.containsKey(Capi.UPDATE_IN_PROGRESS_ANNOTATION)) {
      return true;
    }
    String hooks = a.get(Capi.PENDING_HOOKS_ANNOTATION);
    if (hooks == null || hooks.isEmpty()) {
      return false;
    }
    for (String h : hooks.split(",", -1)) {
      if (h.equals(UPDATE_MACHINE_HOOK)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code util.IsControlledBy}: {@code obj}'s controller owner reference names {@code ownerName} of
   * {@code ownerGroup}/{@code ownerKind} (the uid is not compared).
   */
  public static boolean isControlledBy(CapiObject obj, String ownerGroup, String ownerKind, String ownerName) {
    List<OwnerReference> refs = obj.metadata().getOwnerReferences();
    if (refs == null) {
      return false;
    }
    for (OwnerReference r : refs) {
      if (Boolean.TRUE.equals(r.getController())) {
        return ownerKind.equals(r.getKind()) && ownerName.equals(r.getName()) && ownerGroup.equals(groupOf(r.getApiVersion()));
      }
    }
    return false;
  }

  /** {@code sortAndJoin}: sorted as strings and joined with {@code ,}. */
  public static String sortAndJoin(Collection<String> names) {
    List<String> l = new ArrayList<>(names);
    java.util.Collections.sort(l);
    return String.join(",", l);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Field access with Go's nil semantics.

  /** {@code spec.replicas} of the MachineDeployment, 0 when unset. */
  public static int replicas(MachineDeployment md) {
    return md.spec().replicas().orElse(0);
  }

  /** {@code spec.replicas} of the MachineSet, 0 when unset. */
  public static int specReplicas(MachineSet ms) {
    return ms.spec().replicas().orElse(0);
  }

  /** {@code status.replicas}, 0 when unset. */
  public static int statusReplicas(MachineSet ms) {
    return ms.status().flatMap(MachineSetStatus::replicas).orElse(0);
  }

  /** {@code status.availableReplicas}, 0 when unset. */
  public static int availableReplicas(MachineSet ms) {
    return ms.status().flatMap(MachineSetStatus::availableReplicas).orElse(0);
  }

  /** {@code status.upToDateReplicas}, 0 when unset. */
  public static int upToDateReplicas(MachineSet ms) {
    return ms.status().flatMap(MachineSetStatus::upToDateReplicas).orElse(0);
  }

  /** {@code spec.rollout.strategy.type}, {@code ""} when unset. */
  public static String strategyType(MachineDeployment md) {
    return md.spec().rolloutOrEmpty().strategyOrEmpty().type();
  }

  static MachineDeploymentRolloutStrategyRollingUpdate rollingUpdate(MachineDeployment md) {
    return md.spec()
        .rolloutOrEmpty()
        .strategyOrEmpty()
        .rollingUpdate()
        .orElse(MachineDeploymentRolloutStrategyRollingUpdate.builder().build());
  }

  /**
   * {@code metadata.creationTimestamp}; {@link #ZERO_TIME} when unset.
   *
   * @throws IllegalArgumentException when it is not RFC 3339
   */
  public static Instant creationTimestamp(CapiObject obj) {
    return parseTime(obj.metadata().getCreationTimestamp(), obj.key(), "metadata.creationTimestamp");
  }

  /**
   * {@code spec.rollout.after}, when set (and not Go's zero time).
   *
   * @throws IllegalArgumentException when it is not RFC 3339
   */
  public static Optional<Instant> rolloutAfter(MachineDeployment md) {
    Instant after = parseTime(md.spec().rolloutOrEmpty().after(), md.key(), "spec.rollout.after");
    return after.equals(ZERO_TIME) ? Optional.empty() : Optional.of(after);
  }

  static Instant parseTime(String text, String key, String field) {
    if (text == null || text.isEmpty()) {
      return ZERO_TIME;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + ": " + field + ": Invalid value: \"" + text + "\": must be an RFC 3339 time", e);
    }
  }

  /** Go's {@code time.Format(time.RFC3339)} of an instant, in UTC. */
  public static String formatRfc3339(Instant t) {
    return RFC3339.format(t.atOffset(ZoneOffset.UTC).withNano(0));
  }

  static String trimSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int i = apiVersion.indexOf('/');
    return i < 0 ? "" : apiVersion.substring(0, i);
  }

  private static boolean sameRef(ContractVersionedObjectReference a, ContractVersionedObjectReference b) {
    return a.apiGroup().equals(b.apiGroup()) && a.kind().equals(b.kind()) && a.name().equals(b.name());
  }

  static Map<String, String> copy(Map<String, String> m) {
    return m == null ? new HashMap<>() : new LinkedHashMap<>(m);
  }
}
