package io.capi4j.testing.rollout;

import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.util.IntOrPercent;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A rollout scenario: a MachineDeployment whose template (its "version") differs from some of its MachineSets, the
 * state of those MachineSets and Machines at the start, and the strategy. See {@code SCENARIOS.md} for the YAML
 * format ({@link #read(Path)}).
 */
@Value.Immutable
public abstract class RolloutScenario {
  static final Pattern MACHINE_SET_NAME = Pattern.compile("ms[1-9][0-9]{0,8}");
  static final Pattern MACHINE_NAME = Pattern.compile("m[1-9][0-9]{0,8}");

  /** Free text, the trace's title. */
  @Value.Default
  public String name() {
    return "";
  }

  /** {@code RollingUpdate} (default) or {@code OnDelete}. */
  @Value.Default
  public String strategy() {
    return MachineDeploymentRolloutStrategy.ROLLING_UPDATE;
  }

  /** RollingUpdate: an int or a percent; default 1 (the webhook's default). */
  @Value.Default
  public IntOrString maxSurge() {
    return new IntOrString(1);
  }

  /** RollingUpdate: an int or a percent; default 0 (the webhook's default). */
  @Value.Default
  public IntOrString maxUnavailable() {
    return new IntOrString(0);
  }

  /** Whether every old MachineSet can be updated in place. */
  @Value.Default
  public boolean inPlaceUpdates() {
    return false;
  }

  /** OnDelete: how far below {@code spec.replicas} the simulated user may go while deleting Machines; default 1. */
  @Value.Default
  public int maxUserUnavailable() {
    return 1;
  }

  public abstract ScenarioMachineDeployment machineDeployment();

  /** The MachineSets at the start, in any order (the simulation orders them by number). */
  public abstract List<ScenarioMachineSet> machineSets();

  /**
   * Whether a planner result above {@code spec.replicas + maxSurge} is tolerated. Default: tolerated when the
   * initial state is already above it (e.g. the MachineDeployment was just scaled down).
   */
  public abstract Optional<Boolean> tolerateMaxSurgeBreach();

  /**
   * Whether fewer than {@code spec.replicas - maxUnavailable} available Machines is tolerated. Default: tolerated when
   * the initial state is already below it (e.g. the MachineDeployment was just scaled up).
   */
  public abstract Optional<Boolean> tolerateMaxUnavailableBreach();

  /** The iteration limit; default 50, or 150 with a random order. */
  public abstract Optional<Integer> maxIterations();

  @Value.Derived
  public boolean isOnDelete() {
    return MachineDeploymentRolloutStrategy.ON_DELETE.equals(strategy());
  }

  /** The violations of the format's rules, each naming its field. */
  public List<FieldError> validate() {
    List<FieldError> errs = new ArrayList<>();
    FieldPath root = FieldPath.of("strategy");
    if (!List.of(MachineDeploymentRolloutStrategy.ROLLING_UPDATE, MachineDeploymentRolloutStrategy.ON_DELETE).contains(strategy())) {
      errs.add(FieldError.notSupported(root, strategy(), List.of("RollingUpdate", "OnDelete")));
    }
    checkIntOrPercent(errs, FieldPath.of("maxSurge"), maxSurge());
    checkIntOrPercent(errs, FieldPath.of("maxUnavailable"), maxUnavailable());
    if (maxUserUnavailable() < 0) {
      errs.add(FieldError.invalid(FieldPath.of("maxUserUnavailable"), maxUserUnavailable(), "must be greater than or equal to 0"));
    }
    FieldPath md = FieldPath.of("machineDeployment");
    if (machineDeployment().name().isEmpty()) {
      errs.add(FieldError.required(md.child("name"), ""));
    }
    if (machineDeployment().version().isEmpty()) {
      errs.add(FieldError.required(md.child("version"), ""));
    }
    if (machineDeployment().replicas() < 0) {
      errs.add(FieldError.invalid(md.child("replicas"), machineDeployment().replicas(), "must be greater than or equal to 0"));
    }
    Set<String> msNames = new HashSet<>();
    Set<String> machineNames = new HashSet<>();
    for (int i = 0; i < machineSets().size(); i++) {
      ScenarioMachineSet ms = machineSets().get(i);
      FieldPath p = FieldPath.of("machineSets").index(i);
      if (!MACHINE_SET_NAME.matcher(ms.name()).matches()) {
        errs.add(FieldError.invalid(p.child("name"), ms.name(), "must be ms<N>, N a positive integer"));
      } else if (!msNames.add(ms.name())) {
        errs.add(FieldError.duplicate(p.child("name"), ms.name()));
      }
      if (ms.version().isEmpty()) {
        errs.add(FieldError.required(p.child("version"), ""));
      }
      if (ms.replicas() < 0) {
        errs.add(FieldError.invalid(p.child("replicas"), ms.replicas(), "must be greater than or equal to 0"));
      }
      for (int j = 0; j < ms.machines().size(); j++) {
        String m = ms.machines().get(j);
        FieldPath mp = p.child("machines").index(j);
        if (!MACHINE_NAME.matcher(m).matches()) {
          errs.add(FieldError.invalid(mp, m, "must be m<N>, N a positive integer"));
        } else if (!machineNames.add(m)) {
          errs.add(FieldError.duplicate(mp, m));
        }
      }
    }
    maxIterations().filter(n -> n < 1).ifPresent(n ->
        errs.add(FieldError.invalid(FieldPath.of("maxIterations"), n, "must be greater than or equal to 1")));
    return errs;
  }

  private static void checkIntOrPercent(List<FieldError> errs, FieldPath path, IntOrString v) {
    if (IntOrPercent.isInt(v)) {
      if (v.getIntVal() < 0) {
        errs.add(FieldError.invalid(path, v.getIntVal(), "must be greater than or equal to 0"));
      }
      return;
    }
    String s = v.getStrVal() == null ? "" : v.getStrVal();
    if (!s.matches("[0-9]+%")) {
      errs.add(FieldError.invalid(path, s, "must be an integer or a percentage (e.g. \"25%\")"));
    }
  }

  public static ImmutableRolloutScenario.Builder builder() {
    return ImmutableRolloutScenario.builder();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // YAML

  private static final Set<String> TOP_FIELDS =
      Set.of(
          "name", "strategy", "maxSurge", "maxUnavailable", "inPlaceUpdates", "maxUserUnavailable", "machineDeployment",
          "machineSets", "tolerateMaxSurgeBreach", "tolerateMaxUnavailableBreach", "maxIterations");
  private static final Set<String> MD_FIELDS = Set.of("name", "version", "replicas");
  private static final Set<String> MS_FIELDS = Set.of("name", "version", "replicas", "machines");

  /**
   * Reads a scenario file.
   *
   * @throws ScenarioException when the file cannot be read, is not YAML, or breaks a rule (all violations listed,
   *     each with its field path)
   */
  public static RolloutScenario read(Path file) throws ScenarioException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses a scenario from YAML text; {@code source} names it in messages.
   *
   * @throws ScenarioException as {@link #read(Path)}
   */
  public static RolloutScenario parse(String yaml, String source) throws ScenarioException {
    JsonNode root;
    try {
      root = YAMLMapper.builder().build().readTree(yaml);
    } catch (JacksonException e) {
      throw new ScenarioException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    List<FieldError> errs = new ArrayList<>();
    if (root == null || !root.isObject()) {
      errs.add(FieldError.invalid(FieldPath.of("<root>"), root == null || root.isMissingNode() ? "" : root.getNodeType().toString(), "must be a mapping"));
      throw new ScenarioException(source, errs);
    }
    unknownFields(errs, root, null, TOP_FIELDS);
    ImmutableRolloutScenario.Builder b = builder();
    text(errs, root, "name", FieldPath.of("name")).ifPresent(b::name);
    text(errs, root, "strategy", FieldPath.of("strategy")).ifPresent(b::strategy);
    intOrString(errs, root, "maxSurge").ifPresent(b::maxSurge);
    intOrString(errs, root, "maxUnavailable").ifPresent(b::maxUnavailable);
    bool(errs, root, "inPlaceUpdates", FieldPath.of("inPlaceUpdates")).ifPresent(b::inPlaceUpdates);
    integer(errs, root, "maxUserUnavailable", FieldPath.of("maxUserUnavailable")).ifPresent(b::maxUserUnavailable);
    bool(errs, root, "tolerateMaxSurgeBreach", FieldPath.of("tolerateMaxSurgeBreach")).ifPresent(b::tolerateMaxSurgeBreach);
    bool(errs, root, "tolerateMaxUnavailableBreach", FieldPath.of("tolerateMaxUnavailableBreach"))
        .ifPresent(b::tolerateMaxUnavailableBreach);
    integer(errs, root, "maxIterations", FieldPath.of("maxIterations")).ifPresent(b::maxIterations);

    JsonNode md = root.get("machineDeployment");
    FieldPath mdPath = FieldPath.of("machineDeployment");
    if (md == null || md.isNull()) {
      errs.add(FieldError.required(mdPath, ""));
    } else if (!md.isObject()) {
      errs.add(FieldError.invalid(mdPath, md.toString(), "must be a mapping"));
    } else {
      unknownFields(errs, md, mdPath, MD_FIELDS);
      String name = text(errs, md, "name", mdPath.child("name")).orElse("md");
      String version = text(errs, md, "version", mdPath.child("version")).orElse("");
      Optional<Integer> replicas = integer(errs, md, "replicas", mdPath.child("replicas"));
      if (md.get("replicas") == null) {
        errs.add(FieldError.required(mdPath.child("replicas"), ""));
      }
      b.machineDeployment(new ScenarioMachineDeployment(name, version, replicas.orElse(0)));
    }

    JsonNode sets = root.get("machineSets");
    if (sets != null && !sets.isNull()) {
      if (!sets.isArray()) {
        errs.add(FieldError.invalid(FieldPath.of("machineSets"), sets.toString(), "must be a list"));
      } else {
        for (int i = 0; i < sets.size(); i++) {
          JsonNode ms = sets.get(i);
          FieldPath p = FieldPath.of("machineSets").index(i);
          if (!ms.isObject()) {
            errs.add(FieldError.invalid(p, ms.toString(), "must be a mapping"));
            continue;
          }
          unknownFields(errs, ms, p, MS_FIELDS);
          String name = text(errs, ms, "name", p.child("name")).orElse("");
          String version = text(errs, ms, "version", p.child("version")).orElse("");
          if (ms.get("replicas") == null) {
            errs.add(FieldError.required(p.child("replicas"), ""));
          }
          int replicas = integer(errs, ms, "replicas", p.child("replicas")).orElse(0);
          List<String> machines = new ArrayList<>();
          JsonNode ml = ms.get("machines");
          if (ml != null && !ml.isNull()) {
            if (!ml.isArray()) {
              errs.add(FieldError.invalid(p.child("machines"), ml.toString(), "must be a list of Machine names"));
            } else {
              for (int j = 0; j < ml.size(); j++) {
                if (!ml.get(j).isString()) {
                  errs.add(FieldError.invalid(p.child("machines").index(j), ml.get(j).toString(), "must be a string"));
                } else {
                  machines.add(ml.get(j).asString());
                }
              }
            }
          }
          b.addMachineSet(new ScenarioMachineSet(name, version, replicas, machines));
        }
      }
    }
    if (!errs.isEmpty()) {
      throw new ScenarioException(source, errs);
    }
    RolloutScenario s = b.build();
    List<FieldError> invalid = s.validate();
    if (!invalid.isEmpty()) {
      throw new ScenarioException(source, invalid);
    }
    return s;
  }

  private static void unknownFields(List<FieldError> errs, JsonNode node, FieldPath parent, Set<String> known) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!known.contains(e.getKey())) {
        FieldPath p = parent == null ? FieldPath.of(e.getKey()) : parent.child(e.getKey());
        errs.add(FieldError.notSupported(p, e.getKey(), known.stream().sorted().toList()));
      }
    }
  }

  private static Optional<String> text(List<FieldError> errs, JsonNode node, String field, FieldPath path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isString()) {
      errs.add(FieldError.invalid(path, v.toString(), "must be a string"));
      return Optional.empty();
    }
    return Optional.of(v.asString());
  }

  private static Optional<Integer> integer(List<FieldError> errs, JsonNode node, String field, FieldPath path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isInt()) {
      errs.add(FieldError.invalid(path, v.isString() ? v.asString() : v.toString(), "must be an integer"));
      return Optional.empty();
    }
    return Optional.of(v.asInt());
  }

  private static Optional<Boolean> bool(List<FieldError> errs, JsonNode node, String field, FieldPath path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      errs.add(FieldError.invalid(path, v.isString() ? v.asString() : v.toString(), "must be true or false"));
      return Optional.empty();
    }
    return Optional.of(v.asBoolean());
  }

  private static Optional<IntOrString> intOrString(List<FieldError> errs, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isInt()) {
      return Optional.of(new IntOrString(v.asInt()));
    }
    if (v.isString()) {
      return Optional.of(new IntOrString(v.asString()));
    }
    errs.add(FieldError.invalid(FieldPath.of(field), v.toString(), "must be an integer or a percentage (e.g. \"25%\")"));
    return Optional.empty();
  }
}
