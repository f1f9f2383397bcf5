package io.capi4j.providers.aws.webhooks;

import static io.capi4j.providers.aws.AwsTestSupport.meta;
import static io.capi4j.providers.aws.AwsTestSupport.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.AwsTestSupport;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplateResource;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplateSpec;
import io.capi4j.providers.aws.api.v1beta2.CloudInit;
import io.capi4j.providers.aws.api.v1beta2.DynamicHostAllocationSpec;
import io.capi4j.providers.aws.api.v1beta2.InstanceMetadataOptions;
import io.capi4j.providers.aws.api.v1beta2.Volume;
import io.capi4j.validation.AdmissionResult;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code webhooks/awsmachinetemplate_webhook_test.go} (run against a test API server upstream). */
class AWSMachineTemplateWebhookTest {

  static AWSMachineTemplate template(AWSMachineSpec spec) {
    return AWSMachineTemplate.builder().metadata(meta("template"))
        .spec(AWSMachineTemplateSpec.builder().template(AWSMachineTemplateResource.builder().spec(spec).build()).build()).build();
  }

  static AWSMachineTemplate template(UnaryOperator<AWSMachineSpec> edit) {
    return template(edit.apply(AWSMachineSpec.builder().instanceType("test").build()));
  }

  static Arguments c(String name, UnaryOperator<AWSMachineSpec> edit, boolean wantErr) {
    return Arguments.of(Named.of(name, edit), wantErr);
  }

  static final DynamicHostAllocationSpec DYNAMIC = DynamicHostAllocationSpec.builder().putTag("env", "test").build();

  static Stream<Arguments> createCases() {
    return Stream.of(
        c("don't allow providerID", s -> s.withInstanceType("").withProviderID("something"), true),
        c("don't allow secretARN", s -> s.withInstanceType("").withCloudInit(CloudInit.builder().secretPrefix("something").build()), true),
        c("ensure RootVolume DeviceName can be set for use with clusterctl move",
            s -> s.withRootVolume(Volume.builder().deviceName("name").type("gp2").size(8L).build()), false),
        c("hostID and dynamicHostAllocation are mutually exclusive", s -> s.withTenancy("host").withHostID("h-1234567890abcdef0")
            .withDynamicHostAllocation(DynamicHostAllocationSpec.builder().putTag("Environment", "test").build()), true),
        c("hostAffinity=host requires hostID or dynamicHostAllocation", s -> s.withTenancy("host").withHostAffinity("host"), true),
        c("hostAffinity=host with hostID is valid", s -> s.withTenancy("host").withHostAffinity("host").withHostID("h-09dcf61cb388b0149"), false),
        c("hostAffinity=host with dynamicHostAllocation is valid",
            s -> s.withTenancy("host").withHostAffinity("host").withDynamicHostAllocation(DYNAMIC), false),
        c("hostAffinity=default without hostID is valid", s -> s.withHostAffinity("default"), false),
        c("hostID without tenancy=host is invalid", s -> s.withTenancy("default").withHostID("h-09dcf61cb388b0149"), true),
        c("hostAffinity=host without tenancy=host is invalid",
            s -> s.withTenancy("default").withHostAffinity("host").withHostID("h-09dcf61cb388b0149"), true),
        c("dynamicHostAllocation without tenancy=host is invalid", s -> s.withTenancy("dedicated").withDynamicHostAllocation(DYNAMIC), true),
        // Follow from the rules.
        c("cloud-init secret count is not for templates", s -> s.withCloudInit(CloudInit.builder().secretCount(3).build()), true),
        c("template root volume throughput only needs to be non-negative",
            s -> s.withRootVolume(Volume.builder().type("gp3").size(8L).throughput(100L).build()), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void validateCreate(UnaryOperator<AWSMachineSpec> edit, boolean wantErr) {
    AdmissionResult r = AwsTestSupport.create(template(edit));
    assertThat(r.isInvalid()).as(r.errors().toString()).isEqualTo(wantErr);
  }

  @Test
  void providerIdAndSecretsAreNamedInTheErrors() {
    AdmissionResult r = AwsTestSupport.create(template(s -> s.withProviderID("something")
        .withCloudInit(CloudInit.builder().secretPrefix("p").secretCount(2).build())));
    assertThat(render(r))
        .contains("spec.template.spec.providerID: Forbidden: cannot be set in templates")
        .contains("spec.template.spec.cloudInit.secretPrefix: Forbidden: cannot be set in templates")
        .contains("spec.template.spec.cloudInit.secretCount: Forbidden: cannot be set in templates");
  }

  static Stream<Arguments> updateCases() {
    return Stream.of(
        Arguments.of(Named.of("don't allow updates", AWSMachineSpec.builder().instanceType("test2").build()), true),
        Arguments.of(Named.of("allow defaulted values to update", AWSMachineSpec.builder().instanceType("test")
            .cloudInit(CloudInit.builder().build())
            .instanceMetadataOptions(InstanceMetadataOptions.builder().httpEndpoint("enabled").httpProtocolIPv6("disabled")
                .httpPutResponseHopLimit(1L).httpTokens("optional").instanceMetadataTags("disabled").build())
            .build()), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateCases")
  void validateUpdate(AWSMachineSpec modified, boolean wantErr) {
    AWSMachineTemplate created = AwsTestSupport.admitted(
        template(AWSMachineSpec.builder().cloudInit(CloudInit.builder().build()).instanceType("test").build()));
    AdmissionResult r = AwsTestSupport.update(created, template(modified));
    assertThat(r.isInvalid()).as(r.errors().toString()).isEqualTo(wantErr);
    if (wantErr) {
      assertThat(render(r)).contains("spec.template.spec: Invalid value: AWSMachineTemplate.Spec is immutable");
    }
  }
}
