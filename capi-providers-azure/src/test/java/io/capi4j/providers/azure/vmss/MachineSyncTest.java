package io.capi4j.providers.azure.vmss;

import static io.capi4j.providers.azure.vmss.VmssFixtures.VMSS_ID;
import static io.capi4j.providers.azure.vmss.VmssFixtures.instance;
import static io.capi4j.providers.azure.vmss.VmssFixtures.marketplace;
import static io.capi4j.providers.azure.vmss.VmssFixtures.vmss;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.azure.api.v1beta1.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pure decisions of CAPZ's {@code TestMachinePoolScope_applyAzureMachinePoolMachines}. */
class MachineSyncTest {
  static final Image LATEST = marketplace("latest");
  static final Image OLD = marketplace("1.0.0");

  static PoolMachineState ampm(String name, int instance, boolean ready, boolean latestStatus, boolean ownerAnnotated) {
    PoolMachine m = new PoolMachine(name, PoolMachine.ZERO_TIME, false, false, ready, Optional.of("Succeeded"), latestStatus);
    return new PoolMachineState(m, instance(instance, LATEST).providerID(), true, ownerAnnotated);
  }

  static MachineSyncInput input(Vmss vmss, List<PoolMachineState> machines, int desired, boolean externallyManaged) {
    return new MachineSyncInput("amp", Optional.of(vmss), machines, desired, externallyManaged, false,
        RollingUpdateStrategy.empty(), Optional.empty(), false);
  }

  static MachineSyncPlan plan(MachineSyncInput in) {
    return MachineSync.plan(in, new SplittableRandom(7));
  }

  static List<String> remaining(List<PoolMachineState> machines, MachineSyncPlan p) {
    List<String> out = new ArrayList<>();
    machines.forEach(m -> out.add(m.machine().name()));
    out.removeAll(p.delete());
    out.removeAll(p.deleteOutOfBand());
    return out;
  }

  @Test
  void externallyManagedPoolsDeleteNothing() {
    List<PoolMachineState> ms = List.of(ampm("ampm0", 0, true, true, false), ampm("ampm1", 1, true, true, false));
    MachineSyncPlan p = plan(input(vmss(LATEST, 2, List.of(instance(0, LATEST), instance(1, LATEST))), ms, 1, true));
    assertThat(remaining(ms, p)).hasSize(2);
    assertThat(p.selection()).isEmpty();
  }

  @Test
  void notExternallyManagedPoolsScaleDown() {
    List<PoolMachineState> ms = List.of(ampm("ampm0", 0, true, true, false), ampm("ampm1", 1, true, true, false));
    MachineSyncPlan p = plan(input(vmss(LATEST, 2, List.of(instance(0, LATEST), instance(1, LATEST))), ms, 1, false));
    assertThat(remaining(ms, p)).hasSize(1);
    assertThat(p.lastReconciledReplicas()).hasValue(1);
  }

  @Test
  void staleLatestModelAppliedIsRefreshedAndTheReplacementIsProtected() {
    // All statuses say "not latest"; the VMSS model says ampm1 and ampm3 run the latest image.
    List<PoolMachineState> ms = List.of(ampm("ampm1", 1, true, false, false), ampm("ampm2", 2, true, false, false),
        ampm("ampm3", 3, false, false, false));
    Vmss v = vmss(LATEST, 3, List.of(instance(1, LATEST), instance(2, OLD), instance(3, LATEST)));
    MachineSyncPlan p = plan(input(v, ms, 2, false));
    assertThat(remaining(ms, p)).containsExactly("ampm1", "ampm2", "ampm3");
  }

  @Test
  void aDeleteAnnotationOnTheOwnerMachineIsHonoured() {
    List<PoolMachineState> ms = List.of(ampm("mpm1", 1, true, true, false), ampm("mpm2", 2, true, true, true),
        ampm("mpm3", 3, true, true, false));
    Vmss v = vmss(LATEST, 3, List.of(instance(1, LATEST), instance(2, LATEST), instance(3, LATEST)));
    MachineSyncPlan p = plan(input(v, ms, 2, false));
    assertThat(p.annotate()).containsExactly("mpm2");
    assertThat(remaining(ms, p)).containsExactly("mpm1", "mpm3");
  }

