package io.capi4j.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.testing.VirtualClock;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {
  private final VirtualClock clock = VirtualClock.create();
  private final ObjectStore store = new ObjectStore("mgmt", clock);

  @Test
  void createAssignsIdentityAndUpdateKeepsIt() {
    MachineSet ms = store.create(MachineSet.builder().metadata(new ObjectMetaBuilder().withName("ms").withNamespace("ns").build()).build());
    assertThat(ms.metadata().getUid()).isNotEmpty();
    assertThat(ms.metadata().getCreationTimestamp()).isEqualTo("2026-01-01T00:00:00Z");
    MachineSet changed = store.update(ms.withSpec(ms.spec().withReplicas(3)));
    assertThat(changed.metadata().getUid()).isEqualTo(ms.metadata().getUid());
    assertThat(store.get(MachineSet.class, "MachineSet", "ns", "ms").orElseThrow().specReplicas()).isEqualTo(3);
  }

  @Test
  void finalizersHoldDeletionAndOwnersCascade() {
    List<String> changes = new ArrayList<>();
    store.watch(c -> changes.add(c.key().name() + (c.after().isPresent() ? "" : ":gone")));
    MachineSet ms = store.create(MachineSet.builder().metadata(new ObjectMetaBuilder().withName("ms").withNamespace("ns").build()).build());
    Machine m = store.create(Machine.builder().metadata(new ObjectMetaBuilder().withName("m1").withNamespace("ns")
        .withFinalizers("machine.cluster.x-k8s.io").withOwnerReferences(Meta.ownerRef(ms, true)).build()).build());
    store.delete(ObjectKey.of(ms));
    Machine deleting = store.get(Machine.class, "Machine", "ns", "m1").orElseThrow();
    assertThat(deleting.isDeleting()).isTrue();
    store.update(Meta.withMeta(deleting, b -> b.withFinalizers(List.of())));
    assertThat(store.get(ObjectKey.of(m))).isEmpty();
    assertThat(changes).containsExactly("ms", "m1", "ms:gone", "m1", "m1:gone");
    assertThat(store.countByKind()).isEmpty();
  }
}
