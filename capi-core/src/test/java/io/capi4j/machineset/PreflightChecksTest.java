package io.capi4j.machineset;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.Kubeadm;
import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.ImmutableTopology;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.Topology;
import io.capi4j.validation.FeatureGates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.JsonNodeFactory;

/** Upstream's {@code TestMachineSetReconciler_runPreflightChecks} and {@code TestMachineSetReconciler_shouldRun}. */
class PreflightChecksTest {
  private static final String NS = "ns1";
  private static final FeatureGates GATES = FeatureGates.defaults().with(FeatureGates.CLUSTER_TOPOLOGY, true);

  private static GenericKubernetesResource controlPlane(String specVersion, String statusVersion) {
    GenericKubernetesResource cp =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("controlplane.cluster.x-k8s.io/v1beta2")
            .withKind("GenericControlPlane")
            .withMetadata(new ObjectMetaBuilder().withNamespace(NS).withName("cp1").build())
            .build();
    Map<String, Object> props = new LinkedHashMap<>();
    if (specVersion != null) {
      props.put("spec", Map.of("version", specVersion));
    }
    if (statusVersion != null) {
      props.put("status", Map.of("version", statusVersion));
    }
    cp.setAdditionalProperties(props);
    return cp;
  }

  private static final GenericKubernetesResource NO_VERSION = controlPlane(null, null);
  private static final GenericKubernetesResource INVALID_VERSION = controlPlane("v1.25.6.0", null);
  private static final GenericKubernetesResource PROVISIONING = controlPlane("v1.25.6", null);
  private static final GenericKubernetesResource UPGRADING = controlPlane("v1.26.2", "v1.25.2");
  private static final GenericKubernetesResource STABLE = controlPlane("v1.26.2", "v1.26.2");
  private static final GenericKubernetesResource STABLE_128 = controlPlane("v1.28.0", "v1.28.0");

  private static final Topology CLASS_TOPOLOGY =
      ImmutableTopology.builder()
          .putUnknownField("classRef", JsonNodeFactory.instance.objectNode().put("name", "class"))
          .build();

  private static Cluster cluster(GenericKubernetesResource cp, Topology topology, Map<String, String> annotations) {
    io.capi4j.api.core.v1beta2.ImmutableClusterSpec.Builder spec = ClusterSpec.builder();
    if (cp != null) {
      spec.controlPlaneRef(ContractVersionedObjectReference.of(
          Capi.CONTROLPLANE_GROUP, cp.getKind(), cp.getMetadata().getName()));
    }
    if (topology != null) {
      spec.topology(topology);
    }
    return Cluster.builder()
        .metadata(new ObjectMetaBuilder().withNamespace(NS).withName("c").withAnnotations(annotations).build())
        .spec(spec.build())
        .build();
  }

  private static Cluster cluster(GenericKubernetesResource cp) {
    return cluster(cp, null, Map.of());
  }

  private static final ContractVersionedObjectReference KUBEADM_REF =
      ContractVersionedObjectReference.of(Kubeadm.GROUP, "KubeadmConfigTemplate", "bootstrap-template");

  private static MachineSet machineSet(String skip, String version, ContractVersionedObjectReference bootstrapRef) {
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withNamespace(NS).withName("ms");
    if (skip != null) {
      meta.addToAnnotations(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, skip);
    }
    io.capi4j.api.core.v1beta2.ImmutableMachineSpec.Builder spec = MachineSpec.builder().version(version);
    if (bootstrapRef != null) {
      spec.bootstrap(Bootstrap.builder().configRef(bootstrapRef).build());
    }
    return ImmutableMachineSet.builder()
        .metadata(meta.build())
        .spec(MachineSetSpec.builder().template(MachineTemplateSpec.builder().spec(spec.build()).build()).build())
        .build();
  }

  private static final MachineSet EMPTY_MS = machineSet(null, "", null);

  private static String pending(String v) {
    return "GenericControlPlane ns1/cp1 has a pending version upgrade to " + v
        + " (\"ControlPlaneIsStable\" preflight check failed)";
  }

