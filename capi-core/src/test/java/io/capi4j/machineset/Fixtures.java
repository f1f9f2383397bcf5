package io.capi4j.machineset;

import io.capi4j.api.core.v1beta2.ImmutableMachine;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeletionStatus;
import io.capi4j.api.core.v1beta2.MachineNodeReference;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test Machines, as upstream's {@code fakeMachine(name, opts...)}. */
public final class Fixtures {
  private Fixtures() {}

  /** The time every test runs at. */
  public static final Instant NOW = Instant.parse("2024-10-09T16:30:00Z");

  @SafeVarargs
  public static Machine machine(String name, UnaryOperator<Machine>... options) {
    Machine m = ImmutableMachine.builder().metadata(new ObjectMetaBuilder().withName(name).build()).build();
    for (UnaryOperator<Machine> o : options) {
      m = o.apply(m);
    }
    return m;
  }

  public static Condition condition(String type, String status, String reason, String message) {
    return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
  }

  public static UnaryOperator<Machine> withCondition(String type, String status, String reason, String message) {
    return withCondition(condition(type, status, reason, message));
  }

  public static UnaryOperator<Machine> withCondition(String type, String status) {
    return withCondition(type, status, "", "");
  }

  public static UnaryOperator<Machine> withCondition(Condition c) {
    return m -> {
      MachineStatus s = m.status().orElse(MachineStatus.builder().build());
      List<Condition> cs = new ArrayList<>(s.conditions());
      cs.add(c);
      return m.withStatus(s.withConditions(cs));
    };
  }

  public static UnaryOperator<Machine> withNodeRef(String node) {
    return m -> {
      MachineStatus s = m.status().orElse(MachineStatus.builder().build());
      return m.withStatus(s.withNodeRef(MachineNodeReference.of(node)));
    };
  }

  public static UnaryOperator<Machine> withNodeRef() {
    return withNodeRef("some-node");
  }

  public static UnaryOperator<Machine> withDeletionTimestamp(Instant t) {
    return m -> m.withMetadata(new ObjectMetaBuilder(m.metadata()).withDeletionTimestamp(Conditions.format(t)).build());
  }

  /** Deleting since {@link #NOW}. */
  public static UnaryOperator<Machine> withDeletionTimestamp() {
    return withDeletionTimestamp(NOW);
  }

  /** Deleting since an hour before {@link #NOW}. */
  public static UnaryOperator<Machine> withStaleDeletion() {
    return withDeletionTimestamp(NOW.minus(Duration.ofHours(1)));
  }

  /** Draining since 6 minutes before {@link #NOW}. */
  public static UnaryOperator<Machine> withStaleDrain() {
    return m -> {
      MachineStatus s = m.status().orElse(MachineStatus.builder().build());
      return m.withStatus(s.withDeletion(
          MachineDeletionStatus.builder().nodeDrainStartTime(Conditions.format(NOW.minus(Duration.ofMinutes(6)))).build()));
    };
  }

  public static UnaryOperator<Machine> withCreationTimestamp(Instant t) {
    return m -> m.withMetadata(new ObjectMetaBuilder(m.metadata()).withCreationTimestamp(Conditions.format(t)).build());
  }

  /** Created {@code age} before {@link #NOW}. */
  public static UnaryOperator<Machine> withAge(Duration age) {
    return withCreationTimestamp(NOW.minus(age));
  }

  public static UnaryOperator<Machine> withAnnotation(String key, String value) {
    return m -> m.withMetadata(new ObjectMetaBuilder(m.metadata()).addToAnnotations(key, value).build());
  }

  public static UnaryOperator<Machine> withLabel(String key, String value) {
    return m -> m.withMetadata(new ObjectMetaBuilder(m.metadata()).addToLabels(key, value).build());
  }

  public static List<String> names(List<Machine> machines) {
    return machines.stream().map(Machine::name).toList();
  }
}
