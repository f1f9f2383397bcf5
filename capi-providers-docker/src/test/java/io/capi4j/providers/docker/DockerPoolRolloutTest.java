package io.capi4j.providers.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachinePoolStatus;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceState;
import io.capi4j.conditions.Conditions;
import io.capi4j.providers.docker.api.v1beta2.DevMachine;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePool;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePoolBackendSpec;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePoolSpec;
import io.capi4j.providers.docker.api.v1beta2.DockerMachine;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePool;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePoolBackendSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CAPD's rolling replacement on a simulated docker host, with core's MachinePool planner: a new Kubernetes version
 * means a new kindest/node image; every replacement is created first, then the outdated containers go.
 */
class DockerPoolRolloutTest {
  static DockerMachinePool dockerPool() {
    return DockerMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName("workers").withNamespace(PoolWorld.NS).withUid("dmp-uid").build())
        .build();
  }

  static void setVersion(PoolWorld w, String version) {
    w.update(mp -> {
      var t = mp.spec().templateOrEmpty();
      return mp.withSpec(mp.spec().withTemplate(t.withSpec(t.specOrEmpty().withVersion(version))));
    });
  }

  static List<Instance> containers(PoolWorld w) {
    return w.cloud.getGroup(DockerProvider.poolGroupId(PoolWorld.CLUSTER, "workers")).orElseThrow().instances();
  }

  @Test
  void rolloutOfFiveReplicasToANewImageNeverDropsBelowFiveRunning() {
    PoolWorld w = new PoolWorld(DockerMachinePool.KIND, new DockerMachinePoolPlanner(), dockerPool(), 5, "v1.32.0");
    w.runFor(Duration.ofMinutes(1), Duration.ofSeconds(2));
    assertThat(containers(w)).hasSize(5).allMatch(i -> i.state() == InstanceState.RUNNING)
        .allMatch(i -> i.modelVersion().equals("kindest/node:v1.32.0"));
    assertThat(w.infraMachines.values()).hasSize(5).allMatch(m -> ((DockerMachine) m).isProvisioned());
    assertThat(w.machines).hasSize(5);
    assertThat(w.mp.status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
    assertThat(((DockerMachinePool) w.pool).statusOrEmpty().ready()).contains(true);

    w.watchRunning = true;
    setVersion(w, "v1.33.1");
    w.reconcile();
    // Mid-rollout: the replacements are created first; core reports the truth.
    assertThat(w.lastPoolPlan.cloudActions()).anyMatch(a -> a.reason().contains("kindest/node:v1.33.1"));
    w.runFor(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(containers(w)).hasSize(10);
    assertThat(w.mp.status().orElseThrow().replicas()).contains(10);
    assertThat(Conditions.get(w.mp.status().orElseThrow().conditions(), Capi.Conditions.ROLLING_OUT).orElseThrow()
        .getMessage()).isEqualTo("Rolling out 5 not up-to-date replicas");

    w.runFor(Duration.ofMinutes(2), Duration.ofSeconds(2));
    assertThat(containers(w)).hasSize(5).allMatch(i -> i.state() == InstanceState.RUNNING)
        .allMatch(i -> i.modelVersion().equals("kindest/node:v1.33.1"));
    assertThat(w.minRunning).as("fewest running containers during the rollout").isEqualTo(5);
    assertThat(w.infraMachines).hasSize(5);
    assertThat(w.machines).hasSize(5);
    assertThat(w.nodes).hasSize(5);
    MachinePoolStatus st = w.mp.status().orElseThrow();
    assertThat(st.replicas()).contains(5);
    assertThat(st.readyReplicas()).contains(5);
    assertThat(st.upToDateReplicas()).contains(5);
    assertThat(st.phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
    assertThat(w.mp.spec().providerIDList()).hasSize(5).isSorted();
    assertThat(w.steps).anyMatch(s -> s.contains("runs kindest/node:v1.32.0, not kindest/node:v1.33.1"));
  }

  @Test
  void devMachinePoolRollsOutTheSameWay() {
    DevMachinePool pool = DevMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName("workers").withNamespace(PoolWorld.NS).withUid("devmp-uid").build())
        .spec(DevMachinePoolSpec.builder().backend(DevMachinePoolBackendSpec.builder()
            .docker(DockerMachinePoolBackendSpec.builder().customImage("kindest/node:custom-a").build()).build()).build())
        .build();
    PoolWorld w = new PoolWorld(DevMachinePool.KIND, new DevMachinePoolPlanner(), pool, 3, "v1.32.0");
    w.runFor(Duration.ofMinutes(1), Duration.ofSeconds(2));
    assertThat(w.infraMachines.values()).hasSize(3).allMatch(m -> m instanceof DevMachine dm && dm.isProvisioned());
    assertThat(((DevMachinePool) w.pool).statusOrEmpty().infrastructureMachineKind()).isEqualTo("DevMachine");

    w.watchRunning = true;
    DevMachinePool current = (DevMachinePool) w.pool;
    w.pool = current.withSpec(current.spec().withBackend(DevMachinePoolBackendSpec.builder()
        .docker(DockerMachinePoolBackendSpec.builder().customImage("kindest/node:custom-b").build()).build()));
    w.runFor(Duration.ofMinutes(2), Duration.ofSeconds(2));
    assertThat(containers(w)).hasSize(3).allMatch(i -> i.modelVersion().equals("kindest/node:custom-b"));
    assertThat(w.minRunning).isEqualTo(3);
    assertThat(w.mp.status().orElseThrow().upToDateReplicas()).contains(3);
    assertThat(w.mp.status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
  }
}
