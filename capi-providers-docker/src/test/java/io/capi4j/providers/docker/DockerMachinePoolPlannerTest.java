package io.capi4j.providers.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachine;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.conditions.Conditions;
import io.capi4j.providers.docker.api.v1beta2.DevMachine;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePool;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePoolBackendSpec;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePoolSpec;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePoolStatus;
import io.capi4j.providers.docker.api.v1beta2.Docker;
import io.capi4j.providers.docker.api.v1beta2.DockerMachine;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineInitializationStatus;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePool;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePoolBackendSpec;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePoolStatus;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineStatus;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.ImmutablePoolObservation;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Decisions of the CAPD pool planners, one reconcile at a time. */
class DockerMachinePoolPlannerTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String OLD = "kindest/node:v1.32.0";
  static final String NEW = "kindest/node:v1.33.0";
  static final String GROUP = DockerProvider.poolGroupId("dev", "workers");
  final DockerMachinePoolPlanner planner = new DockerMachinePoolPlanner();

  static Instance container(int id, InstanceState state, String image) {
    return Instance.builder().id(Integer.toString(id)).providerID(DockerProvider.providerID("dev", "worker-" + id))
        .state(state).modelVersion(image).createdAt(T0.plusSeconds(id)).build();
  }

  static ScalingGroup group(int capacity, String image, Instance... instances) {
    return ScalingGroup.builder().id(GROUP).capacity(capacity).model(InstanceModel.of(image)).addInstances(instances)
        .build();
  }

  static DockerMachinePool pool() {
    return DockerMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName("workers").withNamespace("default").withUid("dmp-uid")
            .withFinalizers(Docker.MACHINE_POOL_FINALIZER).build())
        .status(DockerMachinePoolStatus.builder().infrastructureMachineKind("DockerMachine").build())
        .build();
  }

  /** A pool DockerMachine as CAPD leaves it, with its machine controller's finalizer. */
  static DockerMachine dockerMachine(int id, boolean provisioned) {
    DockerMachine m = DockerMachine.builder().metadata(new ObjectMetaBuilder().withName("worker-" + id)
        .withNamespace("default").withFinalizers(Docker.MACHINE_FINALIZER).withLabels(Map.of(Capi.CLUSTER_NAME_LABEL, "dev", Capi.MACHINE_POOL_NAME_LABEL,
            "workers")).withOwnerReferences(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
            .withApiVersion(Docker.API_VERSION).withKind("DockerMachinePool").withName("workers").withUid("dmp-uid")
            .build()).build()).build();
    if (provisioned) {
      m = m.withSpec(m.spec().withProviderID(DockerProvider.providerID("dev", "worker-" + id)))
          .withStatus(DockerMachineStatus.builder().initialization(DockerMachineInitializationStatus.builder()
              .provisioned(true).build()).build());
    }
    return m;
  }

  static Machine machine(int id, boolean deleteAnnotation) {
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName("worker-" + id).withNamespace("default");
    if (deleteAnnotation) {
      meta.addToAnnotations(Capi.DELETE_MACHINE_ANNOTATION, "yes");
    }
    return ImmutableMachine.builder().metadata(meta.build()).spec(MachineSpec.builder().clusterName("dev")
        .infrastructureRef(ContractVersionedObjectReference.of(Docker.GROUP, "DockerMachine", "worker-" + id)).build())
        .build();
  }

  static ImmutablePoolObservation.Builder obs(Object pool, int replicas, String version) {
    MachinePool mp = PoolWorld.machinePool("DockerMachinePool", replicas, version);
    return PoolObservation.builder().machinePool(mp).infraPool(pool).now(T0).random(new SplittableRandom(1));
  }

  static List<String> deletedMachines(PoolPlan p) {
    return p.machinesToDelete().stream().map(PoolPlan.MachineDeletion::machineName).toList();
  }

  @Test
  void firstReconcileOnlyAddsTheFinalizerAndTheMachineKind() {
    DockerMachinePool bare = DockerMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName("workers").withNamespace("default").build()).build();
    PoolPlan p = planner.plan(obs(bare, 3, "v1.32.0").build());
    DockerMachinePool out = (DockerMachinePool) p.infraPool();
    assertThat(out.metadata().getFinalizers()).containsExactly(Docker.MACHINE_POOL_FINALIZER);
    assertThat(out.statusOrEmpty().infrastructureMachineKind()).isEqualTo("DockerMachine");
    assertThat(p.cloudActions()).isEmpty();
  }

  @Test
  void waitsForTheBootstrapData() {
    MachinePool mp = PoolWorld.machinePool("DockerMachinePool", 3, "v1.32.0");
    var t = mp.spec().templateOrEmpty();
    mp = mp.withSpec(mp.spec().withTemplate(t.withSpec(t.specOrEmpty().withBootstrap(
        io.capi4j.api.core.v1beta2.Bootstrap.builder().build()))));
    PoolPlan p = planner.plan(obs(pool(), 3, "v1.32.0").machinePool(mp).build());
    assertThat(p.cloudActions()).isEmpty();
    assertThat(p.steps()).containsExactly("Waiting for the Bootstrap provider controller to set bootstrap data");
  }

  @Test
  void createsTheContainersOfANewPool() {
    PoolPlan p = planner.plan(obs(pool(), 3, "v1.32.0").build());
    assertThat(p.cloudActions()).singleElement().isInstanceOfSatisfying(CloudAction.CreateGroup.class, c -> {
      assertThat(c.groupId()).isEqualTo("dev-workers");
      assertThat(c.capacity()).isEqualTo(3);
      assertThat(c.model().version()).isEqualTo(OLD);
    });
    DockerMachinePool out = (DockerMachinePool) p.infraPool();
    assertThat(out.spec().providerID()).isEqualTo("docker:////dev-dmp-workers");
    assertThat(out.spec().providerIDList()).isEmpty();
    assertThat(out.statusOrEmpty().replicas()).contains(0);
    assertThat(out.statusOrEmpty().ready()).contains(false);
  }

  @Test
  void oneDockerMachinePerContainerProvisionedOnceItsContainerRuns() {
    PoolPlan p = planner.plan(obs(pool(), 2, "v1.32.0")
        .scalingGroup(group(2, OLD, container(0, InstanceState.RUNNING, OLD), container(1, InstanceState.CREATING, OLD)))
        .build());
    List<DockerMachine> dms = p.infraMachinesToApply().stream().map(DockerMachine.class::cast).toList();
    assertThat(dms).extracting(DockerMachine::name).containsExactly("worker-0", "worker-1");
    DockerMachine running = dms.get(0);
    assertThat(running.spec().providerID()).contains("docker:////dev-worker-0");
    assertThat(running.isProvisioned()).isTrue();
    assertThat(running.labels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "dev").containsEntry(Capi.MACHINE_POOL_NAME_LABEL, "workers");
    assertThat(running.metadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("DockerMachinePool"));
    assertThat(dms.get(1).spec().providerID()).isEmpty();
    assertThat(dms.get(1).isProvisioned()).isFalse();
    DockerMachinePool out = (DockerMachinePool) p.infraPool();
    assertThat(out.spec().providerIDList()).containsExactly("docker:////dev-worker-0");
    assertThat(out.statusOrEmpty().replicas()).contains(2);
    assertThat(out.statusOrEmpty().ready()).contains(false);
    assertThat(p.instances()).hasSize(2).allMatch(i -> i.upToDate().orElseThrow());
    assertThat(p.requeueAfter()).isPresent();
  }

  @Test
  void readyOnceEveryReplicaHasAProviderID() {
    PoolPlan p = planner.plan(obs(pool(), 2, "v1.32.0")
        .scalingGroup(group(2, OLD, container(1, InstanceState.RUNNING, OLD), container(0, InstanceState.RUNNING, OLD)))
        .addInfraMachines(dockerMachine(0, true), dockerMachine(1, true)).build());
    assertThat(p.infraMachinesToApply()).isEmpty();
    DockerMachinePool out = (DockerMachinePool) p.infraPool();
    assertThat(out.statusOrEmpty().ready()).contains(true);
    assertThat(out.spec().providerIDList()).containsExactly("docker:////dev-worker-0", "docker:////dev-worker-1");
    assertThat(Conditions.isTrue(out.statusOrEmpty().conditions(), Docker.REPLICAS_READY_CONDITION)).isTrue();
    assertThat(p.cloudActions()).isEmpty();
    assertThat(p.requeueAfter()).isEmpty();
  }

  @Test
  void aFailedContainerIsDeletedAndCreatedAgain() {
    PoolPlan p = planner.plan(obs(pool(), 2, "v1.32.0")
        .scalingGroup(group(2, OLD, container(0, InstanceState.RUNNING, OLD), container(1, InstanceState.FAILED, OLD)))
        .build());
    assertThat(p.cloudActions()).containsExactly(
        new CloudAction.DeleteInstance(GROUP, "1", true, "container 1 is not running: delete it so that it is created again"),
        new CloudAction.SetCapacity(GROUP, 2, "create 1 containers running " + OLD + " (1 of 2 run it)"));
  }

  @Test
  void scaleDownDeletesTheMachineOfTheAnnotatedInstanceFirstThenTheOldest() {
    ImmutablePoolObservation.Builder b = obs(pool(), 2, "v1.32.0")
        .scalingGroup(group(3, OLD, container(0, InstanceState.RUNNING, OLD), container(1, InstanceState.RUNNING, OLD),
            container(2, InstanceState.RUNNING, OLD)))
        .addInfraMachines(dockerMachine(0, true), dockerMachine(1, true), dockerMachine(2, true));
    PoolPlan annotated = planner.plan(b.machines(List.of(machine(0, false), machine(1, false), machine(2, true))).build());
    assertThat(deletedMachines(annotated)).containsExactly("worker-2");
    assertThat(annotated.machinesToDelete().get(0).reason()).contains(Capi.DELETE_MACHINE_ANNOTATION);
    assertThat(annotated.cloudActions()).as("containers go with their DockerMachine").isEmpty();

    PoolPlan plain = planner.plan(b.machines(List.of(machine(0, false), machine(1, false), machine(2, false))).build());
    assertThat(deletedMachines(plain)).containsExactly("worker-0");
  }

  @Test
  void rolloutCreatesEveryReplacementFirstThenDeletesTheOutdated() {
    // The version changed: new image, two replacements, nothing deleted yet.
    PoolPlan start = planner.plan(obs(pool(), 2, "v1.33.0")
        .scalingGroup(group(2, OLD, container(0, InstanceState.RUNNING, OLD), container(1, InstanceState.RUNNING, OLD)))
        .addInfraMachines(dockerMachine(0, true), dockerMachine(1, true))
        .addMachines(machine(0, false), machine(1, false)).build());
    assertThat(start.cloudActions()).containsExactly(
        new CloudAction.UpdateModel(GROUP, InstanceModel.of(NEW, Map.of("image", NEW, "kubernetesVersion", "v1.33.0")),
            "new containers run " + NEW + " (was " + OLD + ")"),
        new CloudAction.SetCapacity(GROUP, 4, "create 2 containers running " + NEW + " (0 of 2 run it)"));
    assertThat(start.machinesToDelete()).isEmpty();
    assertThat(start.instances()).allMatch(i -> !i.upToDate().orElseThrow());

    // Replacements created but not running yet: still nothing deleted.
    ImmutablePoolObservation.Builder mid = obs(pool(), 2, "v1.33.0")
        .scalingGroup(group(4, NEW, container(0, InstanceState.RUNNING, OLD), container(1, InstanceState.RUNNING, OLD),
            container(2, InstanceState.CREATING, NEW), container(3, InstanceState.CREATING, NEW)))
        .addInfraMachines(dockerMachine(0, true), dockerMachine(1, true), dockerMachine(2, false), dockerMachine(3, false))
        .addMachines(machine(0, false), machine(1, false), machine(2, false), machine(3, false));
    PoolPlan waiting = planner.plan(mid.build());
    assertThat(waiting.machinesToDelete()).isEmpty();
    assertThat(waiting.cloudActions()).isEmpty();

    // Replacements run: the outdated Machines go, the new ones stay.
    PoolPlan done = planner.plan(obs(pool(), 2, "v1.33.0")
        .scalingGroup(group(4, NEW, container(0, InstanceState.RUNNING, OLD), container(1, InstanceState.RUNNING, OLD),
            container(2, InstanceState.RUNNING, NEW), container(3, InstanceState.RUNNING, NEW)))
        .addInfraMachines(dockerMachine(0, true), dockerMachine(1, true), dockerMachine(2, true), dockerMachine(3, true))
        .addMachines(machine(0, false), machine(1, false), machine(2, false), machine(3, false)).build());
    assertThat(deletedMachines(done)).containsExactly("worker-0", "worker-1");
    assertThat(done.machinesToDelete().get(0).reason()).contains("runs " + OLD + ", not " + NEW);
  }

  @Test
  void aDockerMachineWithoutContainerGetsItsMachineDeletedOnceThereIsOne() {
    ImmutablePoolObservation.Builder b = obs(pool(), 1, "v1.32.0")
        .scalingGroup(group(1, OLD, container(0, InstanceState.RUNNING, OLD)))
        .addInfraMachines(dockerMachine(0, true), dockerMachine(7, true));
    PoolPlan noMachine = planner.plan(b.build());
    assertThat(noMachine.machinesToDelete()).isEmpty();
    assertThat(noMachine.steps()).anyMatch(s -> s.contains("worker-7") && s.contains("has no Machine yet"));

    PoolPlan withMachine = planner.plan(b.addMachines(machine(7, false)).build());
    assertThat(withMachine.machinesToDelete()).singleElement().satisfies(d -> {
      assertThat(d.machineName()).isEqualTo("worker-7");
      assertThat(d.reason()).isEqualTo("its container no longer exists");
    });
  }

  @Test
  void aDeletingDockerMachineDeletesItsContainerAndIsReleasedWhenItIsGone() {
    DockerMachine deleting = dockerMachine(1, true);
    deleting = deleting.withMetadata(new ObjectMetaBuilder(deleting.metadata()).withDeletionTimestamp("2026-03-01T11:59:00Z").build());
    PoolPlan first = planner.plan(obs(pool(), 1, "v1.32.0")
        .scalingGroup(group(2, OLD, container(0, InstanceState.RUNNING, OLD), container(1, InstanceState.RUNNING, OLD)))
        .addInfraMachines(dockerMachine(0, true), deleting).build());
    assertThat(first.cloudActions()).containsExactly(new CloudAction.DeleteInstance(GROUP, "1", true,
        "DockerMachine worker-1 is being deleted: delete its container"));

    PoolPlan gone = planner.plan(obs(pool(), 1, "v1.32.0")
        .scalingGroup(group(1, OLD, container(0, InstanceState.RUNNING, OLD)))
        .addInfraMachines(dockerMachine(0, true), deleting).build());
    assertThat(gone.infraMachinesToDelete()).containsExactly("worker-1");
    // Released as CAPD's machine controller releases it: its finalizer goes (written back), then it is deleted.
    assertThat(gone.infraMachinesToApply()).singleElement().satisfies(o -> {
      DockerMachine m = (DockerMachine) o;
      assertThat(m.name()).isEqualTo("worker-1");
      assertThat(m.isDeleting()).isTrue();
      assertThat(m.metadata().getFinalizers()).doesNotContain(Docker.MACHINE_FINALIZER);
    });
    assertThat(((DockerMachinePool) gone.infraPool()).statusOrEmpty().replicas()).contains(1);
  }

  @Test
  void aNewDockerMachineCarriesTheMachineFinalizer() {
    PoolPlan p = planner.plan(obs(pool(), 1, "v1.32.0")
        .scalingGroup(group(1, OLD, container(0, InstanceState.RUNNING, OLD))).build());
    assertThat(p.infraMachinesToApply()).singleElement().satisfies(o ->
        assertThat(((DockerMachine) o).metadata().getFinalizers()).containsExactly(Docker.MACHINE_FINALIZER));
  }

  @Test
  void capacityIsSetBeforeTheContainersOfDeletingMachinesLowerIt() {
    DockerMachine deleting = dockerMachine(1, true);
    deleting = deleting.withMetadata(new ObjectMetaBuilder(deleting.metadata()).withDeletionTimestamp("2026-03-01T11:59:00Z").build());
    PoolPlan p = planner.plan(obs(pool(), 2, "v1.33.0")
        .scalingGroup(group(2, NEW, container(0, InstanceState.RUNNING, NEW), container(1, InstanceState.RUNNING, OLD)))
        .addInfraMachines(dockerMachine(0, true), deleting).build());
    // 3 with the doomed container, then 2 once it is deleted: one replacement.
    assertThat(p.cloudActions()).containsExactly(
        new CloudAction.SetCapacity(GROUP, 3, "create 1 containers running " + NEW + " (1 of 2 run it)"),
        new CloudAction.DeleteInstance(GROUP, "1", true, "DockerMachine worker-1 is being deleted: delete its container"));
  }

  @Test
  void deletingThePoolDeletesTheMachinesThenTheContainersThenReleasesTheFinalizer() {
    DockerMachinePool deleting = pool().withMetadata(new ObjectMetaBuilder(pool().metadata())
        .withDeletionTimestamp("2026-03-01T11:59:00Z").build());
    PoolPlan machines = planner.plan(obs(deleting, 1, "v1.32.0")
        .scalingGroup(group(1, OLD, container(0, InstanceState.RUNNING, OLD)))
        .addInfraMachines(dockerMachine(0, true)).addMachines(machine(0, false)).build());
    assertThat(deletedMachines(machines)).containsExactly("worker-0");

    PoolPlan containers = planner.plan(obs(deleting, 1, "v1.32.0")
        .scalingGroup(group(1, OLD, container(0, InstanceState.RUNNING, OLD))).build());
    assertThat(containers.cloudActions()).singleElement().isInstanceOf(CloudAction.DeleteGroup.class);

    PoolPlan released = planner.plan(obs(deleting, 1, "v1.32.0").build());
    assertThat(((DockerMachinePool) released.infraPool()).metadata().getFinalizers()).isEmpty();
    assertThat(released.cloudActions()).isEmpty();
  }

  @Test
  void aVersionThatIsNotSemverStopsThePlan() {
    PoolPlan p = planner.plan(obs(pool(), 1, "latest").build());
    assertThat(p.cloudActions()).isEmpty();
    assertThat(p.steps()).singleElement().asString().startsWith("error: failed to parse the MachinePool version");
  }

  @Test
  void devMachinePoolUsesDevMachinesAndTheInitializationContract() {
    DevMachinePoolPlanner dev = new DevMachinePoolPlanner();
    DevMachinePool pool = DevMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName("workers").withNamespace("default")
            .withFinalizers(Docker.MACHINE_POOL_FINALIZER).build())
        .spec(DevMachinePoolSpec.builder().backend(DevMachinePoolBackendSpec.builder()
            .docker(DockerMachinePoolBackendSpec.builder().build()).build()).build())
        .status(DevMachinePoolStatus.builder().infrastructureMachineKind("DevMachine").build())
        .build();
    PoolPlan p = dev.plan(obs(pool, 1, "v1.32.0")
        .scalingGroup(group(1, OLD, container(0, InstanceState.RUNNING, OLD))).build());
    assertThat(p.infraMachinesToApply()).singleElement().isInstanceOfSatisfying(DevMachine.class, m -> {
      assertThat(m.name()).isEqualTo("worker-0");
      assertThat(m.spec().providerID()).isEqualTo("docker:////dev-worker-0");
      assertThat(m.isProvisioned()).isTrue();
      assertThat(m.spec().backend().docker()).isPresent();
    });
    DevMachinePool out = (DevMachinePool) p.infraPool();
    assertThat(out.spec().providerID()).isEqualTo("dev:////dev-dmp-workers");
    assertThat(out.statusOrEmpty().initialization().orElseThrow().provisioned()).contains(true);

    DevMachinePool noBackend = pool.withSpec(DevMachinePoolSpec.builder().build());
    assertThat(dev.plan(obs(noBackend, 1, "v1.32.0").build()).steps()).singleElement().asString()
        .contains("without a Docker backend");
  }

  @Test
  void readsGenericObjectsAsWell() {
    var tree = io.capi4j.external.Contracts.tree(pool());
    var generic = io.capi4j.manifest.KubernetesMapper.json().treeToValue(tree,
        io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    PoolPlan p = planner.plan(obs(generic, 1, "v1.32.0").build());
    assertThat(p.cloudActions()).singleElement().isInstanceOf(CloudAction.CreateGroup.class);
    assertThat(new ArrayList<>(p.infraMachinesToApply())).isEmpty();
  }
}
