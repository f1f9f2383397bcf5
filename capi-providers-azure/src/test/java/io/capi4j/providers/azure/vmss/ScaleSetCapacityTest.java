package io.capi4j.providers.azure.vmss;

import static io.capi4j.providers.azure.vmss.VmssFixtures.instance;
import static io.capi4j.providers.azure.vmss.VmssFixtures.marketplace;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.azure.api.v1beta1.Image;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CAPZ's {@code TestScaleSetParameters} (existing VMSS capacity 2) and the surge rules of {@code existingParameters}. */
class ScaleSetCapacityTest {
  static final Image IMAGE = marketplace("1.0.0");
  static final String SKU = "Standard_D2s_v3";

  static Vmss existing(Image image, String hash, int latestInstances, int oldInstances) {
    java.util.ArrayList<VmssInstance> vms = new java.util.ArrayList<>();
    for (int i = 0; i < oldInstances + latestInstances; i++) {
      vms.add(instance(i, i < oldInstances ? marketplace("0.9.0") : image));
    }
    return new Vmss(VmssModel.of(image, SKU), 2, Map.of(Vmss.CUSTOM_DATA_HASH_TAG, hash), Optional.of("Succeeded"), vms);
  }

  static ScaleSetParameters desired(Image image, long capacity, long surge, String hash) {
    return new ScaleSetParameters(VmssModel.of(image, SKU), capacity, surge, false, false, hash);
  }

  @Test
  void updateForExistingVmss() {
    CapacityPlan p = ScaleSetCapacity.decide(Optional.of(existing(IMAGE, "h1", 2, 0)), desired(marketplace("2.0.0"), 2, 1, "h1"));
    assertThat(p.action()).isEqualTo(CapacityPlan.Action.UPDATE);
    assertThat(p.capacity()).isEqualTo(3);
    assertThat(p.includeVirtualMachineProfile()).isTrue();
    assertThat(p.modelChanged()).isTrue();
  }

  @Test
  void updateForExistingVmssWithOnlyCapacityChange() {
    CapacityPlan p = ScaleSetCapacity.decide(Optional.of(existing(IMAGE, "h1", 2, 0)), desired(IMAGE, 3, 0, "h1"));
    assertThat(p.action()).isEqualTo(CapacityPlan.Action.UPDATE);
    assertThat(p.capacity()).isEqualTo(3);
    assertThat(p.includeVirtualMachineProfile()).isFalse();
  }

  @Test
  void updateForExistingVmssWithOnlyCustomDataChange() {
    CapacityPlan p = ScaleSetCapacity.decide(Optional.of(existing(IMAGE, "h1", 2, 0)), desired(IMAGE, 2, 1, "h2"));
    assertThat(p.action()).isEqualTo(CapacityPlan.Action.NONE);
  }

  @Test
  void updateForExistingVmssWithOnlyCapacityChangeButShouldPatchCustomData() {
    CapacityPlan p = ScaleSetCapacity.decide(Optional.of(existing(IMAGE, "h1", 2, 0)), desired(IMAGE, 3, 0, "h2"));
    assertThat(p.action()).isEqualTo(CapacityPlan.Action.UPDATE);
    assertThat(p.capacity()).isEqualTo(3);
    assertThat(p.includeVirtualMachineProfile()).isTrue();
    assertThat(p.modelChanged()).isFalse();
  }

  @Test
  void windowsVmssUpToDate() {
    CapacityPlan p = ScaleSetCapacity.decide(Optional.of(existing(IMAGE, "h1", 2, 0)), desired(IMAGE, 2, 1, "h1"));
    assertThat(p.action()).isEqualTo(CapacityPlan.Action.NONE);
    assertThat(p.capacity()).isEqualTo(2);
  }

  @Test
  void createUsesTheDesiredCapacityWithoutSurge() {
    CapacityPlan p = ScaleSetCapacity.decide(Optional.empty(), desired(IMAGE, 5, 2, "h1"));
    assertThat(p.action()).isEqualTo(CapacityPlan.Action.CREATE);
    assertThat(p.capacity()).isEqualTo(5);
  }

  @Test
  void aMixedUniformVmssSurgesAgainAndAScaleDownNeverPuts() {
    // Mid-rollout: one old instance, one latest, capacity 2 -> surge to desired + 1 again.
    CapacityPlan mixed = ScaleSetCapacity.decide(Optional.of(existing(IMAGE, "h1", 1, 1)), desired(IMAGE, 2, 1, "h1"));
    assertThat(mixed.action()).isEqualTo(CapacityPlan.Action.UPDATE);
    assertThat(mixed.capacity()).isEqualTo(3);
    assertThat(mixed.includeVirtualMachineProfile()).isFalse();
    // Flexible counts as up to date: no surge without a model change.
    ScaleSetParameters flex = new ScaleSetParameters(VmssModel.of(IMAGE, SKU), 2, 1, true, false, "h1");
    assertThat(ScaleSetCapacity.decide(Optional.of(existing(IMAGE, "h1", 1, 1)), flex).action()).isEqualTo(CapacityPlan.Action.NONE);
    // Lowering replicas never lowers the capacity through a PUT.
    assertThat(ScaleSetCapacity.decide(Optional.of(existing(IMAGE, "h1", 2, 0)), desired(IMAGE, 1, 1, "h1")).action())
        .isEqualTo(CapacityPlan.Action.NONE);
  }

  @Test
  void externallyManagedReplicasNeverSurge() {
    ScaleSetParameters autoscaled = new ScaleSetParameters(VmssModel.of(marketplace("2.0.0"), SKU), 2, 1, false, true, "h1");
    CapacityPlan p = ScaleSetCapacity.decide(Optional.of(existing(IMAGE, "h1", 2, 0)), autoscaled);
    assertThat(p.action()).isEqualTo(CapacityPlan.Action.UPDATE);
    assertThat(p.capacity()).isEqualTo(2);
    assertThat(p.includeVirtualMachineProfile()).isTrue();
    assertThat(List.of(p.reason())).allMatch(r -> !r.contains("surge"));
  }
}
