package io.capi4j.machineset;

import static io.capi4j.machineset.Fixtures.NOW;
import static io.capi4j.machineset.Fixtures.names;
import static io.capi4j.machineset.Fixtures.withAnnotation;
import static io.capi4j.machineset.Fixtures.withCondition;
import static io.capi4j.machineset.Fixtures.withCreationTimestamp;
import static io.capi4j.machineset.Fixtures.withDeletionTimestamp;
import static io.capi4j.machineset.Fixtures.withNodeRef;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.Kubeadm;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateResource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateSpec;
import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRemediationSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineNamingSpec;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.conditions.Conditions;
import io.capi4j.external.ExternalTemplates;
import io.capi4j.external.GenerateTemplateRequest;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.Providers;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MachineSetPlannerTest {
  private static final String NS = "default";
  private static final String MS_UID = "ms-uid";

  // ---------------------------------------------------------------------------------------------------------
  // Fixtures.

  private static Cluster cluster() {
    return Cluster.builder()
        .metadata(new ObjectMetaBuilder().withName("c1").withNamespace(NS).withUid("cluster-uid").build())
        .build();
  }

  private static GenericKubernetesResource azureTemplate() {
    GenericKubernetesResource t =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("infrastructure.cluster.x-k8s.io/v1beta1")
            .withKind("AzureMachineTemplate")
            .withMetadata(new ObjectMetaBuilder().withName("azure-tmpl").withNamespace(NS).build())
            .build();
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("metadata", Map.of("labels", Map.of("from-template", "yes")));
    template.put("spec", Map.of("vmSize", "Standard_D2s_v3", "osDisk", Map.of("diskSizeGB", 128)));
    t.setAdditionalProperties(new LinkedHashMap<>(Map.of("spec", Map.of("template", template))));
    return t;
  }

  private static KubeadmConfigTemplate kubeadmTemplate() {
    return KubeadmConfigTemplate.builder()
        .metadata(new ObjectMetaBuilder().withName("kubeadm-tmpl").withNamespace(NS).build())
        .spec(KubeadmConfigTemplateSpec.of(KubeadmConfigTemplateResource.builder()
            .metadata(TemplateMeta.builder().putAnnotation("tmpl-annotation", "a").build())
            .spec(KubeadmConfigSpec.builder().format("cloud-config").build())
            .build()))
        .build();
  }

  private static MachineSet machineSet(int replicas, UnaryOperator<ObjectMetaBuilder> meta) {
    MachineSpec spec =
        MachineSpec.builder()
            .clusterName("c1")
            .version("v1.30.2")
            .bootstrap(Bootstrap.builder()
                .configRef(ContractVersionedObjectReference.of(Kubeadm.GROUP, "KubeadmConfigTemplate", "kubeadm-tmpl"))
                .build())
            .infrastructureRef(
                ContractVersionedObjectReference.of(Capi.INFRASTRUCTURE_GROUP, "AzureMachineTemplate", "azure-tmpl"))
            .deletion(MachineDeletionSpec.builder().nodeDrainTimeoutSeconds(300).build())
            .build();
    ObjectMetaBuilder m =
        new ObjectMetaBuilder()
            .withName("ms1")
            .withNamespace(NS)
            .withUid(MS_UID)
            .withGeneration(3L)
            .withFinalizers(Capi.MACHINE_SET_FINALIZER)
            .addToLabels(Capi.CLUSTER_NAME_LABEL, "c1");
    return notPaused(ImmutableMachineSet.builder()
        .metadata(meta.apply(m).build())
        .spec(MachineSetSpec.builder()
            .clusterName("c1")
            .replicas(replicas)
            .selector(new LabelSelectorBuilder().addToMatchLabels("pool", "a").build())
            .template(MachineTemplateSpec.builder()
                .metadata(TemplateMeta.builder().putLabel("pool", "a").putAnnotation("team", "x").build())
                .spec(spec)
                .build())
            .build())
        .build());
  }

  private static MachineSet machineSet(int replicas) {
    return machineSet(replicas, m -> m);
  }

  private static OwnerReference controller(String name, String uid) {
    return new OwnerReferenceBuilder().withApiVersion(Capi.API_VERSION).withKind("MachineSet").withName(name)
        .withUid(uid).withController(true).withBlockOwnerDeletion(true).build();
  }

  @SafeVarargs
  private static Machine owned(String name, UnaryOperator<Machine>... options) {
    Machine m = Fixtures.machine(name);
    m = m.withMetadata(new ObjectMetaBuilder(m.metadata()).withNamespace(NS)
        .withOwnerReferences(controller("ms1", MS_UID))
        .addToLabels("pool", "a").addToLabels(Capi.MACHINE_SET_NAME_LABEL, "ms1").addToLabels(Capi.CLUSTER_NAME_LABEL, "c1")
        .addToAnnotations("team", "x")
        .withFinalizers(Capi.MACHINE_FINALIZER).build());
    m = m.withSpec(m.spec().withDeletion(MachineDeletionSpec.builder().nodeDrainTimeoutSeconds(300).build()));
    m = withNodeRef("node-" + name).apply(m);
    for (UnaryOperator<Machine> o : options) {
      m = o.apply(m);
    }
    return m;
  }

  private static io.capi4j.machineset.ImmutableMachineSetPlanInput.Builder input(MachineSet ms, Machine... machines) {
    return MachineSetPlanInput.builder()
        .machineSet(ms)
        .cluster(cluster())
        .addMachines(machines)
        .infraMachineTemplate(azureTemplate())
        .kubeadmConfigTemplate(kubeadmTemplate())
        .now(NOW)
        .random(new SplittableRandom(7));
  }

  /** A fake Azure-like provider: clones as upstream does and marks what it cloned. */
  static final class FakeAzure implements InfrastructureProvider {
    final List<String> cloned = new ArrayList<>();

    @Override
    public ProviderDescriptor descriptor() {
      return ProviderDescriptor.builder().name("fake-azure").displayName("Fake Azure").addKindPrefixes("Azure").build();
    }

    @Override
    public GenericKubernetesResource infraMachineFromTemplate(
        GenericKubernetesResource template, GenerateTemplateRequest request) {
      cloned.add(request.name());
      GenericKubernetesResource out = ExternalTemplates.generate(template, request);
      out.getMetadata().getAnnotations().put("fake-azure/cloned", "true");
      return out;
    }
  }

  private static List<String> deleted(MachineSetPlan p) {
    return p.machinesToDelete().stream().map(d -> d.machine().name()).toList();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Creating Machines.

  @Test
  void createsThreeMachinesWithTheirInfraMachinesAndKubeadmConfigs() {
    FakeAzure azure = new FakeAzure();
    MachineSet ms = machineSet(3, m -> m.addToLabels(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, "md1")
        .addToAnnotations(Capi.REVISION_ANNOTATION, "1"));
    MachineDeployment md = MachineDeployment.builder()
        .metadata(new ObjectMetaBuilder().withName("md1").withNamespace(NS)
            .addToAnnotations(Capi.REVISION_ANNOTATION, "1").build())
        .spec(MachineDeploymentSpec.builder().replicas(3).build())
        .build();
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).machineDeployment(md).providers(Providers.of(List.of(azure)))
        .build());

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.machinesToCreate()).hasSize(3);
    Set<String> names = new HashSet<>();
    for (NewMachine nm : plan.machinesToCreate()) {
      Machine m = nm.machine();
      String name = m.name();
      names.add(name);
      assertThat(name).matches("ms1-[bcdfghjklmnpqrstvwxz2456789]{5}");

      // The Machine.
      assertThat(m.namespace()).isEqualTo(NS);
      assertThat(m.metadata().getFinalizers()).containsExactly(Capi.MACHINE_FINALIZER);
      assertThat(m.metadata().getOwnerReferences()).containsExactly(controller("ms1", MS_UID));
      assertThat(m.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "pool", "a", Capi.CLUSTER_NAME_LABEL, "c1", Capi.MACHINE_SET_NAME_LABEL, "ms1",
          Capi.MACHINE_DEPLOYMENT_NAME_LABEL, "md1"));
      assertThat(m.annotations()).containsExactlyEntriesOf(Map.of("team", "x"));
      assertThat(m.spec().clusterName()).isEqualTo("c1");
      assertThat(m.spec().version()).isEqualTo("v1.30.2");
      assertThat(m.spec().deletionOrEmpty().nodeDrainTimeoutSeconds()).hasValue(300);
      assertThat(m.spec().infrastructureRef())
          .hasValue(ContractVersionedObjectReference.of(Capi.INFRASTRUCTURE_GROUP, "AzureMachine", name));
      assertThat(m.spec().bootstrapOrEmpty().configRef())
          .hasValue(ContractVersionedObjectReference.of(Kubeadm.GROUP, "KubeadmConfig", name));

      // The InfraMachine, cloned by the provider.
      GenericKubernetesResource infra = nm.infraMachine();
      assertThat(infra.getKind()).isEqualTo("AzureMachine");
      assertThat(infra.getApiVersion()).isEqualTo("infrastructure.cluster.x-k8s.io/v1beta1");
      assertThat(infra.getMetadata().getName()).isEqualTo(name);
      assertThat(infra.getMetadata().getNamespace()).isEqualTo(NS);
      assertThat(infra.getMetadata().getLabels()).containsAllEntriesOf(m.labels())
          .containsEntry("from-template", "yes").containsEntry(Capi.CLUSTER_NAME_LABEL, "c1");
      assertThat(infra.getMetadata().getAnnotations())
          .containsEntry("team", "x")
          .containsEntry(Capi.TEMPLATE_CLONED_FROM_NAME_ANNOTATION, "azure-tmpl")
          .containsEntry(Capi.TEMPLATE_CLONED_FROM_GROUP_KIND_ANNOTATION,
              "AzureMachineTemplate.infrastructure.cluster.x-k8s.io")
          .containsEntry("fake-azure/cloned", "true");
      assertThat(infra.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
        assertThat(o.getKind()).isEqualTo("MachineSet");
        assertThat(o.getName()).isEqualTo("ms1");
        assertThat(o.getUid()).isEqualTo(MS_UID);
        assertThat(o.getController()).isNull();
      });
      assertThat(infra.getAdditionalProperties()).containsEntry("spec",
          Map.of("vmSize", "Standard_D2s_v3", "osDisk", Map.of("diskSizeGB", 128)));

      // The KubeadmConfig and its Secret.
      KubeadmConfig config = nm.kubeadmConfig().orElseThrow();
      assertThat(nm.bootstrapConfig()).isEmpty();
      assertThat(config.name()).isEqualTo(name);
      assertThat(config.namespace()).isEqualTo(NS);
      assertThat(config.kind()).isEqualTo("KubeadmConfig");
      assertThat(config.apiVersion()).isEqualTo("bootstrap.cluster.x-k8s.io/v1beta2");
      assertThat(config.labels()).containsAllEntriesOf(m.labels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "c1");
      assertThat(config.annotations())
          .containsEntry("tmpl-annotation", "a")
          .containsEntry("team", "x")
          .containsEntry(Capi.TEMPLATE_CLONED_FROM_NAME_ANNOTATION, "kubeadm-tmpl")
          .containsEntry(Capi.TEMPLATE_CLONED_FROM_GROUP_KIND_ANNOTATION,
              "KubeadmConfigTemplate.bootstrap.cluster.x-k8s.io");
      assertThat(config.metadata().getOwnerReferences()).singleElement()
          .satisfies(o -> assertThat(o.getName()).isEqualTo("ms1"));
      assertThat(config.spec()).hasValue(KubeadmConfigSpec.builder().format("cloud-config").build());
      assertThat(nm.bootstrapDataSecretName()).hasValue(name);
    }
    assertThat(names).hasSize(3);
    assertThat(azure.cloned).containsExactlyInAnyOrderElementsOf(names);
    assertThat(plan.steps()).filteredOn(s -> s.action() == PlanStep.Action.CREATE_MACHINE).hasSize(3)
        .allSatisfy(s -> assertThat(s.reason()).contains("scale up from 0 to 3 replicas"));

    // Nothing is ready yet: requeue after 15s; ScalingUp reports the scale up.
    assertThat(plan.requeueAfter()).hasValue(Duration.ofSeconds(15));
    Condition up = Conditions.get(plan.machineSet().status().orElseThrow().conditions(), "ScalingUp").orElseThrow();
    assertThat(up.getMessage()).isEqualTo("Scaling up from 0 to 3 replicas");
    assertThat(plan.machineSet().status().orElseThrow().observedGeneration()).hasValue(3L);
  }

  @Test
  void sameSeedSameNames() {
    List<String> a = MachineSetPlanner.plan(input(machineSet(3)).build()).machinesToCreate().stream()
        .map(NewMachine::name).toList();
    List<String> b = MachineSetPlanner.plan(input(machineSet(3)).build()).machinesToCreate().stream()
        .map(NewMachine::name).toList();
    assertThat(a).hasSize(3).isEqualTo(b);
  }

  @Test
  void genericBootstrapTemplateAndNoProvider() {
    MachineSet ms = machineSet(1);
    MachineSpec spec = ms.spec().templateOrEmpty().specOrEmpty().withBootstrap(Bootstrap.builder()
        .configRef(ContractVersionedObjectReference.of(Capi.BOOTSTRAP_GROUP, "TalosConfigTemplate", "talos")).build());
    ms = ms.withSpec(ms.spec().withTemplate(ms.spec().templateOrEmpty().withSpec(spec)));
    GenericKubernetesResource talos = new GenericKubernetesResourceBuilder()
        .withApiVersion("bootstrap.cluster.x-k8s.io/v1alpha3").withKind("TalosConfigTemplate")
        .withMetadata(new ObjectMetaBuilder().withName("talos").withNamespace(NS).build()).build();
    talos.setAdditionalProperties(new LinkedHashMap<>(Map.of("spec", Map.of("template", Map.of("spec",
        Map.of("generateType", "worker"))))));
    MachineSetPlan plan = MachineSetPlanner.plan(MachineSetPlanInput.builder().from(input(ms).build())
        .kubeadmConfigTemplate(Optional.empty()).bootstrapTemplate(talos).build());
    assertThat(plan.errors()).isEmpty();
    NewMachine nm = plan.machinesToCreate().get(0);
    assertThat(nm.kubeadmConfig()).isEmpty();
    assertThat(nm.bootstrapDataSecretName()).isEmpty();
    GenericKubernetesResource config = nm.bootstrapConfig().orElseThrow();
    assertThat(config.getKind()).isEqualTo("TalosConfig");
    assertThat(config.getMetadata().getName()).isEqualTo(nm.name());
    assertThat(nm.infraMachine().getMetadata().getAnnotations()).doesNotContainKey("fake-azure/cloned");
    assertThat(nm.machine().spec().bootstrapOrEmpty().configRef())
        .hasValue(ContractVersionedObjectReference.of(Capi.BOOTSTRAP_GROUP, "TalosConfig", nm.name()));
  }

  @Test
  void machineNamingTemplate() {
    MachineSet ms = machineSet(1);
    ms = ms.withSpec(ms.spec().withMachineNaming(MachineNamingSpec.of("{{ .cluster.name }}-w-{{ .random }}")));
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).build());
    assertThat(plan.machinesToCreate().get(0).name()).matches("c1-w-[a-z0-9]{5}");

    MachineSet bad = ms.withSpec(ms.spec().withMachineNaming(MachineNamingSpec.of("{{ .machineSet.name }}-x")));
    MachineSetPlan failed = MachineSetPlanner.plan(input(bad).build());
    assertThat(failed.machinesToCreate()).isEmpty();
    assertThat(failed.errors()).containsExactly("failed to sync replicas: failed to create Machine: failed to compute"
        + " desired Machine: cannot generate Machine name: {{ .random }} is missing in machineNaming.template");
    assertThat(failed.requeueAfter()).isEmpty();
  }

  @Test
  void collidingNamesAreDrawnAgain() {
    // A generator that repeats its first draw five times (one whole suffix), then varies.
    RandomGenerator sticky = new RandomGenerator() {
      int calls;

      @Override
      public long nextLong() {
        return calls++ < 10 ? 0 : calls;
      }

      @Override
      public int nextInt(int bound) {
        return calls++ < 10 ? 0 : calls % bound;
      }
    };
    MachineSetPlan plan = MachineSetPlanner.plan(input(machineSet(2)).random(sticky).build());
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.machinesToCreate()).extracting(NewMachine::name).doesNotHaveDuplicates().hasSize(2)
        .contains("ms1-bbbbb");
  }

  @Test
  void missingInfraTemplateBlocksScaleUp() {
    MachineSetPlan plan =
        MachineSetPlanner.plan(MachineSetPlanInput.builder().from(input(machineSet(3)).build())
            .infraMachineTemplate(Optional.empty()).build());
    assertThat(plan.infrastructureTemplateNotFound()).isTrue();
    assertThat(plan.machinesToCreate()).isEmpty();
    assertThat(plan.errors()).containsExactly(
        "failed to reconcile infrastructure: azuremachinetemplates.infrastructure.cluster.x-k8s.io \"azure-tmpl\" not"
            + " found",
        "failed to sync replicas: failed to clone infrastructure machine from AzureMachineTemplate default/azure-tmpl"
            + " while creating a Machine: failed to create InfraMachine: failed to compute desired InfraMachine:"
            + " azuremachinetemplates.infrastructure.cluster.x-k8s.io \"azure-tmpl\" not found");
    Condition up = Conditions.get(plan.machineSet().status().orElseThrow().conditions(), "ScalingUp").orElseThrow();
    assertThat(up.getMessage())
        .isEqualTo("Scaling up from 0 to 3 replicas is blocked because:\n* AzureMachineTemplate does not exist");
    assertThat(plan.requeueAfter()).isEmpty();
    // Errors keep observedGeneration where it was.
    assertThat(plan.machineSet().status().orElseThrow().observedGeneration()).isEmpty();
  }

  @Test
  void preflightFailureHoldsScaleUp() {
    GenericKubernetesResource cp = new GenericKubernetesResourceBuilder()
        .withApiVersion("controlplane.cluster.x-k8s.io/v1beta2").withKind("KubeadmControlPlane")
        .withMetadata(new ObjectMetaBuilder().withName("cp1").withNamespace(NS).build()).build();
    cp.setAdditionalProperties(new LinkedHashMap<>(Map.of("spec", Map.of("version", "v1.30.2"))));
    Cluster c = cluster().withSpec(ClusterSpec.builder()
        .controlPlaneRef(ContractVersionedObjectReference.of(Capi.CONTROLPLANE_GROUP, "KubeadmControlPlane", "cp1"))
        .build());
    MachineSetPlan plan = MachineSetPlanner.plan(input(machineSet(2)).cluster(c).controlPlane(cp).build());
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.machinesToCreate()).isEmpty();
    String msg = "KubeadmControlPlane default/cp1 is provisioning (\"ControlPlaneIsStable\" preflight check failed)";
    assertThat(plan.scaleUpPreflightMessages()).containsExactly(msg);
    assertThat(plan.requeueAfter()).hasValue(Duration.ofSeconds(15));
    assertThat(plan.steps()).anySatisfy(s -> {
      assertThat(s.action()).isEqualTo(PlanStep.Action.BLOCKED);
      assertThat(s.reason()).startsWith("Scale up on hold because " + msg);
    });
    Condition up = Conditions.get(plan.machineSet().status().orElseThrow().conditions(), "ScalingUp").orElseThrow();
    assertThat(up.getMessage()).isEqualTo("Scaling up from 0 to 2 replicas is blocked because:\n* " + msg);

    // Skipping the check from the bootstrap template lets it through.
    KubeadmConfigTemplate skipping = kubeadmTemplate().withMetadata(new ObjectMetaBuilder(kubeadmTemplate().metadata())
        .addToAnnotations(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, "ControlPlaneIsStable").build());
    MachineSetPlan skipped =
        MachineSetPlanner.plan(input(machineSet(2)).cluster(c).controlPlane(cp).kubeadmConfigTemplate(skipping).build());
    assertThat(skipped.machinesToCreate()).hasSize(2);
  }

  @Test
  void disableMachineCreate() {
    MachineSetPlan plan = MachineSetPlanner.plan(input(machineSet(2,
        m -> m.addToAnnotations(Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "true"))).build());
    assertThat(plan.machinesToCreate()).isEmpty();
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.requeueAfter()).hasValue(Duration.ofSeconds(15));
  }

  // ---------------------------------------------------------------------------------------------------------
  // TestMachineSetReconciler_syncReplicas

  static Stream<Arguments> syncReplicasCases() {
    MachineSet target = machineSet(0, m -> m.withName("ms2").withUid("ms2-uid")
        .addToAnnotations(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "ms1")
        .addToLabels(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, "hash2"));
    UnaryOperator<Machine> pending = withAnnotation(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION, "");
    return Stream.of(
        Arguments.of("no-op", machineSet(2), List.of(owned("m1"), owned("m2")), null, 0, 0, 0),
        Arguments.of("add 3", machineSet(5), List.of(owned("m1"), owned("m2")), null, 3, 0, 0),
        Arguments.of("delete 2", machineSet(4 - 2), List.of(owned("m1"), owned("m2"), owned("m3"), owned("m4")), null,
            0, 2, 0),
        Arguments.of("move 2 to ms2",
            machineSet(2, m -> m.addToAnnotations(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION, "ms2")),
            List.of(owned("m1"), owned("m2"), owned("m3"), owned("m4")), target, 0, 0, 2),
        Arguments.of("delete 1 with a Machine pending move acknowledge",
            machineSet(2, m -> m.addToAnnotations(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "ms1")),
            List.of(owned("m1"), owned("m2"), owned("m3"), owned("m4", pending)), null, 0, 1, 0),
        Arguments.of("no-op with a Machine pending move acknowledge",
            machineSet(2, m -> m.addToAnnotations(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "ms1")),
            List.of(owned("m1"), owned("m2"), owned("m3", pending)), null, 0, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("syncReplicasCases")
  void syncReplicas(String name, MachineSet ms, List<Machine> machines, MachineSet target, int create, int delete,
      int move) {
    MachineSetPlan plan = MachineSetPlanner.plan(
        input(ms).machines(machines).moveTarget(Optional.ofNullable(target)).build());
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.machinesToCreate()).hasSize(create);
    assertThat(plan.machinesToDelete()).hasSize(delete);
    assertThat(plan.machinesToMove()).hasSize(move);
    for (Machine moved : plan.machinesToMove()) {
      assertThat(moved.metadata().getOwnerReferences()).singleElement().satisfies(o -> {
        assertThat(o.getName()).isEqualTo("ms2");
        assertThat(o.getUid()).isEqualTo("ms2-uid");
        assertThat(o.getController()).isTrue();
      });
      assertThat(moved.labels()).containsEntry(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, "hash2");
      assertThat(moved.annotations()).containsKeys(Capi.UPDATE_IN_PROGRESS_ANNOTATION,
          Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION);
    }
  }

  @Test
  void scaleDownFollowsTheDeletionOrder() {
    MachineSet ms = machineSet(2);
    ms = ms.withSpec(ms.spec().withDeletion(io.capi4j.api.core.v1beta2.MachineSetDeletionSpec.of("Oldest")));
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).machines(List.of(
        owned("young", withCreationTimestamp(NOW.minus(Duration.ofDays(1)))),
        owned("old", withCreationTimestamp(NOW.minus(Duration.ofDays(9)))),
        owned("gone", withDeletionTimestamp()),
        owned("mid", withCreationTimestamp(NOW.minus(Duration.ofDays(5)))),
        owned("marked", withAnnotation(Capi.DELETE_MACHINE_ANNOTATION, "")))).build());
    // Five Machines, two wanted: three go, the deleting one first (it only waits), then the marked, then the oldest.
    assertThat(deleted(plan)).containsExactly("marked", "old");
    assertThat(plan.steps()).anySatisfy(s -> {
      assertThat(s.target()).isEqualTo("gone");
      assertThat(s.action()).isEqualTo(PlanStep.Action.WAIT);
    });
    assertThat(plan.machinesToDelete().get(0).reason())
        .contains("has the cluster.x-k8s.io/delete-machine annotation (priority 80.000)");
  }

  @Test
  void unsupportedDeletionOrderIsAnError() {
    MachineSet ms = machineSet(1);
    ms = ms.withSpec(ms.spec().withDeletion(io.capi4j.api.core.v1beta2.MachineSetDeletionSpec.of("Largest")));
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).machines(List.of(owned("a"), owned("b"))).build());
    assertThat(plan.errors()).containsExactly("failed to sync replicas: Unsupported deletion order Largest. Must be one"
        + " of 'Random', 'Newest', or 'Oldest'");
  }

  @Test
  void moveSkipsUpdatingAndUnprovisionedMachinesAndDeletesUnhealthyOnes() {
    MachineSet target = machineSet(0, m -> m.withName("ms2").withUid("ms2-uid")
        .addToAnnotations(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "ms0,ms1")
        .addToLabels(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, "hash2"));
    MachineSet ms = machineSet(0, m -> m.addToAnnotations(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION, "ms2"));
    Machine noNode = owned("no-node").withStatus(Optional.empty());
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).moveTarget(target).machines(List.of(
        owned("a"),
        owned("updating", withAnnotation(Capi.UPDATE_IN_PROGRESS_ANNOTATION, "")),
        noNode,
        owned("sick", withCondition(Capi.Conditions.HEALTH_CHECK_SUCCEEDED, "False"),
            withCondition(Capi.Conditions.OWNER_REMEDIATED, "False", "WaitingForRemediation", "Waiting")),
        owned("b"))).build());
    assertThat(plan.errors()).isEmpty();
    assertThat(names(plan.machinesToMove())).containsExactlyInAnyOrder("a", "b");
    // "sick" is unhealthy and owner-remediated: remediation deletes it (not an MD child, no limit); the move would too.
    assertThat(deleted(plan)).containsExactly("sick");
    // Moved Machines wait for acknowledge and are not counted by ScalingDown.
    Condition down = Conditions.get(plan.machineSet().status().orElseThrow().conditions(), "ScalingDown").orElseThrow();
    assertThat(down.getMessage()).isEqualTo("Scaling down from 3 to 0 replicas");
  }

  @Test
  void moveTargetMustAcceptTheMachines() {
    MachineSet target = machineSet(0, m -> m.withName("ms2")
        .addToAnnotations(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "other"));
    MachineSet ms = machineSet(0, m -> m.addToAnnotations(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION, "ms2"));
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).moveTarget(target).machines(List.of(owned("a"))).build());
    assertThat(plan.errors()).containsExactly(
        "failed to sync replicas: MachineSet ms1 is set to move replicas to ms2, but ms2 only accepts Machines from"
            + " other");
    assertThat(plan.machinesToMove()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Remediation.

  private static UnaryOperator<Machine> unhealthy() {
    return m -> withCondition(Capi.Conditions.OWNER_REMEDIATED, "False", "WaitingForRemediation",
        "Waiting for remediation").apply(withCondition(Capi.Conditions.HEALTH_CHECK_SUCCEEDED, "False",
        "UnhealthyNode", "Health check failed").apply(m));
  }

  private static Machine unhealthyMachine(String name, int ageSeconds, UnaryOperator<Machine>... more) {
    Machine m = owned(name, unhealthy(), withCreationTimestamp(NOW.minus(Duration.ofSeconds(ageSeconds))));
    for (UnaryOperator<Machine> o : more) {
      m = o.apply(m);
    }
    return m;
  }

  @Test
  void sortMachinesToRemediate() {
    List<Machine> plain = new ArrayList<>();
    List<Machine> annotated = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      plain.add(Fixtures.machine("unhealthy-machine-" + i, withCreationTimestamp(NOW.plusSeconds(i))));
      annotated.add(Fixtures.machine("unhealthy-annotated-machine-" + i, withCreationTimestamp(NOW.plusSeconds(i)),
          withAnnotation(Capi.REMEDIATE_MACHINE_ANNOTATION, "")));
    }
    // remediation machines should be sorted with newest first
    assertThat(names(MachineSetPlanner.sortMachinesToRemediate(plain)))
        .containsExactly("unhealthy-machine-3", "unhealthy-machine-2", "unhealthy-machine-1", "unhealthy-machine-0");
    // remediation machines with annotation should be prioritised over other machines
    List<Machine> all = new ArrayList<>(plain);
    all.addAll(annotated);
    assertThat(names(MachineSetPlanner.sortMachinesToRemediate(all))).containsExactly(
        "unhealthy-annotated-machine-3", "unhealthy-annotated-machine-2", "unhealthy-annotated-machine-1",
        "unhealthy-annotated-machine-0", "unhealthy-machine-3", "unhealthy-machine-2", "unhealthy-machine-1",
        "unhealthy-machine-0");
  }

  private static MachineDeployment md(Object maxInFlight, int replicas) {
    io.capi4j.api.core.v1beta2.ImmutableMachineDeploymentSpec.Builder spec = MachineDeploymentSpec.builder().replicas(replicas);
    if (maxInFlight != null) {
      spec.remediation(MachineDeploymentRemediationSpec.builder()
          .maxInFlight(maxInFlight instanceof Integer i ? IntOrPercent.of(i) : IntOrPercent.of((String) maxInFlight))
          .build());
    }
    return MachineDeployment.builder()
        .metadata(new ObjectMetaBuilder().withName("md1").withNamespace(NS)
            .addToAnnotations(Capi.REVISION_ANNOTATION, "2").build())
        .spec(spec.build())
        .build();
  }

  private static MachineSet mdChild(int replicas, String revision) {
    return machineSet(replicas, m -> m.addToLabels(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, "md1")
        .addToAnnotations(Capi.REVISION_ANNOTATION, revision));
  }

  private static Condition ownerRemediated(MachineSetPlan plan, String machine) {
    return plan.conditionPatches().stream()
        .filter(p -> p.machineName().equals(machine) && p.type().equals(Capi.Conditions.OWNER_REMEDIATED))
        .reduce((a, b) -> b).orElseThrow().condition().orElseThrow();
  }

  @Test
  void shouldOnlyTryToRemediateUpToMaxInFlightUnhealthy() {
    List<Machine> machines = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      machines.add(unhealthyMachine("unhealthy-" + i, 100 - i));
    }
    machines.add(owned("healthy-0"));
    MachineSetPlan plan = MachineSetPlanner.plan(
        input(mdChild(6, "2")).machineDeployment(md(3, 6)).machines(machines).build());
    assertThat(plan.errors()).isEmpty();
    // Newest first: 4, 3, 2 are deleted; 1 and 0 wait.
    assertThat(deleted(plan)).containsExactly("unhealthy-4", "unhealthy-3", "unhealthy-2");
    for (String name : List.of("unhealthy-4", "unhealthy-3", "unhealthy-2")) {
      Condition c = ownerRemediated(plan, name);
      assertThat(c.getReason()).isEqualTo("MachineDeleting");
      assertThat(c.getMessage()).isEqualTo("Machine is deleting");
      assertThat(c.getLastTransitionTime()).isNull();
    }
    for (String name : List.of("unhealthy-1", "unhealthy-0")) {
      Condition c = ownerRemediated(plan, name);
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("RemediationDeferred");
      assertThat(c.getMessage()).isEqualTo("Waiting because there are already too many remediations in progress"
          + " (spec.strategy.remediation.maxInFlight is 3)");
    }
    // Deleted Machines still count: nothing to create in this reconcile.
    assertThat(plan.machinesToCreate()).isEmpty();
    Condition remediating =
        Conditions.get(plan.machineSet().status().orElseThrow().conditions(), "Remediating").orElseThrow();
    assertThat(remediating.getStatus()).isEqualTo("True");
    assertThat(remediating.getMessage()).isEqualTo(
        "* Machines unhealthy-2, unhealthy-3, unhealthy-4: Machine is deleting\n"
            + "* Machines unhealthy-0, unhealthy-1: Waiting because there are already too many remediations in"
            + " progress (spec.strategy.remediation.maxInFlight is 3)");
  }

  @Test
  void remediationsInFlightUseUpMaxInFlight() {
    Machine inFlight = owned("in-flight", withDeletionTimestamp(), withCondition(Capi.Conditions.OWNER_REMEDIATED,
        "False", "MachineDeleting", "Machine is deleting"));
    MachineSetPlan plan = MachineSetPlanner.plan(input(mdChild(4, "2")).machineDeployment(md("50%", 4))
        .machines(List.of(inFlight, unhealthyMachine("u1", 10), unhealthyMachine("u2", 20), owned("ok"))).build());
    // 50% of 4 is 2, one already in flight: only the newest goes.
    assertThat(deleted(plan)).containsExactly("u1");
    assertThat(ownerRemediated(plan, "u2").getMessage()).endsWith("(spec.strategy.remediation.maxInFlight is 50%)");

    MachineSetPlan full = MachineSetPlanner.plan(input(mdChild(4, "2")).machineDeployment(md(1, 4))
        .machines(List.of(inFlight, unhealthyMachine("u1", 10), owned("ok"), owned("ok2"))).build());
    assertThat(full.machinesToDelete()).isEmpty();
    assertThat(ownerRemediated(full, "u1").getReason()).isEqualTo("RemediationDeferred");
  }

  @Test
  void outdatedMachineSetDoesNotRemediate() {
    MachineSetPlan plan = MachineSetPlanner.plan(input(mdChild(2, "1")).machineDeployment(md(null, 2))
        .machines(List.of(unhealthyMachine("u1", 10), owned("ok"))).build());
    assertThat(plan.machinesToDelete()).isEmpty();
    Condition c = ownerRemediated(plan, "u1");
    assertThat(c.getReason()).isEqualTo("CannotBeRemediated");
    assertThat(c.getMessage()).isEqualTo("Machine won't be remediated because it is pending removal due to rollout");
  }

  @Test
  void remediationWaitsForPreflightChecks() {
    GenericKubernetesResource cp = new GenericKubernetesResourceBuilder()
        .withApiVersion("controlplane.cluster.x-k8s.io/v1beta2").withKind("KubeadmControlPlane")
        .withMetadata(new ObjectMetaBuilder().withName("cp1").withNamespace(NS).build()).build();
    cp.setAdditionalProperties(new LinkedHashMap<>(Map.of("spec", Map.of("version", "v1.30.2"),
        "status", Map.of("version", "v1.29.0"))));
    Cluster c = cluster().withSpec(ClusterSpec.builder()
        .controlPlaneRef(ContractVersionedObjectReference.of(Capi.CONTROLPLANE_GROUP, "KubeadmControlPlane", "cp1"))
        .build());
    MachineSetPlan plan = MachineSetPlanner.plan(input(machineSet(2)).cluster(c).controlPlane(cp)
        .machines(List.of(unhealthyMachine("u1", 10), owned("ok"))).build());
    assertThat(plan.machinesToDelete()).isEmpty();
    Condition or = ownerRemediated(plan, "u1");
    assertThat(or.getReason()).isEqualTo("RemediationDeferred");
    assertThat(or.getMessage()).isEqualTo(
        "* KubeadmControlPlane default/cp1 is upgrading (\"ControlPlaneIsStable\" preflight check failed)");
    assertThat(plan.requeueAfter()).hasValue(Duration.ofSeconds(15));
  }

  @Test
  void healthyAgainDropsOwnerRemediated() {
    Machine recovered = owned("r", withCondition(Capi.Conditions.HEALTH_CHECK_SUCCEEDED, "True"),
        withCondition(Capi.Conditions.OWNER_REMEDIATED, "False", "WaitingForRemediation", ""));
    MachineSetPlan plan = MachineSetPlanner.plan(input(machineSet(1)).machines(List.of(recovered)).build());
    assertThat(plan.conditionPatches()).containsExactly(
        new MachineConditionPatch("r", Capi.Conditions.OWNER_REMEDIATED, Optional.empty()));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Finalizer, pause, ownership, deletion, sync.

  @Test
  void missingFinalizerIsAddedFirst() {
    MachineSet ms = machineSet(3, m -> m.withFinalizers(List.of()));
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).build());
    assertThat(plan.machineSet().metadata().getFinalizers()).containsExactly(Capi.MACHINE_SET_FINALIZER);
    assertThat(plan.machinesToCreate()).isEmpty();
    assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.action())
        .isEqualTo(PlanStep.Action.ADD_FINALIZER));
    assertThat(plan.machineSet().status()).isEqualTo(ms.status());
  }

  @Test
  void pausedDoesNothingButThePausedCondition() {
    MachineSet ms = machineSet(3, m -> m.addToAnnotations(Capi.PAUSED_ANNOTATION, ""));
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).build());
    assertThat(plan.machinesToCreate()).isEmpty();
    Condition paused = Conditions.get(plan.machineSet().status().orElseThrow().conditions(), "Paused").orElseThrow();
    assertThat(paused.getStatus()).isEqualTo("True");
    assertThat(paused.getMessage()).isEqualTo("MachineSet has the cluster.x-k8s.io/paused annotation");
    assertThat(paused.getObservedGeneration()).isEqualTo(3L);

    // Next reconcile: still paused, condition unchanged; still nothing.
    MachineSetPlan again = MachineSetPlanner.plan(input(plan.machineSet()).build());
    assertThat(again.machinesToCreate()).isEmpty();
    assertThat(again.steps()).singleElement().satisfies(s -> assertThat(s.action()).isEqualTo(PlanStep.Action.WAIT));

    // Unpaused: the condition flips, and that reconcile ends there too.
    MachineSet unpaused = plan.machineSet().withMetadata(new ObjectMetaBuilder(plan.machineSet().metadata())
        .removeFromAnnotations(Capi.PAUSED_ANNOTATION).build());
    MachineSetPlan flipped = MachineSetPlanner.plan(input(unpaused).build());
    assertThat(flipped.machinesToCreate()).isEmpty();
    MachineSetPlan running = MachineSetPlanner.plan(input(flipped.machineSet()).build());
    assertThat(running.machinesToCreate()).hasSize(3);
  }

  private static MachineSet notPaused(MachineSet ms) {
    return ms.withStatus(MachineSetStatus.builder().addCondition(new io.fabric8.kubernetes.api.model.ConditionBuilder()
        .withType("Paused").withStatus("False").withReason("NotPaused").withMessage("")
        .withObservedGeneration(ms.metadata().getGeneration()).build()).build());
  }

  @Test
  void standAloneMachineSetGetsClusterOwnerAndLabels() {
    MachineSet ms = notPaused(machineSet(0, m -> m.withLabels(Map.of())));
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).build());
    MachineSet out = plan.machineSet();
    assertThat(out.labels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "c1");
    assertThat(out.metadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("Cluster");
      assertThat(o.getUid()).isEqualTo("cluster-uid");
    });
    assertThat(out.spec().selector().orElseThrow().getMatchLabels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "c1");
    assertThat(out.status().orElseThrow().selector()).isEqualTo("cluster.x-k8s.io/cluster-name=c1,pool=a");
  }

  @Test
  void adoptsOrphansAndIgnoresOthers() {
    Machine orphan = owned("orphan").withMetadata(new ObjectMetaBuilder(owned("orphan").metadata())
        .withOwnerReferences(List.of()).build());
    Machine foreign = owned("foreign").withMetadata(new ObjectMetaBuilder(owned("foreign").metadata())
        .withOwnerReferences(controller("other", "other-uid")).build());
    MachineSetPlan plan = MachineSetPlanner.plan(input(notPaused(machineSet(1))).machines(List.of(orphan, foreign))
        .build());
    assertThat(plan.machinesToAdopt()).singleElement().satisfies(m -> assertThat(m.metadata().getOwnerReferences())
        .containsExactly(controller("ms1", MS_UID)));
    assertThat(plan.machinesToCreate()).isEmpty();
    assertThat(plan.machineSet().status().orElseThrow().replicas()).hasValue(1);
  }

  @Test
  void deletingMachineSetDeletesItsMachinesThenDropsTheFinalizer() {
    MachineSet ms = notPaused(machineSet(3, m -> m.withDeletionTimestamp(Conditions.format(NOW))));
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).machines(List.of(owned("a"),
        owned("b", withDeletionTimestamp()))).build());
    assertThat(deleted(plan)).containsExactly("a");
    assertThat(plan.machineSet().metadata().getFinalizers()).contains(Capi.MACHINE_SET_FINALIZER);
    assertThat(plan.requeueAfter()).isEmpty();
    Condition deleting = Conditions.get(plan.machineSet().status().orElseThrow().conditions(), "Deleting").orElseThrow();
    assertThat(deleting.getMessage()).isEqualTo("Deleting 2 Machines");

    MachineSetPlan done = MachineSetPlanner.plan(input(ms).build());
    assertThat(done.machineSet().metadata().getFinalizers()).doesNotContain(Capi.MACHINE_SET_FINALIZER);
  }

  @Test
  void missingOwnerMachineDeploymentStopsTheReconcile() {
    MachineSet ms = notPaused(mdChild(3, "1"));
    MachineSetPlan plan = MachineSetPlanner.plan(input(ms).machines(List.of(owned("a"))).build());
    assertThat(plan.errors()).containsExactly("failed to retrieve owner MachineDeployment for MachineSet default/ms1:"
        + " machinedeployments.cluster.x-k8s.io \"md1\" not found");
    assertThat(plan.machinesToCreate()).isEmpty();
    MachineSetStatus status = plan.machineSet().status().orElseThrow();
    assertThat(status.replicas()).isEmpty();
    assertThat(Conditions.get(status.conditions(), "ScalingUp").orElseThrow().getReason()).isEqualTo("InternalError");
  }

  @Test
  void syncMachinesPropagatesInPlaceFields() {
    MachineSet ms = machineSet(1);
    MachineTemplateSpec t = ms.spec().templateOrEmpty();
    ms = ms.withSpec(ms.spec().withTemplate(t
        .withMetadata(t.metadataOrEmpty().withAnnotations(Map.of("team", "y")))
        .withSpec(t.specOrEmpty().withMinReadySeconds(30))));
    MachineSetPlan plan = MachineSetPlanner.plan(input(notPaused(ms)).machines(List.of(owned("a"),
        owned("b", withDeletionTimestamp()))).build());
    assertThat(plan.machinesToUpdate()).hasSize(2);
    Machine a = plan.machinesToUpdate().get(0);
    assertThat(a.annotations()).containsEntry("team", "y");
    assertThat(a.spec().minReadySeconds()).hasValue(30);
    Machine b = plan.machinesToUpdate().get(1);
    assertThat(b.annotations()).containsEntry("team", "x");
    assertThat(b.spec().minReadySeconds()).hasValue(30);
  }

  @Test
  void requeueForMinReadySeconds() {
    MachineSet ms = machineSet(1);
    ms = ms.withSpec(ms.spec().withTemplate(ms.spec().templateOrEmpty()
        .withSpec(ms.spec().templateOrEmpty().specOrEmpty().withMinReadySeconds(40))));
    Machine ready = owned("a", withCondition("Ready", "True"));
    ready = ready.withSpec(ready.spec().withMinReadySeconds(40));
    MachineSetPlan plan = MachineSetPlanner.plan(input(notPaused(ms)).machines(List.of(ready)).build());
    assertThat(plan.requeueAfter()).hasValue(Duration.ofSeconds(40));

    Machine available = owned("a", withCondition("Ready", "True"), withCondition("Available", "True"));
    available = available.withSpec(available.spec().withMinReadySeconds(40));
    MachineSetPlan done = MachineSetPlanner.plan(input(notPaused(ms)).machines(List.of(available)).build());
    assertThat(done.requeueAfter()).isEmpty();
  }
}
