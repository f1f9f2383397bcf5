package io.capi4j.providers.azure.vmss;

import static io.capi4j.providers.azure.vmss.VmssFixtures.byId;
import static io.capi4j.providers.azure.vmss.VmssFixtures.instance;
import static io.capi4j.providers.azure.vmss.VmssFixtures.marketplace;
import static io.capi4j.providers.azure.vmss.VmssFixtures.mixed;
import static io.capi4j.providers.azure.vmss.VmssFixtures.vmss;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.azure.api.v1beta1.Image;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CAPZ's {@code TestVMSS_HasModelChanges} and the latest-model helpers of {@code azure/types.go}. */
class VmssModelTest {
  static final Image EMPTY = Image.builder().build();
  static final VmssModel DEFAULT = new VmssModel(marketplace("1.0.0"), "SystemAssigned", List.of("1", "2"), "Standard_D2s_v3");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("two empty VMSS", new VmssModel(EMPTY, "", List.of(), ""), new VmssModel(EMPTY, "", List.of(), ""), false),
        Arguments.of("one empty and other with image changes", new VmssModel(EMPTY, "", List.of(), ""), DEFAULT, true),
        Arguments.of("same default VMSS", DEFAULT, new VmssModel(marketplace("1.0.0"), "SystemAssigned", List.of("1", "2"),
            "Standard_D2s_v3"), false),
        Arguments.of("with different identity", DEFAULT, new VmssModel(DEFAULT.image(), "None", DEFAULT.zones(), DEFAULT.sku()), true),
        Arguments.of("with different zones", DEFAULT, new VmssModel(DEFAULT.image(), DEFAULT.identity(), List.of("1"), DEFAULT.sku()),
            true),
        Arguments.of("with empty image", DEFAULT, new VmssModel(EMPTY, DEFAULT.identity(), DEFAULT.zones(), DEFAULT.sku()), true),
        Arguments.of("with different image reference ID", new VmssModel(byId("a"), "", List.of(), "s"),
            new VmssModel(byId("b"), "", List.of(), "s"), true),
        Arguments.of("with different SKU", DEFAULT, new VmssModel(DEFAULT.image(), DEFAULT.identity(), DEFAULT.zones(), "Standard_D4s_v3"),
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hasModelChanges(String name, VmssModel a, VmssModel b, boolean want) {
    assertThat(a.hasModelChanges(b)).isEqualTo(want);
    assertThat(b.hasModelChanges(a)).isEqualTo(want);
  }

  @Test
  void zonesAreOrderSensitiveAndTagsAndCapacityAreIgnored() {
    VmssModel reversed = new VmssModel(DEFAULT.image(), DEFAULT.identity(), List.of("2", "1"), DEFAULT.sku());
    assertThat(DEFAULT.hasModelChanges(reversed)).isTrue();
  }

  @Test
  void latestModelIsImageEquality() {
    Image latest = marketplace("2.0.0");
    Vmss v = mixed(latest, marketplace("1.0.0"), 1, 2);
    assertThat(v.hasLatestModelApplied(v.instances().get(0))).isFalse();
    assertThat(v.hasLatestModelApplied(v.instances().get(1))).isTrue();
    assertThat(v.hasLatestModelAppliedToAll()).isFalse();
    // Two of three latest with capacity 3: mixed; with capacity 2 (a surplus old instance): enough.
    assertThat(v.hasEnoughLatestModelOrNotMixedModel()).isFalse();
    Vmss enough = vmss(latest, 2, v.instances());
    assertThat(enough.hasEnoughLatestModelOrNotMixedModel()).isTrue();
    assertThat(vmss(latest, 0, List.of()).hasLatestModelAppliedToAll()).isTrue();
    assertThat(vmss(latest, 1, List.of(instance(0, latest))).hasEnoughLatestModelOrNotMixedModel()).isTrue();
  }
}
