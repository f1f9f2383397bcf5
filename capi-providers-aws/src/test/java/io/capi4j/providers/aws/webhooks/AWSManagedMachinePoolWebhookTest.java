package io.capi4j.providers.aws.webhooks;

import static io.capi4j.providers.aws.AwsTestSupport.meta;
import static io.capi4j.providers.aws.AwsTestSupport.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.AwsTestSupport;
import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.ManagedMachinePoolScaling;
import io.capi4j.providers.aws.api.v1beta2.ManagedRemoteAccess;
import io.capi4j.providers.aws.api.v1beta2.UpdateConfig;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code exp/webhooks/awsmanagedmachinepool_webhook_test.go} and the CRD rules of AWSManagedMachinePool. */
class AWSManagedMachinePoolWebhookTest {
  static final AWSManagedMachinePoolWebhook WEBHOOK = new AWSManagedMachinePoolWebhook();

  static AWSManagedMachinePool mmp(UnaryOperator<AWSManagedMachinePoolSpec> edit) {
    return AWSManagedMachinePool.builder().metadata(meta("mmp"))
        .spec(edit.apply(AWSManagedMachinePoolSpec.builder().eksNodegroupName("eks-node-group-1").build())).build();
  }

  static Arguments c(String name, UnaryOperator<AWSManagedMachinePoolSpec> edit, String expected) {
    return Arguments.of(Named.of(name, edit), expected);
  }