  @Test
  void anInstanceWithoutAMachineGetsOne() {
    MachineSyncPlan p = plan(input(vmss(LATEST, 1, List.of(instance(0, LATEST))), List.of(), 1, false));
    assertThat(p.create()).containsExactly(new MachineSyncPlan.NewPoolMachine("amp-0", "azure://" + VMSS_ID + "/virtualMachines/0"));
  }

  @Test
  void aFlexibleInstanceNameHasItsUnderscoresReplaced() {
    String id = VmssFixtures.RG + "/providers/Microsoft.Compute/virtualMachines/my_vmss_1a2b3c";
    Vmss v = vmss(LATEST, 1, List.of(new VmssInstance("azure://" + id, id, LATEST, "Succeeded", "1")));
    assertThat(plan(input(v, List.of(), 1, false)).create()).extracting(MachineSyncPlan.NewPoolMachine::name)
        .containsExactly("amp-my-vmss-1a2b3c");
  }

  @Test
  void aMalformedInstanceIdIsAnError() {
    Vmss v = vmss(LATEST, 1, List.of(new VmssInstance("azure://foo/ampm0", "foo/ampm0", LATEST, "Succeeded", "")));
    MachineSyncPlan p = plan(input(v, List.of(), 1, false));
    assertThat(p.error()).isPresent();
    assertThat(p.create()).isEmpty();
  }

  @Test
  void aDeletingInstanceGetsNoMachine() {
    MachineSyncPlan p = plan(input(vmss(LATEST, 1, List.of(instance(0, LATEST, "Deleting"))), List.of(), 1, false));
    assertThat(p.create()).isEmpty();
    assertThat(p.error()).isEmpty();
  }

  @Test
  void machinesWhoseInstanceIsGoneAreDeletedAndThePassStops() {
    List<PoolMachineState> ms = List.of(ampm("ampm0", 0, true, true, false), ampm("ampm1", 1, true, true, false),
        ampm("ampm2", 2, true, true, false));
    MachineSyncPlan p = plan(input(vmss(LATEST, 1, List.of(instance(0, LATEST))), ms, 1, false));
    assertThat(p.deleteOutOfBand()).containsExactly("ampm1", "ampm2");
    assertThat(p.selection()).isEmpty();
  }

  @Test
  void aSelectedMachineWithoutOwnerMachineIsLeftAlone() {
    PoolMachine m = new PoolMachine("young", PoolMachine.ZERO_TIME, false, false, true, Optional.of("Succeeded"), true);
    List<PoolMachineState> ms = List.of(ampm("ampm0", 0, true, true, false),
        new PoolMachineState(m, instance(1, LATEST).providerID(), false, false));
    MachineSyncInput in = new MachineSyncInput("amp", Optional.of(vmss(LATEST, 2, List.of(instance(0, LATEST), instance(1, LATEST)))),
        ms, 1, false, false, new RollingUpdateStrategy(Optional.empty(), Optional.empty(), "Newest"), Optional.empty(), false);
    MachineSyncPlan p = plan(in);
    assertThat(p.selection().orElseThrow().machines()).hasSize(1);
    assertThat(p.delete().size() + p.skippedWithoutOwner().size()).isEqualTo(1);
  }

  @Test
  void anInFlightOperationOrUnknownStateWaits() {
    List<PoolMachineState> ms = List.of(ampm("ampm0", 0, true, true, false), ampm("ampm1", 1, true, true, false));
    MachineSyncInput busy = new MachineSyncInput("amp", Optional.of(vmss(LATEST, 2, List.of(instance(0, LATEST), instance(1, LATEST)))),
        ms, 1, false, true, RollingUpdateStrategy.empty(), Optional.empty(), false);
    assertThat(plan(busy).selection()).isEmpty();
    MachineSyncInput unknown = new MachineSyncInput("amp", Optional.empty(), ms, 1, false, false, RollingUpdateStrategy.empty(),
        Optional.empty(), false);
    assertThat(plan(unknown).delete()).isEmpty();
  }
}
