package io.capi4j.machinedeployment;

import static io.capi4j.machinedeployment.Fixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachineDeployment;
import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.MachineDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.MachineReadinessGate;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTaint;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.RandomNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tables of upstream's {@code mdutil/util_test.go}. */
class MachineDeploymentUtilTest {

  // ---------------------------------------------------------------------------------------------------------------
  // TestMachineSetsByDecreasingReplicas

  static final String T0 = "2025-01-01T10:00:00Z";
  static final String T1 = "2025-01-01T10:01:00Z";

  static Stream<Arguments> byDecreasingReplicas() {
    MachineSet a1t0 = ms("ms-a", "v", 1).created(T0).build();
    MachineSet aa3t0 = ms("ms-aa", "v", 3).created(T0).build();
    MachineSet a1t1 = ms("ms-a", "v", 1).created(T1).build();
    MachineSet b1t0 = ms("ms-b", "v", 1).created(T0).build();
    return Stream.of(
        arguments("ordered by replicas", List.of(a1t0, aa3t0), List.of(aa3t0, a1t0)),
        arguments("ordered by creation timestamp when replicas are equal", List.of(a1t1, a1t0), List.of(a1t0, a1t1)),
        arguments("ordered by name when replicas and creation timestamp are equal", List.of(b1t0, a1t0), List.of(a1t0, b1t0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("byDecreasingReplicas")
  void machineSetsByDecreasingReplicas(String name, List<MachineSet> in, List<MachineSet> expected) {
    List<MachineSet> sorted = new ArrayList<>(in);
    sorted.sort(MachineDeploymentUtil.BY_DECREASING_REPLICAS);
    assertThat(sorted).containsExactlyElementsOf(expected);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestMachineTemplateUpToDate

  static final ContractVersionedObjectReference INFRA =
      ContractVersionedObjectReference.of(Capi.INFRASTRUCTURE_GROUP, "InfrastructureMachineTemplate", "infra1");
  static final ContractVersionedObjectReference BOOTSTRAP =
      ContractVersionedObjectReference.of(Capi.BOOTSTRAP_GROUP, "BootstrapConfigTemplate", "bootstrap1");

  static MachineTemplateSpec baseTemplate() {
    return MachineTemplateSpec.builder()
        .metadata(TemplateMeta.builder().putLabel("l1", "v1").putAnnotation("a1", "v1").build())
        .spec(
            MachineSpec.builder()
                .deletion(MachineDeletionSpec.builder().nodeDrainTimeoutSeconds(10).nodeVolumeDetachTimeoutSeconds(10).nodeDeletionTimeoutSeconds(10).build())
                .clusterName("cluster1")
                .version("v1.25.0")
                .failureDomain("failure-domain1")
                .minReadySeconds(10)
                .infrastructureRef(INFRA)
                .bootstrap(Bootstrap.builder().configRef(BOOTSTRAP).build())
                .addTaint(MachineTaint.builder().key("taint1").effect("NoSchedule").propagation("Always").build())
                .build())
        .build();
  }

  static MachineTemplateSpec withSpec(UnaryOperator<MachineSpec> f) {
    MachineTemplateSpec t = baseTemplate();
    return t.withSpec(f.apply(t.specOrEmpty()));
  }

  static Stream<Arguments> templateUpToDate() {
    MachineTemplateSpec base = baseTemplate();
    MachineTemplateSpec dataSecret1 = withSpec(s -> s.withBootstrap(Bootstrap.builder().dataSecretName("data-secret1").build()));
    MachineTemplateSpec dataSecret2 = withSpec(s -> s.withBootstrap(Bootstrap.builder().dataSecretName("data-secret2").build()));
    return Stream.of(
        arguments("Same spec, except desired does not have labels/annotations", base, baseTemplate(), true, null, null, null, null),
        arguments("Same spec, desired labels empty", base, base.withMetadata(TemplateMeta.builder().putAnnotation("a1", "v1").build()), true, null, null, null, null),
        arguments("Same spec, different labels", base, base.withMetadata(TemplateMeta.builder().putLabel("l2", "v2").putAnnotation("a1", "v1").build()), true, null, null, null, null),
        arguments("Same spec, desired annotations empty", base, base.withMetadata(TemplateMeta.builder().putLabel("l1", "v1").build()), true, null, null, null, null),
        arguments("Same spec, different annotations", base, base.withMetadata(TemplateMeta.builder().putLabel("l1", "v1").putAnnotation("a2", "v2").build()), true, null, null, null, null),
        arguments(
            "Spec changes, desired has different in-place mutable spec fields",
            base,
            withSpec(s -> s.withReadinessGates(MachineReadinessGate.of("foo"))
                .withDeletion(MachineDeletionSpec.builder().nodeDrainTimeoutSeconds(20).nodeVolumeDetachTimeoutSeconds(20).nodeDeletionTimeoutSeconds(20).build())
                .withMinReadySeconds(20)
                .withTaints(
                    MachineTaint.builder().key("taint1").effect("NoSchedule").propagation("Always").build(),
                    MachineTaint.builder().key("taint2").effect("NoExecute").propagation("Always").build())),
            true, null, null, null, null),
        arguments(
            "Spec changes, desired has different Version", base, withSpec(s -> s.withVersion("v1.26.0")), false,
            "spec.version v1.25.0, v1.26.0 required", "Version v1.25.0, v1.26.0 required",
            "spec.version v1.26.0, v1.25.0 required", "Version v1.26.0, v1.25.0 required"),
        arguments(
            "Spec changes, desired has different FailureDomain", base, withSpec(s -> s.withFailureDomain("failure-domain2")), false,
            "spec.failureDomain failure-domain1, failure-domain2 required", "Failure domain failure-domain1, failure-domain2 required",
            "spec.failureDomain failure-domain2, failure-domain1 required", "Failure domain failure-domain2, failure-domain1 required"),
        arguments(
            "Spec changes, desired has different InfrastructureRef", base, withSpec(s -> s.withInfrastructureRef(INFRA.withName("infra2"))), false,
            "spec.infrastructureRef InfrastructureMachineTemplate infra1, InfrastructureMachineTemplate infra2 required", "InfrastructureMachine is not up-to-date",
            "spec.infrastructureRef InfrastructureMachineTemplate infra2, InfrastructureMachineTemplate infra1 required", "InfrastructureMachine is not up-to-date"),
        arguments(
            "Spec changes, desired has different Bootstrap data secret", dataSecret1, dataSecret2, false,
            "spec.bootstrap.dataSecretName data-secret1, data-secret2 required", "spec.bootstrap.dataSecretName data-secret1, data-secret2 required",
            "spec.bootstrap.dataSecretName data-secret2, data-secret1 required", "spec.bootstrap.dataSecretName data-secret2, data-secret1 required"),
        arguments(
            "Spec changes, desired has different Bootstrap.ConfigRef", base,
            withSpec(s -> s.withBootstrap(Bootstrap.builder().configRef(BOOTSTRAP.withName("bootstrap2")).build())), false,
            "spec.bootstrap.configRef BootstrapConfigTemplate bootstrap1, BootstrapConfigTemplate bootstrap2 required", "BootstrapConfig is not up-to-date",
            "spec.bootstrap.configRef BootstrapConfigTemplate bootstrap2, BootstrapConfigTemplate bootstrap1 required", "BootstrapConfig is not up-to-date"),
        arguments(
            "Spec changes, desired has data secret instead of Bootstrap.ConfigRef", base, dataSecret1, false,
            "spec.bootstrap.configRef BootstrapConfigTemplate bootstrap1,   required", "BootstrapConfig is not up-to-date",
            "spec.bootstrap.dataSecretName data-secret1, nil required", "spec.bootstrap.dataSecretName data-secret1, nil required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateUpToDate")
  void machineTemplateUpToDate(
      String name, MachineTemplateSpec current, MachineTemplateSpec desired, boolean expectedUpToDate,
      String log1, String cond1, String log2, String cond2) {
    MachineDeploymentUtil.TemplateUpToDate r1 = MachineDeploymentUtil.machineTemplateUpToDate(current, desired);
    MachineDeploymentUtil.TemplateUpToDate r2 = MachineDeploymentUtil.machineTemplateUpToDate(desired, current);
    assertThat(r1.upToDate()).isEqualTo(expectedUpToDate);
    assertThat(r2.upToDate()).isEqualTo(expectedUpToDate);
    if (expectedUpToDate) {
      assertThat(r1.result()).isEqualTo(UpToDateResult.notEligible());
      assertThat(r2.result()).isEqualTo(UpToDateResult.notEligible());
      return;
    }
    assertThat(r1.result()).isEqualTo(new UpToDateResult(List.of(log1), List.of(cond1), true));
    assertThat(r2.result()).isEqualTo(new UpToDateResult(List.of(log2), List.of(cond2), true));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestFindNewAndOldMachineSets

  static final Instant A = Instant.parse("2025-06-01T12:00:00Z");

  static String at(int minutes) {
    return A.plusSeconds(60L * minutes).toString();
  }

  static MachineTemplateSpec nginxTemplate(String infraName, int drainTimeout, boolean taint) {
    var s =
        MachineSpec.builder()
            .infrastructureRef(ContractVersionedObjectReference.of("", "InfrastructureMachineTemplate", infraName))
            .deletion(MachineDeletionSpec.builder().nodeDrainTimeoutSeconds(drainTimeout).build());
    if (taint) {
      s.addTaint(MachineTaint.builder().key("taint-key").effect("NoSchedule").propagation("Always").build());
    }
    return MachineTemplateSpec.builder().metadata(TemplateMeta.builder().putLabel("name", "nginx").build()).spec(s.build()).build();
  }

  static MachineDeployment nginx(Instant rolloutAfter) {
    return ImmutableMachineDeployment.builder()
        .metadata(new ObjectMetaBuilder().withName("nginx").withNamespace("default").build())
        .spec(
            MachineDeploymentSpec.builder()
                .replicas(3)
                .template(nginxTemplate("new-infra-ref", 10, false))
                .rollout(MachineDeploymentRolloutSpec.builder().after(rolloutAfter == null ? "" : rolloutAfter.toString()).build())
                .build())
        .build();
  }

  static MachineSet msFor(String name, MachineTemplateSpec t, int replicas, String created) {
    return ImmutableMachineSet.builder()
        .metadata(new ObjectMetaBuilder().withName(name).withNamespace("default").withCreationTimestamp(created).build())
        .spec(MachineSetSpec.builder().replicas(replicas).template(t).build())
        .build();
  }

  static final String EXP_LOG =
      "spec.infrastructureRef InfrastructureMachineTemplate old-infra-ref, InfrastructureMachineTemplate new-infra-ref required";
  static final UpToDateResult EXP = new UpToDateResult(List.of(EXP_LOG), List.of("InfrastructureMachine is not up-to-date"), true);
  static final UpToDateResult EXP_EXPIRED =
      new UpToDateResult(List.of(EXP_LOG, "MachineDeployment spec.rolloutAfter expired"), List.of("InfrastructureMachine is not up-to-date"), false);
  static final UpToDateResult NONE = UpToDateResult.notEligible();

  static Stream<Arguments> findNewAndOld() {
    MachineTemplateSpec match = nginxTemplate("new-infra-ref", 10, false);
    MachineTemplateSpec old = nginxTemplate("old-infra-ref", 10, false);
    MachineSet matching = msFor("matching", match, 0, null);
    MachineSet matchingHi = msFor("matching-hi", match, 2, null);
    MachineSet matchingInPlace = msFor("matching-inplace", nginxTemplate("new-infra-ref", 20, true), 0, null);
    MachineSet oldMS = msFor("old", old, 0, null);
    MachineSet oldTm3 = msFor("old-t-3", old, 0, at(-3));
    MachineSet oldA = msFor("old-a", old, 0, at(0));
    MachineSet msTm3 = msFor("ms-t-3", match, 0, at(-3));
    MachineSet msTm2 = msFor("ms-t-2", match, 0, at(-2));
    MachineSet msA = msFor("ms-a", match, 0, at(0));
    MachineSet msTp1 = msFor("ms-t+1", match, 0, at(1));
    String noMatch = "couldn't find MachineSet matching MachineDeployment spec template: MachineSet ";
    return Stream.of(
        arguments("Get nil if no MachineSets exist", null, null, List.of(), null, List.of(), Map.of(),
            "no MachineSets exist for the MachineDeployment"),
        arguments("Get nil if there are no MachineTemplate that matches the intent of the MachineDeployment", null, null,
            List.of(oldMS), null, List.of(oldMS), Map.of("old", EXP), noMatch + "old needs rollout: " + EXP_LOG),
        arguments("Get the MachineSet with the MachineTemplate that matches the intent of the MachineDeployment", null, null,
            List.of(oldMS, matching), matching, List.of(oldMS), Map.of("old", EXP, "matching", NONE), ""),
        arguments("Get empty old MachineSets", null, null, List.of(matching), matching, List.of(), Map.of("matching", NONE), ""),
        arguments("Get the MachineSet with the higher replicas if multiple MachineSets match the desired intent", null, null,
            List.of(oldMS, matching, matchingHi), matchingHi, List.of(oldMS, matching),
            Map.of("old", EXP, "matching", NONE, "matching-hi", NONE), ""),
        arguments("Get the MachineSet with the MachineTemplate that matches the desired intent, ignoring in-place fields", null, null,
            List.of(oldMS, matchingInPlace), matchingInPlace, List.of(oldMS), Map.of("old", EXP, "matching-inplace", NONE), ""),
        arguments("Get nil if no MachineSet matches the desired intent of the MachineDeployment", null, null,
            List.of(oldMS), null, List.of(oldMS), Map.of("old", EXP), noMatch + "old needs rollout: " + EXP_LOG),
        arguments("Get nil, rolloutAfter expired, old MachineSet created before it is not eligible for in-place", A, A.plusSeconds(60),
            List.of(oldTm3), null, List.of(oldTm3), Map.of("old-t-3", EXP_EXPIRED),
            noMatch + "old-t-3 needs rollout: " + EXP_LOG + ", MachineDeployment spec.rolloutAfter expired"),
        arguments("Get nil, rolloutAfter expired, old MachineSet created at rolloutAfter stays eligible", A, A.plusSeconds(60),
            List.of(oldA), null, List.of(oldA), Map.of("old-a", EXP), noMatch + "old-a needs rollout: " + EXP_LOG),
        arguments("Get the oldest matching MachineSet when rolloutAfter is not yet expired", A, A.minusSeconds(60),
            List.of(msTm2, msTm3), msTm3, List.of(msTm2), Map.of("ms-t-2", NONE, "ms-t-3", NONE), ""),
        arguments("Get nil when rolloutAfter expired and no MachineSet was created afterwards", A, A.plusSeconds(60),
            List.of(msTm2, msTm3, oldTm3), null, List.of(oldTm3, msTm3, msTm2),
            Map.of("ms-t-2", NONE, "ms-t-3", NONE, "old-t-3", EXP_EXPIRED),
            "spec.rollout.after on MachineDeployment set to " + MachineDeploymentUtil.formatRfc3339(A) + ", no MachineSet has been created afterwards"),
        arguments("Get the MachineSet created after rolloutAfter", A, A.plusSeconds(120),
            List.of(msTp1, msTm2), msTp1, List.of(msTm2), Map.of("ms-t+1", NONE, "ms-t-2", NONE), ""),
        arguments("Get the MachineSet created exactly at rolloutAfter", A, A.plusSeconds(120),
            List.of(msA, msTm2), msA, List.of(msTm2), Map.of("ms-a", NONE, "ms-t-2", NONE), ""),
        arguments("Get the MachineSet created exactly at rolloutAfter when reconciling right after it (issue 12260)", A, A.plusSeconds(60),
            List.of(msA, msTm2), msA, List.of(msTm2), Map.of("ms-a", NONE, "ms-t-2", NONE), ""),
        arguments("Get the MachineSet created after rolloutAfter, whatever the input order", A, A.plusSeconds(120),
            List.of(msTm2, msTp1), msTp1, List.of(msTm2), Map.of("ms-t+1", NONE, "ms-t-2", NONE), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findNewAndOld")
  void findNewAndOldMachineSets(
      String name, Instant after, Instant now, List<MachineSet> msList, MachineSet expectedNew,
      List<MachineSet> expectedOld, Map<String, UpToDateResult> expectedResults, String expectedReason) {
    MachineDeploymentUtil.FindResult r =
        MachineDeploymentUtil.findNewAndOldMachineSets(nginx(after), msList, now == null ? A : now);
    assertThat(r.newMachineSet().orElse(null)).isEqualTo(expectedNew);
    assertThat(r.oldMachineSets()).containsExactlyElementsOf(expectedOld);
    assertThat(r.upToDateResults()).isEqualTo(expectedResults);
    assertThat(r.createReason()).isEqualTo(expectedReason);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestGetReplicaCountForMachineSets

  @Test
  void getReplicaCountForMachineSets() {
    MachineSet ms1 = ms("ms1", "v", 1).status(2).build();
    MachineSet ms2 = ms("ms2", "v", 5).status(3).build();
    assertThat(MachineDeploymentUtil.getReplicaCountForMachineSets(List.of(ms1))).isEqualTo(1);
    assertThat(MachineDeploymentUtil.getActualReplicaCountForMachineSets(List.of(ms1))).contains(2);
    assertThat(MachineDeploymentUtil.totalMachineSetsReplicaSum(List.of(ms1))).isEqualTo(2);
    assertThat(MachineDeploymentUtil.getReplicaCountForMachineSets(List.of(ms1, ms2))).isEqualTo(6);
    assertThat(MachineDeploymentUtil.getActualReplicaCountForMachineSets(List.of(ms1, ms2))).contains(5);
    assertThat(MachineDeploymentUtil.totalMachineSetsReplicaSum(List.of(ms1, ms2))).isEqualTo(7);
    MachineSet unset = ms("ms3", "v", 1).status(null).available(null).build();
    assertThat(MachineDeploymentUtil.getActualReplicaCountForMachineSets(List.of(unset))).isEmpty();
    assertThat(MachineDeploymentUtil.getAvailableReplicaCountForMachineSets(List.of(unset))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestResolveFenceposts

  static Stream<Arguments> fenceposts() {
    return Stream.of(
        arguments("0%/0%/0", "0%", "0%", 0, 0, 1, false),
        arguments("39%/39%/10", "39%", "39%", 10, 4, 3, false),
        arguments("oops/39%/10", "oops", "39%", 10, 0, 0, true),
        arguments("55%/urg/10", "55%", "urg", 10, 0, 0, true),
        arguments("5/1/7", "5", "1", 7, 0, 0, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fenceposts")
  void resolveFenceposts(String name, String surge, String unavailable, int desired, int expSurge, int expUnav, boolean expectError) {
    IntOrString s = IntOrPercent.of(surge);
    IntOrString u = IntOrPercent.of(unavailable);
    if (expectError) {
      assertThatThrownBy(() -> MachineDeploymentUtil.resolveFenceposts(s, u, desired)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    assertThat(MachineDeploymentUtil.resolveFenceposts(s, u, desired)).isEqualTo(new MachineDeploymentUtil.Fenceposts(expSurge, expUnav));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestNewMSNewReplicas

  static MachineDeployment mdStrategy(String type, int replicas, int maxSurge) {
    var s = MachineDeploymentRolloutStrategy.builder().type(type);
    if (type.equals(MachineDeploymentRolloutStrategy.ROLLING_UPDATE)) {
      s.rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(IntOrPercent.of(maxSurge), IntOrPercent.of(1)));
    }
    return ImmutableMachineDeployment.builder()
        .metadata(new ObjectMetaBuilder().withName("md").build())
        .spec(MachineDeploymentSpec.builder().replicas(replicas).rollout(MachineDeploymentRolloutSpec.builder().strategy(s.build()).build()).build())
        .build();
  }

  static Stream<Arguments> newMSNewReplicas() {
    return Stream.of(
        arguments("RollingUpdate: can not scale up due to maxSurge", "RollingUpdate", 1, 2, 5, 4, 4,
            "9 current Machines >= 1 MachineDeployment spec.replicas + 2 maxSurge"),
        arguments("RollingUpdate: scale up", "RollingUpdate", 6, 3, 5, 2, 4,
            "7 current Machines < 6 MachineDeployment spec.replicas + 3 maxSurge"),
        arguments("OnDelete: can not scale up", "OnDelete", 1, 2, 3, 5, 5, "8 current Machines >= 1 MachineDeployment spec.replicas"),
        arguments("OnDelete: scale up", "OnDelete", 6, 10, 1, 2, 5, "3 current Machines < 6 MachineDeployment spec.replicas"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newMSNewReplicas")
  void newMSNewReplicas(String name, String strategy, int replicas, int maxSurge, int oldReplicas, int newReplicas, int expected, String note) {
    MachineSet old = ms("old", "v1", oldReplicas).status(null).available(null).build();
    MachineSet neu = ms("new", "v2", newReplicas).status(null).available(null).build();
    MachineDeploymentUtil.NewReplicas r =
        MachineDeploymentUtil.newMSNewReplicas(mdStrategy(strategy, replicas, maxSurge), List.of(old, neu), newReplicas);
    assertThat(r).isEqualTo(new MachineDeploymentUtil.NewReplicas(expected, note));
  }

  @Test
  void newMSNewReplicasErrors() {
    MachineDeployment noSurge = mdStrategy("RollingUpdate", 3, 1);
    MachineDeployment nilSurge =
        noSurge.withSpec(noSurge.spec().withRollout(MachineDeploymentRolloutSpec.builder()
            .strategy(MachineDeploymentRolloutStrategy.builder().type("RollingUpdate").build()).build()));
    assertThatThrownBy(() -> MachineDeploymentUtil.newMSNewReplicas(nilSurge, List.of(), 0)).hasMessage("nil value for IntOrString");
    assertThatThrownBy(() -> MachineDeploymentUtil.newMSNewReplicas(mdStrategy("Foo", 3, 1), List.of(), 0))
        .hasMessage("failed to compute replicas: deployment strategy Foo isn't supported");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestDeploymentComplete

  static Stream<Arguments> deploymentComplete() {
    return Stream.of(
        arguments("not complete: min but not all machines become available", 5, 5, 5, 4, 1, 0, false),
        arguments("not complete: min availability is not honored", 5, 5, 5, 3, 1, 0, false),
        arguments("complete", 5, 5, 5, 5, 0, 0, true),
        arguments("not complete: all machines are available but not updated", 5, 5, 4, 5, 0, 0, false),
        arguments("not complete: still running old machines", 1, 2, 1, 1, 0, 1, false),
        arguments("not complete: one replica deployment never comes up", 1, 1, 1, 0, 1, 1, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deploymentComplete")
  void deploymentComplete(String name, int desired, int current, int upToDate, int available, int maxUnavailable, int maxSurge, boolean expected) {
    MachineDeployment md =
        ImmutableMachineDeployment.builder()
            .metadata(new ObjectMetaBuilder().withName("md").withGeneration(0L).build())
            .spec(MachineDeploymentSpec.builder().replicas(desired)
                .rollout(MachineDeploymentRolloutSpec.builder().strategy(MachineDeploymentRolloutStrategy.builder().type("RollingUpdate")
                    .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(IntOrPercent.of(maxSurge), IntOrPercent.of(maxUnavailable))).build()).build())
                .build())
            .build();
    MachineDeploymentStatus status =
        MachineDeploymentStatus.builder().replicas(current).upToDateReplicas(upToDate).availableReplicas(available).observedGeneration(0L).build();
    assertThat(MachineDeploymentUtil.deploymentComplete(md, status)).isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestMaxUnavailable

  static Stream<Arguments> maxUnavailable() {
    return Stream.of(
        arguments("maxUnavailable less than replicas", 10, IntOrPercent.of(5), 5),
        arguments("maxUnavailable equal replicas", 10, IntOrPercent.of(10), 10),
        arguments("maxUnavailable greater than replicas", 5, IntOrPercent.of(10), 5),
        arguments("maxUnavailable with replicas is 0", 0, IntOrPercent.of(10), 0),
        arguments("maxUnavailable less than replicas with percents", 10, IntOrPercent.of("50%"), 5),
        arguments("maxUnavailable equal replicas with percents", 10, IntOrPercent.of("100%"), 10),
        arguments("maxUnavailable greater than replicas with percents", 5, IntOrPercent.of("100%"), 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maxUnavailable")
  void maxUnavailable(String name, int replicas, IntOrString maxUnavailable, int expected) {
    MachineDeployment md =
        ImmutableMachineDeployment.builder()
            .spec(MachineDeploymentSpec.builder().replicas(replicas)
                .rollout(MachineDeploymentRolloutSpec.builder().strategy(MachineDeploymentRolloutStrategy.builder().type("RollingUpdate")
                    .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(IntOrPercent.of(1), maxUnavailable)).build()).build())
                .build())
            .build();
    assertThat(MachineDeploymentUtil.maxUnavailable(md)).isEqualTo(expected);
  }

  @Test
  void maxSurgeIsZeroUnlessRollingUpdateAndNotCapped() {
    assertThat(MachineDeploymentUtil.maxSurge(Fixtures.md("v", 3))).isZero();
    assertThat(MachineDeploymentUtil.maxSurge(Fixtures.mdOnDelete("v", 3))).isZero();
    assertThat(MachineDeploymentUtil.maxSurge(Fixtures.md("v", 3, 10, 0))).isEqualTo(10);
    assertThat(MachineDeploymentUtil.maxSurge(Fixtures.md("v", 0, 2, 0))).isEqualTo(2);
    assertThat(MachineDeploymentUtil.maxUnavailable(Fixtures.md("v", 3, 0, 0))).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestMachineSetAnnotationsFromMachineDeployment

  @Test
  void machineSetAnnotationsFromMachineDeployment() {
    Map<String, String> a = new LinkedHashMap<>();
    for (String k : List.of(Capi.LAST_APPLIED_CONFIGURATION_ANNOTATION, Capi.REVISION_ANNOTATION, Capi.REVISION_HISTORY_ANNOTATION,
        Capi.DESIRED_REPLICAS_ANNOTATION, Capi.MAX_REPLICAS_ANNOTATION, Capi.CONVERSION_DATA_ANNOTATION)) {
      a.put(k, "foo");
    }
    a.put("bar", "bar");
    MachineDeployment md = Fixtures.md("v", 3, 1, 0);
    md = md.withMetadata(new ObjectMetaBuilder(md.metadata()).withAnnotations(a).build());
    assertThat(MachineDeploymentUtil.machineSetAnnotationsFromMachineDeployment(md))
        .isEqualTo(Map.of("bar", "bar", Capi.DESIRED_REPLICAS_ANNOTATION, "3", Capi.MAX_REPLICAS_ANNOTATION, "4"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestIsSaturated

  static Stream<Arguments> saturated() {
    return Stream.of(
        arguments("not saturated: spec.replicas differs", 1, 1, false),
        arguments("not saturated: not all available", 3, 1, false),
        arguments("saturated", 3, 3, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("saturated")
  void isSaturated(String name, int spec, int available, boolean expected) {
    MachineSet ms = ms("ms", "v", spec).available(available).annotation(Capi.DESIRED_REPLICAS_ANNOTATION, "3").build();
    assertThat(MachineDeploymentUtil.isSaturated(Fixtures.md("v", 3), ms)).isEqualTo(expected);
  }

  @Test
  void isSaturatedNeedsAParsableDesiredReplicasAnnotation() {
    assertThat(MachineDeploymentUtil.isSaturated(Fixtures.md("v", 3), ms("ms", "v", 3).build())).isFalse();
    assertThat(MachineDeploymentUtil.isSaturated(Fixtures.md("v", 3), null)).isFalse();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestComputeRevisionAnnotations / TestGetRevisionAnnotations

  static MachineSet msRH(String revision, String history) {
    Fixtures.MS b = ms("ms-" + revision, "v", 1).annotation(Capi.REVISION_ANNOTATION, revision);
    if (!history.isEmpty()) {
      b.annotation(Capi.REVISION_HISTORY_ANNOTATION, history);
    }
    return b.build();
  }

  static Stream<Arguments> revisionAnnotations() {
    return Stream.of(
        arguments("no oldMS, no newMS", List.of(), null, Map.of(Capi.REVISION_ANNOTATION, "1"), "1"),
        arguments("one oldMS, no newMS", List.of(msRH("1", "")), null, Map.of(Capi.REVISION_ANNOTATION, "2"), "2"),
        arguments("no oldMS, newMS", List.of(), msRH("1", ""), Map.of(Capi.REVISION_ANNOTATION, "1"), "1"),
        arguments("oldMSs with higher revisions, newMS gets a new revision and history", List.of(msRH("1", ""), msRH("2", "")), msRH("1", ""),
            Map.of(Capi.REVISION_ANNOTATION, "3", Capi.REVISION_HISTORY_ANNOTATION, "1"), "3"),
        arguments("newMS already has the highest revision", List.of(msRH("1", ""), msRH("2", "")), msRH("4", ""),
            Map.of(Capi.REVISION_ANNOTATION, "4"), "4"),
        arguments("history is appended", List.of(msRH("3", ""), msRH("4", "")), msRH("2", "1"),
            Map.of(Capi.REVISION_ANNOTATION, "5", Capi.REVISION_HISTORY_ANNOTATION, "1,2"), "5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("revisionAnnotations")
  void computeRevisionAnnotations(String name, List<MachineSet> oldMSs, MachineSet newMS, Map<String, String> expected, String revision) {
    MachineDeploymentUtil.RevisionAnnotations r = MachineDeploymentUtil.computeRevisionAnnotations(newMS, oldMSs);
    assertThat(r.annotations()).isEqualTo(expected);
    assertThat(r.revision()).isEqualTo(revision);
  }

  @Test
  void computeRevisionAnnotationsRejectsAnUnparsableCurrentRevision() {
    MachineSet bad = msRH("x", "");
    assertThatThrownBy(() -> MachineDeploymentUtil.computeRevisionAnnotations(bad, List.of()))
        .hasMessage("failed to parse current revision on MachineSet ms-x");
  }

  @Test
  void getRevisionAnnotations() {
    assertThat(MachineDeploymentUtil.getRevisionAnnotations(msRH("2", "1")))
        .isEqualTo(Map.of(Capi.REVISION_ANNOTATION, "2", Capi.REVISION_HISTORY_ANNOTATION, "1"));
    assertThat(MachineDeploymentUtil.getRevisionAnnotations(ms("ms", "v", 1).build())).isEmpty();
  }

  @Test
  void revisionAndMaxRevision() {
    assertThat(MachineDeploymentUtil.revision(ms("ms", "v", 1).build())).isZero();
    assertThat(MachineDeploymentUtil.revision(msRH("7", ""))).isEqualTo(7);
    assertThatThrownBy(() -> MachineDeploymentUtil.revision(msRH("x", ""))).hasMessage("strconv.ParseInt: parsing \"x\": invalid syntax");
    assertThat(MachineDeploymentUtil.maxRevision(List.of(msRH("3", ""), msRH("x", ""), msRH("5", "")))).isEqualTo(5);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Legacy scaling helpers and names

  @Test
  void roundToInt32RoundsHalfAwayFromZero() {
    assertThat(MachineDeploymentUtil.roundToInt32(2.5)).isEqualTo(3);
    assertThat(MachineDeploymentUtil.roundToInt32(-2.5)).isEqualTo(-3);
    assertThat(MachineDeploymentUtil.roundToInt32(-2.4)).isEqualTo(-2);
    assertThat(MachineDeploymentUtil.roundToInt32(2.49)).isEqualTo(2);
  }

  @Test
  void getProportion() {
    MachineDeployment md = Fixtures.md("v", 10, 0, 1);
    MachineSet ms = ms("ms", "v", 5).annotation(Capi.MAX_REPLICAS_ANNOTATION, "5").build();
    // fraction = round(5 * 10 / 5) - 5 = 5
    assertThat(MachineDeploymentUtil.getProportion(ms, md, 8, 0)).isEqualTo(5);
    assertThat(MachineDeploymentUtil.getProportion(ms, md, 3, 0)).isEqualTo(3);
    assertThat(MachineDeploymentUtil.getProportion(ms, md, 3, 3)).isZero();
    assertThat(MachineDeploymentUtil.getProportion(null, md, 3, 0)).isZero();
    MachineDeployment shrink = Fixtures.md("v", 3, 0, 1);
    MachineSet ms4 = ms("ms", "v", 4).annotation(Capi.MAX_REPLICAS_ANNOTATION, "8").build();
    // fraction = round(4 * 3 / 8) - 4 = round(1.5) - 4 = -2, limited by allowed -1
    assertThat(MachineDeploymentUtil.getProportion(ms4, shrink, -1, 0)).isEqualTo(-1);
    assertThat(MachineDeploymentUtil.getProportion(ms4, shrink, -5, 0)).isEqualTo(-2);
    assertThat(MachineDeploymentUtil.getProportion(ms4, Fixtures.md("v", 0, 0, 1), -5, 0)).isEqualTo(-4);
  }

  @Test
  void findOneActiveOrLatest() {
    MachineSet newMS = ms("new", "v2", 0).created(T1).build();
    MachineSet old1 = ms("old1", "v1", 0).created(T0).build();
    MachineSet old2 = ms("old2", "v1", 0).created(T1).build();
    MachineSet active = ms("active", "v1", 2).created(T0).build();
    assertThat(MachineDeploymentUtil.findOneActiveOrLatest(null, List.of())).isEmpty();
    assertThat(MachineDeploymentUtil.findOneActiveOrLatest(newMS, List.of(old1))).contains(newMS);
    assertThat(MachineDeploymentUtil.findOneActiveOrLatest(null, List.of(old1, old2))).contains(old2);
    assertThat(MachineDeploymentUtil.findOneActiveOrLatest(newMS, List.of(old1, active))).contains(active);
    assertThat(MachineDeploymentUtil.findOneActiveOrLatest(active, List.of(ms("a2", "v1", 1).build()))).isEmpty();
  }

  static Stream<Arguments> newMachineSetNames() {
    return Stream.of(
        arguments("short base", "a", "a"),
        arguments("base of 58 characters", "0".repeat(58), "0".repeat(58)),
        arguments("base of 59 characters", "0".repeat(59), "0".repeat(58)),
        arguments("base of 100 characters", "0".repeat(100), "0".repeat(58)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newMachineSetNames")
  void computeNewMachineSetName(String name, String base, String expectedPrefix) {
    NewMachineSetName n = MachineDeploymentUtil.computeNewMachineSetName(base, new SplittableRandom(42));
    assertThat(n.name()).startsWith(expectedPrefix).hasSize(expectedPrefix.length() + 5).hasSizeLessThanOrEqualTo(63);
    assertThat(n.name()).endsWith(n.suffix());
    assertThat(n.suffix()).hasSize(5).matches("[" + RandomNames.ALPHABET + "]{5}");
    assertThat(MachineDeploymentUtil.computeNewMachineSetName(base, new SplittableRandom(42))).isEqualTo(n);
  }

  @Test
  void isUpdateInProgressAndIsControlledBy() {
    assertThat(MachineDeploymentUtil.isUpdateInProgress(Fixtures.m("m1", "ms1", "v"))).isFalse();
    assertThat(MachineDeploymentUtil.isUpdateInProgress(Fixtures.m("m1", "ms1", "v", Capi.UPDATE_IN_PROGRESS_ANNOTATION))).isTrue();
    var m = Fixtures.m("m1", "ms1", "v");
    var hooked = m.withMetadata(new ObjectMetaBuilder(m.metadata()).addToAnnotations(Capi.PENDING_HOOKS_ANNOTATION, "Foo,UpdateMachine").build());
    assertThat(MachineDeploymentUtil.isUpdateInProgress(hooked)).isTrue();
    assertThat(MachineDeploymentUtil.isControlledBy(m, Capi.GROUP, "MachineSet", "ms1")).isTrue();
    assertThat(MachineDeploymentUtil.isControlledBy(m, Capi.GROUP, "MachineSet", "ms2")).isFalse();
    assertThat(MachineDeploymentUtil.isControlledBy(m, "other.group", "MachineSet", "ms1")).isFalse();
  }

  @Test
  void machineTemplateDeepCopyRolloutFieldsKeepsTheSpec() {
    MachineTemplateSpec t = baseTemplate();
    MachineTemplateSpec c = MachineDeploymentUtil.machineTemplateDeepCopyRolloutFields(t);
    assertThat(c.metadataOrEmpty().labels()).isEmpty();
    assertThat(c.metadataOrEmpty().annotations()).isEmpty();
    assertThat(c.spec()).isEqualTo(t.spec());
  }

  @Test
  void sumsAreEmptyOrTotal() {
    MachineSet ms1 = ImmutableMachineSet.builder().spec(MachineSetSpec.builder().replicas(1).build())
        .status(MachineSetStatus.builder().readyReplicas(1).upToDateReplicas(1).build()).build();
    assertThat(MachineDeploymentUtil.getReadyReplicaCountForMachineSets(List.of(ms1))).contains(1);
    assertThat(MachineDeploymentUtil.getUpToDateReplicaCountForMachineSets(List.of(ms1))).contains(1);
    assertThat(MachineDeploymentUtil.filterActiveMachineSets(List.of(ms1, ms("z", "v", 0).build()))).containsExactly(ms1);
  }
}