  static Stream<Arguments> cases() {
    Map<String, String> noAnnotations = Map.of();
    return Stream.of(
        Arguments.of("should pass if cluster has no control plane", cluster(null), null, EMPTY_MS, noAnnotations,
            List.of(), false),
        Arguments.of("should pass if the control plane version is not defined", cluster(NO_VERSION), NO_VERSION,
            EMPTY_MS, noAnnotations, List.of(), false),
        Arguments.of("should error if the control plane version is invalid", cluster(INVALID_VERSION),
            INVALID_VERSION, EMPTY_MS, noAnnotations, List.of(), true),
        Arguments.of("should pass if all preflight checks are skipped", cluster(UPGRADING), UPGRADING,
            machineSet("All", "", KUBEADM_REF),
            Map.of(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, "KubeadmVersionSkew"), List.of(), false),
        Arguments.of("should pass if all preflight checks are skipped via the bootstrap config template",
            cluster(UPGRADING), UPGRADING, machineSet(null, "", KUBEADM_REF),
            Map.of(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, "All"), List.of(), false),
        Arguments.of("control plane preflight check: should fail if the control plane is provisioning",
            cluster(PROVISIONING), PROVISIONING, EMPTY_MS, noAnnotations,
            List.of("GenericControlPlane ns1/cp1 is provisioning (\"ControlPlaneIsStable\" preflight check failed)"),
            false),
        Arguments.of("control plane preflight check: should fail if the control plane is upgrading",
            cluster(UPGRADING), UPGRADING, EMPTY_MS, noAnnotations,
            List.of("GenericControlPlane ns1/cp1 is upgrading (\"ControlPlaneIsStable\" preflight check failed)"),
            false),
        Arguments.of("control plane preflight check: should fail if the cluster defines a different version than"
                + " the control plane",
            cluster(STABLE, Topology.of("v1.27.2"), Map.of()), STABLE, EMPTY_MS, noAnnotations,
            List.of(pending("v1.27.2")), false),
        Arguments.of("control plane preflight check: should fail if the cluster has an upgrade step different from"
                + " the control plane version",
            cluster(STABLE, Topology.of("v1.27.2"), Map.of(Capi.CLUSTER_TOPOLOGY_UPGRADE_STEP_ANNOTATION, "v1.27.0")),
            STABLE, EMPTY_MS, noAnnotations, List.of(pending("v1.27.0")), false),
        Arguments.of("control plane preflight check: should pass if the control plane is upgrading but the"
                + " preflight check is skipped",
            cluster(UPGRADING), UPGRADING,
            machineSet("ControlPlaneIsStable", "v1.26.2",
                ContractVersionedObjectReference.builder().kind("KubeadmConfigTemplate").build()),
            noAnnotations, List.of(), false),
        Arguments.of("control plane preflight check: should pass if the control plane is stable", cluster(STABLE),
            STABLE, EMPTY_MS, noAnnotations, List.of(), false),
        Arguments.of("control plane preflight check: should pass if the control plane is at the current upgrade"
                + " step",
            cluster(STABLE_128, Topology.of("v1.27.2"),
                Map.of(Capi.CLUSTER_TOPOLOGY_UPGRADE_STEP_ANNOTATION, "v1.28.0")),
            STABLE_128, EMPTY_MS, noAnnotations, List.of(), false),
        Arguments.of("should pass if the machine set version is not defined", cluster(STABLE), STABLE,
            machineSet(null, "", null), noAnnotations, List.of(), false),
        Arguments.of("should error if the machine set version is invalid", cluster(STABLE), STABLE,
            machineSet(null, "v1.27.0.0", null), noAnnotations, List.of(), true),
        Arguments.of("kubernetes version preflight check: should fail if the machine set minor version is greater"
                + " than control plane minor version",
            cluster(STABLE), STABLE, machineSet(null, "v1.27.0", null), noAnnotations,
            List.of("MachineSet version (1.27.0) and ControlPlane version (1.26.2) do not conform to the kubernetes"
                + " version skew policy as MachineSet version is higher than ControlPlane version"
                + " (\"KubernetesVersionSkew\" preflight check failed)"),
            false),
        Arguments.of("kubernetes version preflight check: should fail if the machine set minor version is 4 older"
                + " than control plane minor version",
            cluster(STABLE_128), STABLE_128, machineSet(null, "v1.24.0", null), noAnnotations,
            List.of("MachineSet version (1.24.0) and ControlPlane version (1.28.0) do not conform to the kubernetes"
                + " version skew policy as MachineSet version is more than 3 minor versions older than the"
                + " ControlPlane version (\"KubernetesVersionSkew\" preflight check failed)"),
            false),
        Arguments.of("kubernetes version preflight check: should pass if the machine set minor version is greater"
                + " than control plane minor version but the preflight check is skipped",
            cluster(STABLE), STABLE, machineSet("KubernetesVersionSkew", "v1.27.0", null), noAnnotations,
            List.of(), false),
        Arguments.of("kubernetes version preflight check: should pass if the machine set minor version and control"
                + " plane version conform to kubernetes version skew policy",
            cluster(STABLE_128), STABLE_128, machineSet(null, "v1.25.0", null), noAnnotations, List.of(), false),
        Arguments.of("kubeadm version preflight check: should fail if the machine set version is not equal"
                + " (major+minor) to control plane version when using kubeadm bootstrap provider",
            cluster(STABLE), STABLE, machineSet(null, "v1.25.5", KUBEADM_REF), noAnnotations,
            List.of("MachineSet version (1.25.5) and ControlPlane version (1.26.2) do not conform to kubeadm version"
                + " skew policy as kubeadm only supports joining with the same major+minor version as the control"
                + " plane (\"KubeadmVersionSkew\" preflight check failed)"),
            false),
        Arguments.of("kubeadm version preflight check: should pass if the machine set is not using kubeadm"
                + " bootstrap provider",
            cluster(STABLE), STABLE, machineSet(null, "v1.25.0", null), noAnnotations, List.of(), false),
        Arguments.of("kubeadm version preflight check: should pass if the machine set version and control plane"
                + " version do not conform to kubeadm version skew policy but the preflight check is skipped",
            cluster(STABLE), STABLE, machineSet("foobar,KubeadmVersionSkew", "v1.25.0", KUBEADM_REF), noAnnotations,
            List.of(), false),
        Arguments.of("kubeadm version preflight check: should pass if the machine set version and control plane"
                + " version conform to kubeadm version skew when using kubeadm bootstrap provider",
            cluster(STABLE), STABLE, machineSet(null, "v1.26.2", KUBEADM_REF), noAnnotations, List.of(), false),
        Arguments.of("control plane version preflight check: should pass if the machine set version and control"
                + " plane version are not the same but the preflight check is skipped",
            cluster(STABLE, CLASS_TOPOLOGY, Map.of()), STABLE,
            machineSet("foobar,ControlPlaneVersionSkew,ControlPlaneIsStable", "v1.26.0", null), noAnnotations,
            List.of(), false),
        Arguments.of("control plane version preflight check: should pass if the machine set version and control"
                + " plane version are not the same but the Cluster does not have a managed topology",
            cluster(STABLE), STABLE, machineSet("ControlPlaneIsStable", "v1.26.0", null), noAnnotations, List.of(),
            false),
        Arguments.of("control plane version preflight check: should fail if the machine set version and control"
                + " plane version are not the same",
            cluster(STABLE, CLASS_TOPOLOGY, Map.of()), STABLE, machineSet("ControlPlaneIsStable", "v1.26.0", null),
            noAnnotations,
            List.of("MachineSet version (v1.26.0) is not yet the same as the ControlPlane version (v1.26.2), waiting"
                + " for version to be propagated to the MachineSet (\"ControlPlaneVersionSkew\" preflight check"
                + " failed)"),
            false),
        Arguments.of("control plane version preflight check: should pass if the machine set version and control"
                + " plane version are the same",
            cluster(STABLE, CLASS_TOPOLOGY, Map.of()), STABLE, machineSet("ControlPlaneIsStable", "v1.26.2", null),
            noAnnotations, List.of(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void runPreflightChecks(
      String name, Cluster cluster, GenericKubernetesResource cp, MachineSet ms, Map<String, String> templateAnnotations,
      List<String> wantMessages, boolean wantErr) {
    PreflightChecks.Result r = PreflightChecks.run("", cluster, ms, Optional.ofNullable(cp),
        Optional.of(templateAnnotations), GATES, PreflightChecks.DEFAULT_ENABLED);
    assertThat(r.error().isPresent()).as("error: %s", r.error()).isEqualTo(wantErr);
    assertThat(r.messages()).isEqualTo(wantMessages);
  }

  @Test
  void shouldNotRunThePreflightChecksIfTheFeatureGateIsDisabled() {
    PreflightChecks.Result r = PreflightChecks.run("", cluster(UPGRADING), machineSet(null, "v1.26.0", KUBEADM_REF),
        Optional.of(UPGRADING), Optional.of(Map.of()),
        GATES.with(FeatureGates.MACHINE_SET_PREFLIGHT_CHECKS, false), PreflightChecks.DEFAULT_ENABLED);
    assertThat(r.passed()).isTrue();
  }

  @Test
  void noEnabledChecksPass() {
    PreflightChecks.Result r = PreflightChecks.run("", cluster(UPGRADING), EMPTY_MS, Optional.of(UPGRADING),
        Optional.of(Map.of()), GATES, Set.of());
    assertThat(r.passed()).isTrue();
  }

  @Test
  void missingControlPlaneOrTemplateIsAnError() {
    PreflightChecks.Result r = PreflightChecks.run("Scale up", cluster(STABLE), EMPTY_MS, Optional.empty(),
        Optional.of(Map.of()), GATES, PreflightChecks.DEFAULT_ENABLED);
    assertThat(r.error()).hasValue("failed to perform \"Scale up\": failed to perform preflight checks: failed to get"
        + " ControlPlane ns1/cp1: GenericControlPlane \"cp1\" not found");
    PreflightChecks.Result t = PreflightChecks.run("Scale up", cluster(STABLE), machineSet(null, "", KUBEADM_REF),
        Optional.of(STABLE), Optional.empty(), GATES, PreflightChecks.DEFAULT_ENABLED);
    assertThat(t.error()).isPresent();
  }

  @Test
  void kubernetesVersionSkewUnderflowQuirk() {
    // QUIRK (copied): with a control plane minor below 3 the "older" bound wraps around and always fails.
    GenericKubernetesResource cp = controlPlane("v1.2.0", "v1.2.0");
    PreflightChecks.Result r = PreflightChecks.run("", cluster(cp), machineSet(null, "v1.2.0", null), Optional.of(cp),
        Optional.of(Map.of()), GATES, PreflightChecks.DEFAULT_ENABLED);
    assertThat(r.messages()).singleElement().asString().contains("more than 3 minor versions older");
  }

  static Stream<Arguments> shouldRunCases() {
    String stable = PreflightChecks.CONTROL_PLANE_IS_STABLE;
    String all = PreflightChecks.ALL;
    return Stream.of(
        Arguments.of("Should run all", Set.of(all), Set.of(), true),
        Arguments.of("Should run ControlPlaneIsStable", Set.of(stable), Set.of(), true),
        Arguments.of("Should skip all", Set.of(all), Set.of(all), false),
        Arguments.of("Should skip all (enabled ControlPlaneIsStable)", Set.of(stable), Set.of(all), false),
        Arguments.of("Should skip ControlPlaneIsStable", Set.of(stable), Set.of(stable), false),
        Arguments.of("Should skip ControlPlaneIsStable (enabled all)", Set.of(all), Set.of(stable), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shouldRunCases")
  void shouldRun(String name, Set<String> enabled, Set<String> skipped, boolean expected) {
    assertThat(PreflightChecks.shouldRun(enabled, skipped, PreflightChecks.CONTROL_PLANE_IS_STABLE)).isEqualTo(expected);
  }

  @Test
  void controlPlaneViewReadsStatusVersions() {
    GenericKubernetesResource cp = controlPlane("v1.30.0", null);
    Map<String, Object> props = new LinkedHashMap<>(cp.getAdditionalProperties());
    props.put("status", Map.of("version", "v1.30.0",
        "versions", List.of(Map.of("version", "v1.29.4", "replicas", 1), Map.of("version", "v1.30.0", "replicas", 2))));
    cp.setAdditionalProperties(props);
    ControlPlaneView view = ControlPlaneView.of(cp);
    assertThat(view.statusVersions()).containsExactly("v1.29.4", "v1.30.0");
    assertThat(view.isProvisioning()).isFalse();
    assertThat(view.isUpgrading()).as("a status version is older than spec.version").isTrue();

    props.put("status", Map.of("versions", List.of(Map.of("version", ""))));
    cp.setAdditionalProperties(props);
    assertThat(view.isProvisioning()).isTrue();

    props.put("status", Map.of("version", "v1.30.0+build.2"));
    props.put("spec", Map.of("version", "v1.30.0+build.10"));
    cp.setAdditionalProperties(props);
    assertThat(view.isUpgrading()).as("build metadata counts").isTrue();
  }
}