  static Stream<Arguments> createCases() {
    return Stream.of(
        c("ng name can't be empty", s -> s.withEksNodegroupName(""), "eksNodegroupName is required"),
        c("ng with name", s -> s, null),
        c("ng with valid tags", s -> s.withAdditionalTags(Map.of("key-1", "value-1", "key-2", "value-2")), null),
        c("invalid tags are rejected", s -> s.withAdditionalTags(Map.of("key-1", "value-1", "", "value-2",
            "CAPI".repeat(33), "value-3", "key-4", "CAPI".repeat(65))), "additionalTags"),
        c("valid update config", s -> s.withUpdateConfig(UpdateConfig.builder().maxUnavailable(1).build()), null),
        c("update config with no values", s -> s.withUpdateConfig(UpdateConfig.builder().build()),
            "must specify one of maxUnavailable or maxUnavailablePercentage when using nodegroup updateconfig"),
        c("update config with both values", s -> s.withUpdateConfig(UpdateConfig.builder().maxUnavailable(1).maxUnavailablePercentage(10).build()),
            "cannot specify both maxUnavailable and maxUnavailablePercentage"),
        c("minSize 0 is accepted", s -> s.withScaling(ManagedMachinePoolScaling.builder().minSize(0).build()), null),
        // Follow directly from the rules.
        c("maxSize below minSize", s -> s.withScaling(ManagedMachinePoolScaling.builder().minSize(3).maxSize(2).build()),
            "spec.scaling.maxSize: Invalid value: 2: must be greater than field spec.scaling.minSize"),
        c("maxSize equal to minSize", s -> s.withScaling(ManagedMachinePoolScaling.builder().minSize(2).maxSize(2).build()), null),
        c("negative minSize", s -> s.withScaling(ManagedMachinePoolScaling.builder().minSize(-1).build()),
            "spec.scaling.minSize: Invalid value: -1: must be greater or equal zero"),
        c("negative maxSize", s -> s.withScaling(ManagedMachinePoolScaling.builder().maxSize(-1).build()),
            "spec.scaling.maxSize: Invalid value: -1: must be greater than zero"),
        c("public remote access with source security groups",
            s -> s.withRemoteAccess(ManagedRemoteAccess.builder().publicAccess(true).addSourceSecurityGroup("sg-1").build()),
            "spec.remoteAccess.sourceSecurityGroups: Invalid value: []string{\"sg-1\"}: must be empty if public is set"),
        c("launch template with instanceType, diskSize and an instance profile",
            s -> s.withAwsLaunchTemplate(AWSLaunchTemplate.builder().iamInstanceProfile("profile").build())
                .withInstanceType("t3.large").withDiskSize(20),
            "InstanceType cannot be specified when LaunchTemplate is specified"),
        c("launch template with an instance profile",
            s -> s.withAwsLaunchTemplate(AWSLaunchTemplate.builder().iamInstanceProfile("profile").build()),
            "IAM instance profile in launch template is prohibited in EKS managed node group"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void validateCreate(UnaryOperator<AWSManagedMachinePoolSpec> edit, String expected) {
    AWSManagedMachinePool p = mmp(edit);
    List<FieldError> errs = WEBHOOK.validate(p, AdmissionContext.create());
    if (expected == null) {
      assertThat(errs).isEmpty();
    } else {
      assertThat(render(p, errs)).contains(expected);
    }
  }

  static final AWSLaunchTemplate LT = AWSLaunchTemplate.builder().name("lt").instanceType("t3.large").build();

  static Stream<Arguments> updateCases() {
    return Stream.of(
        u("update nodegroup name", s -> s, s -> s.withEksNodegroupName("eks-node-group-2"), "spec.eksNodegroupName"),
        u("adding subnets", s -> s, s -> s.withSubnetIDs("subnet-1"), "spec.subnetIDs"),
        u("removing subnets", s -> s.withSubnetIDs("subnet-1"), s -> s, "spec.subnetIDs"),
        u("changing subnets", s -> s.withSubnetIDs("subnet-1"), s -> s.withSubnetIDs("subnet-2"), "spec.subnetIDs"),
        u("removing role name", s -> s.withRoleName("role-1"), s -> s, "spec.roleName"),
        u("changing role name", s -> s.withRoleName("role-1"), s -> s.withRoleName("role-2"), "spec.roleName"),
        u("adding disk size", s -> s, s -> s.withDiskSize(20), "spec.diskSize"),
        u("removing disk size", s -> s.withDiskSize(20), s -> s, "spec.diskSize"),
        u("changing disk size", s -> s.withDiskSize(20), s -> s.withDiskSize(30), "spec.diskSize"),
        u("adding ami type", s -> s, s -> s.withAmiType("AL2_x86_64"), "spec.amiType"),
        u("removing ami type", s -> s.withAmiType("AL2_x86_64"), s -> s, "spec.amiType"),
        u("changing ami type", s -> s.withAmiType("AL2_x86_64"), s -> s.withAmiType("AL2_ARM_64"), "spec.amiType"),
        u("adding remote access", s -> s, s -> s.withRemoteAccess(ManagedRemoteAccess.builder().publicAccess(true).build()),
            "spec.remoteAccess"),
        u("removing remote access", s -> s.withRemoteAccess(ManagedRemoteAccess.builder().publicAccess(true).build()), s -> s,
            "spec.remoteAccess"),
        u("changing remote access", s -> s.withRemoteAccess(ManagedRemoteAccess.builder().publicAccess(true).build()),
            s -> s.withRemoteAccess(ManagedRemoteAccess.builder().publicAccess(false).build()), "spec.remoteAccess"),
        u("adding availability zones", s -> s, s -> s.withAvailabilityZones("us-east-1a"), "spec.availabilityZones"),
        u("removing availability zones", s -> s.withAvailabilityZones("us-east-1a"), s -> s, "spec.availabilityZones"),
        u("changing availability zones", s -> s.withAvailabilityZones("us-east-1a"), s -> s.withAvailabilityZones("us-east-1b"),
            "spec.availabilityZones"),
        u("removing capacity type", s -> s.withCapacityType("spot"), s -> s, "spec.capacityType"),
        u("changing capacity type", s -> s.withCapacityType("onDemand"), s -> s.withCapacityType("spot"), "spec.capacityType"),
        u("adding availability zone subnet type", s -> s, s -> s.withAvailabilityZoneSubnetType("public"),
            "spec.availabilityZoneSubnetType"),
        u("removing availability zone subnet type", s -> s.withAvailabilityZoneSubnetType("public"), s -> s,
            "spec.availabilityZoneSubnetType"),
        u("changing availability zone subnet type", s -> s.withAvailabilityZoneSubnetType("public"),
            s -> s.withAvailabilityZoneSubnetType("private"), "spec.availabilityZoneSubnetType"),
        u("adding launch template", s -> s, s -> s.withAwsLaunchTemplate(LT), "spec.awsLaunchTemplate"),
        u("removing launch template", s -> s.withAwsLaunchTemplate(LT), s -> s, "spec.awsLaunchTemplate"),
        u("changing launch template name", s -> s.withAwsLaunchTemplate(LT), s -> s.withAwsLaunchTemplate(LT.withName("lt-2")),
            "spec.awsLaunchTemplate.name: Invalid value: \"lt-2\": field is immutable"),
        u("adding tags", s -> s, s -> s.withAdditionalTags(Map.of("key-1", "value-1")), null),
        u("adding update config", s -> s, s -> s.withUpdateConfig(UpdateConfig.builder().maxUnavailablePercentage(10).build()), null),
        u("removing update config", s -> s.withUpdateConfig(UpdateConfig.builder().maxUnavailablePercentage(10).build()), s -> s, null),
        u("changing launch template fields other than the name", s -> s.withAwsLaunchTemplate(LT),
            s -> s.withAwsLaunchTemplate(LT.withInstanceType("m5.xlarge").withSshKeyName("key")), null),
        u("setting a role name for the first time", s -> s, s -> s.withRoleName("role-1"), null),
        u("setting a capacity type for the first time", s -> s, s -> s.withCapacityType("spot"), null),
        u("an update still validates update config", s -> s, s -> s.withUpdateConfig(UpdateConfig.builder().build()),
            "must specify one of maxUnavailable or maxUnavailablePercentage"));
  }

  static Arguments u(String name, UnaryOperator<AWSManagedMachinePoolSpec> old, UnaryOperator<AWSManagedMachinePoolSpec> now,
      String expected) {
    return Arguments.of(Named.of(name, old), now, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateCases")
  void validateUpdate(UnaryOperator<AWSManagedMachinePoolSpec> old, UnaryOperator<AWSManagedMachinePoolSpec> now, String expected) {
    AWSManagedMachinePool p = mmp(now);
    List<FieldError> errs = WEBHOOK.validate(p, AdmissionContext.create().withOldObject(mmp(old)));
    if (expected == null) {
      assertThat(errs).isEmpty();
    } else {
      boolean immutableField = expected.startsWith("spec.") && !expected.contains(":");
      assertThat(render(p, errs)).contains(immutableField ? expected + ": Invalid value" : expected);
      if (immutableField) {
        assertThat(render(p, errs)).contains("field is immutable");
      }
    }
  }

  @Test
  void defaultGeneratesTheNodegroupNameAndUpdateConfig() {
    AWSManagedMachinePool p = WEBHOOK.applyDefaults(
        AWSManagedMachinePool.builder().metadata(meta("my.pool")).build(), AdmissionContext.create());
    assertThat(p.spec().eksNodegroupName()).isEqualTo("default_my_pool");
    assertThat(p.spec().updateConfig()).contains(UpdateConfig.builder().maxUnavailable(1).build());
    assertThat(p.spec().amiType()).contains("AL2_x86_64");
    assertThat(p.spec().capacityType()).contains("onDemand");
  }

  @Test
  void defaultHashesNamesOf64CharactersOrMore() {
    assertThat(EksNames.generate("x".repeat(55), "default", 64)).isEqualTo("default_" + "x".repeat(55));
    assertThat(EksNames.generate("x".repeat(56), "default", 64)).isEqualTo("capa_1c9uz1ddnk1whprzks0ohhd4mk4");
    assertThat(EksNames.generate("a-very-long-managed-machine-pool-name-for-a-cluster.in-production", "default", 64))
        .isEqualTo("capa_70vake86i00ef2x6i8da88c6vxb");
  }

  @Test
  void defaultKeepsAGivenNameAndUpdateConfig() {
    AWSManagedMachinePool p = WEBHOOK.applyDefaults(
        mmp(s -> s.withUpdateConfig(UpdateConfig.builder().maxUnavailablePercentage(20).build())), AdmissionContext.create());
    assertThat(p.spec().eksNodegroupName()).isEqualTo("eks-node-group-1");
    assertThat(p.spec().updateConfig().orElseThrow().maxUnavailablePercentage()).contains(20);
    assertThat(p.spec().updateConfig().orElseThrow().maxUnavailable()).isEmpty();
  }

  @Test
  void aManagedPoolWithoutNameIsValidAfterDefaulting() {
    AdmissionResult r = AwsTestSupport.create(AWSManagedMachinePool.builder().metadata(meta("workers")).build());
    assertThat(r.errors()).isEmpty();
    assertThat(r.object(AWSManagedMachinePool.class).orElseThrow().spec().eksNodegroupName()).isEqualTo("default_workers");
  }

  @Test
  void theCrdBoundsUpdateConfigAndEnums() {
    AdmissionResult r = AwsTestSupport.create(mmp(s -> s.withUpdateConfig(UpdateConfig.builder().maxUnavailable(101).build())
        .withAmiType("AL3").withCapacityType("reserved").withAmiVersion(Optional.of("1"))));
    assertThat(render(r))
        .contains("spec.updateConfig.maxUnavailable: Invalid value: 101: spec.updateConfig.maxUnavailable in body should be less than or equal to 100")
        .contains("spec.amiType: Unsupported value: \"AL3\"")
        .contains("spec.capacityType: Unsupported value: \"reserved\": supported values: \"onDemand\", \"spot\"")
        .contains("spec.amiVersion in body should be at least 2 chars long");
    AdmissionResult zero = AwsTestSupport.create(mmp(s -> s.withUpdateConfig(UpdateConfig.builder().maxUnavailablePercentage(0).build())));
    assertThat(render(zero)).contains("spec.updateConfig.maxUnavailablePercentage in body should be greater than or equal to 1");
  }
}
