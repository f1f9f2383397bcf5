package io.capi4j.machinepool;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.conditions.Conditions;
import io.capi4j.machinepool.MachinePoolPlan.MachineWrite;
import io.capi4j.spi.PoolInstance;
import io.capi4j.util.KubernetesNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MachinePool Machines: creation, patching, orphans, the delete-machine annotation and the UpToDate condition. */
class MachinePoolMachinesTest {
  static final String A = "test://a";
  static final String B = "test://b";

  static MachinePool pool() {
    MachinePool mp = Fixtures.machinePool("mp", 2);
    var t = mp.spec().templateOrEmpty();
    return mp.withSpec(mp.spec().withTemplate(t.withMetadata(TemplateMeta.builder()
        .putLabel("team", "blue").putAnnotation("note", "from-template").build())));
  }

  static ImmutableMachinePoolInput.Builder in(MachinePool mp) {
    return Fixtures.input(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(A, B), 2, "FakeMachine"));
  }

  @Test
  void createsOneMachinePerInfraMachineNamedAfterIt() {
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(pool())
        .addInfraMachines(Fixtures.infraMachine("mp", "fake-a", A), Fixtures.infraMachine("mp", "fake-b", B))
        .addNodes(Fixtures.node("node-a", A, true, Fixtures.NOW.minusSeconds(60), "v1.32.1"))
        .build());
    assertThat(plan.machinesToCreate()).extracting(w -> w.machine().name()).containsExactly("fake-a", "fake-b");
    Machine a = plan.machinesToCreate().get(0).machine();
    assertThat(a.namespace()).isEqualTo(Fixtures.NS);
    assertThat(a.labels()).containsEntry(Capi.MACHINE_POOL_NAME_LABEL, "mp")
        .containsEntry(Capi.CLUSTER_NAME_LABEL, Fixtures.CLUSTER).containsEntry("team", "blue");
    assertThat(a.annotations()).containsEntry("note", "from-template");
    assertThat(a.spec().clusterName()).isEqualTo(Fixtures.CLUSTER);
    assertThat(a.spec().bootstrapOrEmpty().dataSecretName()).contains("");
    assertThat(a.spec().bootstrapOrEmpty().configRef()).isEmpty();
    assertThat(a.spec().infrastructureRefOrEmpty().apiGroup()).isEqualTo(Fixtures.INFRA_GROUP);
    assertThat(a.spec().infrastructureRefOrEmpty().kind()).isEqualTo("FakeMachine");
    assertThat(a.spec().infrastructureRefOrEmpty().name()).isEqualTo("fake-a");
    assertThat(a.spec().version()).as("kubelet version of the matched Node").isEqualTo("v1.32.1");
    assertThat(a.metadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("MachinePool");
      assertThat(o.getName()).isEqualTo("mp");
      assertThat(o.getController()).isTrue();
    });
    Machine b = plan.machinesToCreate().get(1).machine();
    assertThat(b.spec().version()).as("no Node yet").isEmpty();
    // The new Machines get their UpToDate condition written after creation.
    assertThat(a.status().orElseThrow().conditions()).extracting(Condition::getType).contains(Capi.Conditions.UP_TO_DATE);
  }

  @Test
  void poolNameLabelIsHashedWhenTheNameIsNotAValidLabelValue() {
    String longName = "a-machine-pool-with-a-name-that-is-far-too-long-to-be-a-label-value-in-kubernetes";
    MachinePool mp = Fixtures.machinePool(longName, 1);
    String label = KubernetesNames.mustFormatValue(longName);
    assertThat(label).startsWith("hash_").endsWith("_z");
    MachinePoolPlan plan = MachinePoolPlanner.plan(Fixtures.input(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig(longName + "-config", true, "secret"))
        .infraMachinePool(Fixtures.infraPool(longName, true, List.of(A), 1, "FakeMachine"))
        .addInfraMachines(Fixtures.infraMachine(label, "fake-a", A))
        .build());
    assertThat(plan.machinesToCreate()).singleElement()
        .satisfies(w -> assertThat(w.machine().labels()).containsEntry(Capi.MACHINE_POOL_NAME_LABEL, label));
  }

  @Test
  void patchesAnExistingMachineOnlyWhenItDiffers() {
    MachinePool mp = pool();
    MachinePoolInput first = in(mp).addInfraMachines(Fixtures.infraMachine("mp", "fake-a", A)).build();
    Machine created = MachinePoolPlanner.plan(first).machinesToCreate().get(0).machine();

    // Unchanged: nothing to patch.
    MachinePoolPlan same = MachinePoolPlanner.plan(in(mp).addInfraMachines(Fixtures.infraMachine("mp", "fake-a", A))
        .addMachines(created).build());
    assertThat(same.machinesToCreate()).isEmpty();
    assertThat(same.machinesToUpdate()).isEmpty();

    // The Node joined: the version follows its kubelet; other labels on the Machine stay.
    Machine labelled = created.withMetadata(new ObjectMetaBuilder(created.metadata()).addToLabels("extra", "x").build());
    MachinePoolPlan joined = MachinePoolPlanner.plan(in(mp).addInfraMachines(Fixtures.infraMachine("mp", "fake-a", A))
        .addMachines(labelled).addNodes(Fixtures.node("node-a", A, true, Fixtures.NOW, "v1.32.2")).build());
    assertThat(joined.machinesToUpdate()).singleElement().satisfies(w -> {
      assertThat(w.machine().spec().version()).isEqualTo("v1.32.2");
      assertThat(w.machine().labels()).containsEntry("extra", "x").containsEntry("team", "blue");
    });
  }

  @Test
  void deletesOrphanMachinesWhoseInfraMachineIsGone() {
    Machine orphan = Fixtures.machine("fake-gone", "mp", "fake-gone");
    Machine deleting = Fixtures.machine("fake-going", "mp", "fake-going");
    deleting = deleting.withMetadata(new ObjectMetaBuilder(deleting.metadata()).withDeletionTimestamp("2026-03-01T11:59:00Z").build());
    MachinePoolInput input = in(pool()).addInfraMachines(Fixtures.infraMachine("mp", "fake-a", A))
        .addMachines(orphan, deleting).build();
    MachinePoolPlan plan = MachinePoolPlanner.plan(input);
    assertThat(plan.machinesToDelete()).singleElement().satisfies(d -> {
      assertThat(d.machineName()).isEqualTo("fake-gone");
      assertThat(d.reason()).contains("FakeMachine fake-gone no longer exists").contains("upstream leaves this");
    });

    MachinePoolPlan upstreamLike = MachinePoolPlanner.plan(MachinePoolInput.builder().from(input)
        .options(MachinePoolOptions.builder().deleteOrphanMachines(false).build()).build());
    assertThat(upstreamLike.machinesToDelete()).isEmpty();
  }

  @Test
  void ignoresMachinesOfOtherPoolsAndMachinesControlledByOthers() {
    Machine other = Fixtures.machine("other", "another-pool", "other");
    Machine foreign = Fixtures.machine("foreign", "mp", "foreign");
    foreign = foreign.withMetadata(new ObjectMetaBuilder(foreign.metadata()).withOwnerReferences(
        new OwnerReferenceBuilder().withKind("MachineSet").withName("ms").withController(true).build()).build());
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(pool()).addInfraMachines(Fixtures.infraMachine("mp", "fake-a", A))
        .addInfraMachines(Fixtures.infraMachine("another-pool", "fake-x", "test://x"))
        .addMachines(other, foreign).build());
    assertThat(plan.machinesToCreate()).extracting(w -> w.machine().name()).containsExactly("fake-a");
    assertThat(plan.machinesToDelete()).isEmpty();
    assertThat(plan.machinesToUpdate()).extracting(w -> w.machine().name()).doesNotContain("other", "foreign");
  }

  @Test
  void reportsTheInstanceOfAMachineAnnotatedForDeletion() {
    Machine a = Fixtures.machine("fake-a", "mp", "fake-a");
    a = a.withMetadata(new ObjectMetaBuilder(a.metadata()).addToAnnotations(Capi.DELETE_MACHINE_ANNOTATION, "").build());
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(pool())
        .addInfraMachines(Fixtures.infraMachine("mp", "fake-a", A), Fixtures.infraMachine("mp", "fake-b", B))
        .addMachines(a).build());
    assertThat(plan.instancesToRemove()).singleElement().satisfies(r -> {
      assertThat(r.machineName()).isEqualTo("fake-a");
      assertThat(r.infraMachineName()).isEqualTo("fake-a");
      assertThat(r.providerID()).isEqualTo(A);
      assertThat(r.reason()).contains(Capi.DELETE_MACHINE_ANNOTATION);
    });
    assertThat(plan.machinesToDelete()).isEmpty();
  }

  @Test
  void upToDateConditionUpstreamIsTrueUnlessDeleting() {
    Machine a = Fixtures.machine("fake-a", "mp", "fake-a");
    Machine b = Fixtures.machine("fake-b", "mp", "fake-b");
    b = b.withMetadata(new ObjectMetaBuilder(b.metadata()).withDeletionTimestamp("2026-03-01T11:59:00Z").build());
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(pool())
        .addInfraMachines(Fixtures.infraMachine("mp", "fake-a", A), Fixtures.infraMachine("mp", "fake-b", B))
        .addMachines(a, b).options(MachinePoolOptions.upstream()).build());
    assertThat(upToDate(plan, "fake-a")).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("UpToDate");
    });
    assertThat(upToDate(plan, "fake-b")).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("NotUpToDate");
      assertThat(c.getMessage()).isEqualTo("Machine is being deleted");
    });
  }

  @Test
  void upToDateConditionTruthfulAsksTheProvider() {
    Machine a = Fixtures.machine("fake-a", "mp", "fake-a");
    Machine b = Fixtures.machine("fake-b", "mp", "fake-b");
    Machine c = Fixtures.machine("fake-c", "mp", "fake-c");
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(pool())
        .addInfraMachines(Fixtures.infraMachine("mp", "fake-a", A), Fixtures.infraMachine("mp", "fake-b", B),
            Fixtures.infraMachine("mp", "fake-c", "test://c"))
        .addMachines(a, b, c)
        .poolInstances(List.of(
            PoolInstance.builder().providerID(A).upToDate(true).build(),
            PoolInstance.builder().providerID(B).upToDate(false).build(),
            PoolInstance.builder().providerID("test://c").build()))
        .build());
    assertThat(upToDate(plan, "fake-a").getStatus()).isEqualTo("True");
    assertThat(upToDate(plan, "fake-b").getStatus()).isEqualTo("False");
    assertThat(upToDate(plan, "fake-c").getStatus()).isEqualTo("Unknown");
    assertThat(upToDate(plan, "fake-c").getReason()).isEqualTo("UpToDateUnknown");
  }

  private static Condition upToDate(MachinePoolPlan plan, String machine) {
    Machine m = java.util.stream.Stream.concat(plan.machinesToUpdate().stream(), plan.machinesToCreate().stream())
        .map(MachineWrite::machine).filter(x -> x.name().equals(machine)).findFirst().orElseThrow();
    return Conditions.get(m.status().map(MachineStatus::conditions).orElse(List.of()), Capi.Conditions.UP_TO_DATE)
        .orElseThrow();
  }
}
