package io.capi4j.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.Arg;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.ContainerLinuxConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Discovery;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.DiskSetup;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.File;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.FileDiscovery;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.FileDiscoveryKubeConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.FileSource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.ImmutableKubeadmConfigSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Filesystem;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.IgnitionSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.JoinConfiguration;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeConfigAuthExec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeConfigAuthProvider;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeConfigCluster;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeConfigUser;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.NTP;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.NodeRegistrationOptions;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Partition;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.PasswdSource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.SecretFileSource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.SecretPasswdSource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Timeouts;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.User;
import io.capi4j.manifest.Manifests;
import io.capi4j.spi.Providers;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import tools.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Port of upstream's {@code bootstrap/kubeadm/internal/webhooks/kubeadmconfig_test.go}, adapted to v1beta2. */
class KubeadmConfigWebhookTest {
  static final KubeadmConfigWebhook WEBHOOK = new KubeadmConfigWebhook();
  static final FeatureGates IGNITION_ON =
      FeatureGates.defaults().with(FeatureGates.KUBEADM_BOOTSTRAP_FORMAT_IGNITION, true);

  static KubeadmConfig config(KubeadmConfigSpec spec) {
    return KubeadmConfig.builder()
        .metadata(new ObjectMetaBuilder().withName("baz").withNamespace("default").build())
        .spec(spec)
        .build();
  }

  static ImmutableKubeadmConfigSpec.Builder spec() {
    return KubeadmConfigSpec.builder();
  }

  /** The validating webhook on a create and on an update (upstream: ValidateCreate and ValidateUpdate(nil, in)). */
  static List<FieldError> validate(KubeadmConfig c, boolean ignitionGate) {
    FeatureGates gates = ignitionGate ? IGNITION_ON : FeatureGates.defaults();
    AdmissionContext create = AdmissionContext.create().withFeatureGates(gates);
    List<FieldError> onCreate = WEBHOOK.validate(c, create);
    List<FieldError> onUpdate = WEBHOOK.validate(c, create.withOldObject(c));
    assertThat(onUpdate).isEqualTo(onCreate);
    return onCreate;
  }

  static List<String> strings(List<FieldError> errs) {
    return errs.stream().map(FieldError::toString).toList();
  }

  static File contentFromSecret(String name, String key) {
    return File.builder().contentFrom(FileSource.ofSecret(name, key)).build();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestKubeadmConfigDefault (v1beta1 only upstream)
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Upstream's TestKubeadmConfigDefault is v1beta1-only: it expected an empty spec to be defaulted to
   * {@code format: cloud-config}. v1beta2 has no KubeadmConfig defaulter, so the object comes back unchanged; the
   * explicit {@code format: ignition} case stays {@code ignition} as before.
   */
  @Test
  void noDefaultingInV1beta2() {
    KubeadmConfig empty = config(spec().build());
    assertThat(WEBHOOK.applyDefaults(empty, AdmissionContext.create())).isEqualTo(empty);
    assertThat(empty.specOrEmpty().format()).isEmpty();
    assertThat(empty.specOrEmpty().effectiveFormat()).isEqualTo("cloud-config");

    KubeadmConfig ignition = config(spec().format("ignition").build());
    assertThat(WEBHOOK.applyDefaults(ignition, AdmissionContext.create()).specOrEmpty().format()).isEqualTo("ignition");
  }

  /** Upstream's CustomDefaultValidateTest on a copy with {@code verbosity: 4}: defaulting is idempotent and valid. */
  @Test
  void customDefaultValidate() {
    KubeadmConfig c = config(spec().verbosity(4).build());
    AdmissionContext ctx = AdmissionContext.create();
    KubeadmConfig defaulted = WEBHOOK.applyDefaults(c, ctx);
    assertThat(WEBHOOK.applyDefaults(defaulted, ctx)).isEqualTo(defaulted);
    assertThat(WEBHOOK.checkSchema(defaulted, ctx)).isEmpty();
    assertThat(validate(defaulted, false)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestKubeadmConfigValidate
  // ---------------------------------------------------------------------------------------------------------------

  static Stream<Arguments> validateCases() {
    return Stream.of(
        Arguments.of("valid content", spec().addFile(File.builder().content("foo").build()).build(), false, false),
        Arguments.of("valid contentFrom", spec().addFile(contentFromSecret("foo", "bar")).build(), false, false),
        // Adapted: upstream used `contentFrom: {}`. In v1beta2 contentFrom is a value struct and an empty one is the
        // zero value, i.e. "not set" (IsDefined() is false), so the webhook cannot see a conflict; the CRD schema
        // rejects `contentFrom: {}` instead (see schemaRejectsEmptySources). A defined contentFrom keeps the case.
        Arguments.of("invalid content and contentFrom",
            spec().addFile(File.builder().contentFrom(FileSource.ofSecret("foo", "bar")).content("foo").build()).build(),
            false, true),
        Arguments.of("invalid contentFrom without name",
            spec().addFile(File.builder().contentFrom(FileSource.builder()
                .secret(SecretFileSource.builder().key("bar").build()).build()).content("foo").build()).build(),
            false, true),
        Arguments.of("invalid contentFrom without key",
            spec().addFile(File.builder().contentFrom(FileSource.builder()
                .secret(SecretFileSource.builder().name("foo").build()).build()).content("foo").build()).build(),
            false, true),
        Arguments.of("invalid with duplicate file path",
            spec().addFile(File.builder().content("foo").build()).addFile(File.builder().content("bar").build()).build(),
            false, true),
        Arguments.of("valid passwd", spec().addUser(User.builder().passwd("foo").build()).build(), false, false),
        Arguments.of("valid passwdFrom",
            spec().addUser(User.builder().passwdFrom(PasswdSource.ofSecret("foo", "bar")).build()).build(), false, false),
        // Adapted for the same reason as "invalid content and contentFrom": upstream used `passwdFrom: {}`.
        Arguments.of("invalid passwd and passwdFrom",
            spec().addUser(User.builder().passwdFrom(PasswdSource.ofSecret("foo", "bar")).passwd("foo").build()).build(),
            false, true),
        Arguments.of("invalid passwdFrom without name",
            spec().addUser(User.builder().passwdFrom(PasswdSource.builder()
                .secret(SecretPasswdSource.builder().key("bar").build()).build()).passwd("foo").build()).build(),
            false, true),
        Arguments.of("invalid passwdFrom without key",
            spec().addUser(User.builder().passwdFrom(PasswdSource.builder()
                .secret(SecretPasswdSource.builder().name("foo").build()).build()).passwd("foo").build()).build(),
            false, true),
        // Adapted: upstream used `ignition: {}`, which in v1beta2 is the zero value (IsDefined() is false), so the
        // webhook would accept it; the CRD schema rejects it (MinProperties=1, see schemaRejectsEmptySources). A
        // defined ignition keeps the case.
        Arguments.of("Ignition field is set, format is not Ignition",
            spec().ignition(ignition(ContainerLinuxConfig.builder().additionalConfig("storage: {}").build())).build(),
            true, true),
        Arguments.of("Ignition field is not set, format is Ignition", spec().format("ignition").build(), true, false),
        Arguments.of("format is Ignition, user is inactive",
            spec().format("ignition").addUser(User.builder().inactive(true).build()).build(), true, true),
        Arguments.of("format is Ignition, non-GPT partition configured",
            spec().format("ignition").diskSetup(DiskSetup.builder()
                .addPartition(Partition.builder().tableType("MS-DOS").build()).build()).build(),
            true, true),
        // Dropped: "format is Ignition, experimental retry join is set" (useExperimentalRetryJoin was removed in
        // v1beta2; there is nothing left to set).
        Arguments.of("feature gate disabled, format is Ignition", spec().format("ignition").build(), false, true),
        // Kept as upstream: `containerLinuxConfig: {}` is not "defined" in v1beta2, but `format: ignition` alone is
        // forbidden with the gate off, so the case still fails.
        Arguments.of("feature gate disabled, Ignition field is set",
            spec().format("ignition").ignition(ignition(ContainerLinuxConfig.builder().build())).build(), false, true),
        Arguments.of("replaceFS specified with Ignition",
            spec().format("ignition").diskSetup(DiskSetup.builder()
                .addFilesystem(Filesystem.builder().replaceFS("ntfs").build()).build()).build(),
            true, true),
        Arguments.of("filesystem partition specified with Ignition",
            spec().format("ignition").diskSetup(DiskSetup.builder()
                .addFilesystem(Filesystem.builder().partition("1").build()).build()).build(),
            true, true),
        Arguments.of("file encoding gzip specified with Ignition",
            spec().format("ignition").addFile(File.builder().encoding("gzip").build()).build(), true, true),
        Arguments.of("file encoding gzip+base64 specified with Ignition",
            spec().format("ignition").addFile(File.builder().encoding("gzip+base64").build()).build(), true, true));
  }

  static IgnitionSpec ignition(ContainerLinuxConfig clc) {
    return IgnitionSpec.builder().containerLinuxConfig(clc).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validateCases")
  void kubeadmConfigValidate(String name, KubeadmConfigSpec spec, boolean ignitionGate, boolean expectErr) {
    List<FieldError> errs = validate(config(spec), ignitionGate);
    if (expectErr) {
      assertThat(errs).as(name).isNotEmpty();
    } else {
      assertThat(errs).as(name).isEmpty();
    }
  }

  @Test
  void kubeadmConfigValidateCaseCount() {
    assertThat(validateCases().count()).isEqualTo(21); // upstream's 22 minus useExperimentalRetryJoin
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Exact errors of each rule
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void fileErrors() {
    File both = File.builder().path("/a").content("foo").contentFrom(FileSource.ofSecret("s", "k")).build();
    File noName = File.builder().path("/b").contentFrom(FileSource.builder()
        .secret(SecretFileSource.builder().key("k").build()).build()).build();
    File noKey = File.builder().path("/a").contentFrom(FileSource.builder()
        .secret(SecretFileSource.builder().name("s").build()).build()).build();
    List<FieldError> errs = validate(config(spec().addFiles(both, noName, noKey).build()), false);
    assertThat(errs).extracting(FieldError::field, FieldError::type, FieldError::detail).containsExactly(
        org.assertj.core.groups.Tuple.tuple("spec.files[0]", FieldError.Type.INVALID,
            "only one of content or contentFrom may be specified for a single file"),
        org.assertj.core.groups.Tuple.tuple("spec.files[1].contentFrom.secret.name", FieldError.Type.REQUIRED,
            "secret file source must specify non-empty secret name"),
        org.assertj.core.groups.Tuple.tuple("spec.files[2].contentFrom.secret.key", FieldError.Type.REQUIRED,
            "secret file source must specify non-empty secret key"),
        org.assertj.core.groups.Tuple.tuple("spec.files[2].path", FieldError.Type.INVALID,
            "path property must be unique among all files"));
    assertThat(errs.get(1).toString())
        .isEqualTo("spec.files[1].contentFrom.secret.name: Required value: secret file source must specify non-empty secret name");
  }

  @Test
  void userErrors() {
    User both = User.builder().name("a").passwd("x").passwdFrom(PasswdSource.ofSecret("s", "k")).build();
    User noName = User.builder().name("b").passwdFrom(PasswdSource.builder()
        .secret(SecretPasswdSource.builder().key("k").build()).build()).build();
    User noKey = User.builder().name("c").passwdFrom(PasswdSource.builder()
        .secret(SecretPasswdSource.builder().name("s").build()).build()).build();
    List<FieldError> errs = validate(config(spec().addUsers(both, noName, noKey).build()), false);
    assertThat(errs).extracting(FieldError::field, FieldError::detail).containsExactly(
        org.assertj.core.groups.Tuple.tuple("spec.users[0]", "only one of passwd or passwdFrom may be specified for a single user"),
        org.assertj.core.groups.Tuple.tuple("spec.users[1].passwdFrom.secret.name", "secret file source must specify non-empty secret name"),
        org.assertj.core.groups.Tuple.tuple("spec.users[2].passwdFrom.secret.key", "secret file source must specify non-empty secret key"));
  }

  @Test
  void ignitionForbiddenWithGateOff() {
    KubeadmConfigSpec s = spec().format("ignition")
        .ignition(ignition(ContainerLinuxConfig.builder().strict(true).build())).build();
    assertThat(strings(validate(config(s), false))).containsExactly(
        "spec.format: Forbidden: can be set only if the KubeadmBootstrapFormatIgnition feature gate is enabled",
        "spec.ignition: Forbidden: can be set only if the KubeadmBootstrapFormatIgnition feature gate is enabled");
  }

  @Test
  void ignitionNeedsIgnitionFormat() {
    KubeadmConfigSpec s = spec().format("cloud-config")
        .ignition(ignition(ContainerLinuxConfig.builder().strict(false).build())).build();
    assertThat(strings(validate(config(s), true)))
        .containsExactly("spec.format: Invalid value: \"cloud-config\": must be set to \"ignition\" if spec.ignition is set");
  }

  @Test
  void ignitionFormatRestrictions() {
    KubeadmConfigSpec s = spec().format("ignition")
        .addUsers(User.builder().name("a").inactive(true).build(), User.builder().name("b").inactive(false).build())
        .addFiles(File.builder().path("/a").encoding("base64").build(), File.builder().path("/b").encoding("gzip").build())
        .addBootCommand("echo hi")
        .diskSetup(DiskSetup.builder()
            .addPartition(Partition.builder().device("/dev/a").layout(true).tableType("gpt").build())
            .addPartition(Partition.builder().device("/dev/b").layout(true).tableType("mbr").build())
            .addPartition(Partition.builder().device("/dev/c").layout(true).build()) // empty table type: fine
            .addFilesystem(Filesystem.builder().device("/dev/b1").filesystem("ext4").replaceFS("ntfs").partition("auto").build())
            .build())
        .build();
    assertThat(strings(validate(config(s), true))).containsExactly(
        "spec.users[0].inactive: Forbidden: not supported when spec.format is set to: \"ignition\"",
        "spec.files[1].encoding: Forbidden: not supported when spec.format is set to: \"ignition\"",
        "spec.bootCommands: Forbidden: not supported when spec.format is set to: \"ignition\"",
        "spec.diskSetup.partitions[1].tableType: Invalid value: \"mbr\": only partition type \"gpt\" is supported when spec.format is set to \"ignition\"",
        "spec.diskSetup.filesystems[0].replaceFS: Forbidden: not supported when spec.format is set to: \"ignition\"",
        "spec.diskSetup.filesystems[0].partition: Forbidden: not supported when spec.format is set to: \"ignition\"");
  }

  static KubeadmConfigSpec discoveryUser(KubeConfigUser user) {
    return spec().joinConfiguration(JoinConfiguration.builder().discovery(Discovery.builder().file(FileDiscovery.builder()
        .kubeConfigPath("/etc/kubernetes/discovery.conf")
        .kubeConfig(FileDiscoveryKubeConfig.builder().user(user).build())
        .build()).build()).build()).build();
  }

  @Test
  void authProviderAndExecAreExclusive() {
    KubeConfigUser both = KubeConfigUser.builder()
        .authProvider(KubeConfigAuthProvider.builder().name("oidc").build())
        .exec(KubeConfigAuthExec.builder().command("/bin/token").build())
        .build();
    List<FieldError> errs = validate(config(discoveryUser(both)), false);
    assertThat(errs).hasSize(1);
    // QUIRK (upstream): lowercase "kubeconfig" in the path.
    assertThat(errs.get(0).field()).isEqualTo("spec.joinConfiguration.discovery.file.kubeconfig.user");
    assertThat(errs.get(0).detail()).isEqualTo("only one of authProvider or exec must be defined");

    assertThat(validate(config(discoveryUser(KubeConfigUser.builder()
        .exec(KubeConfigAuthExec.builder().command("/bin/token").build()).build())), false)).isEmpty();
    assertThat(validate(config(discoveryUser(KubeConfigUser.builder()
        .authProvider(KubeConfigAuthProvider.builder().name("oidc").build()).build())), false)).isEmpty();
    // Empty objects are the zero value upstream: not "defined", so no conflict (the schema rejects them).
    assertThat(validate(config(discoveryUser(KubeConfigUser.builder()
        .authProvider(KubeConfigAuthProvider.builder().build())
        .exec(KubeConfigAuthExec.builder().command("/bin/token").build()).build())), false)).isEmpty();
  }

  @Test
  void absentSpecIsValid() {
    KubeadmConfig c = KubeadmConfig.builder()
        .metadata(new ObjectMetaBuilder().withName("baz").withNamespace("default").build()).build();
    assertThat(validate(c, false)).isEmpty();
    assertThat(WEBHOOK.checkSchema(c, AdmissionContext.create())).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // CRD schema
  // ---------------------------------------------------------------------------------------------------------------

  @Nested
  class Schema {
    List<String> check(KubeadmConfigSpec s) {
      return strings(WEBHOOK.checkSchema(config(s), AdmissionContext.create()));
    }

    /** The literal upstream inputs of the adapted cases are still rejected, by the schema. */
    @Test
    void schemaRejectsEmptySources() {
      assertThat(check(spec().addFile(File.builder().path("/a").contentFrom(FileSource.builder().build()).content("foo").build()).build()))
          .containsExactly("spec.files[0].contentFrom.secret: Required value");
      assertThat(check(spec().addUser(User.builder().name("u").passwdFrom(PasswdSource.builder().build()).passwd("foo").build()).build()))
          .containsExactly("spec.users[0].passwdFrom.secret: Required value");
      assertThat(check(spec().ignition(IgnitionSpec.builder().build()).build()))
          .containsExactly("spec.ignition: Invalid value: {}: spec.ignition in body should have at least 1 properties");
      assertThat(check(spec().format("ignition").ignition(ignition(ContainerLinuxConfig.builder().build())).build()))
          .containsExactly("spec.ignition.containerLinuxConfig: Invalid value: {}: "
              + "spec.ignition.containerLinuxConfig in body should have at least 1 properties");
    }

    @Test
    void validSpecPasses() {
      KubeadmConfigSpec s = spec()
          .joinConfiguration(JoinConfiguration.builder()
              .nodeRegistration(NodeRegistrationOptions.builder()
                  .addKubeletExtraArgs(Arg.of("cloud-provider", "external"), Arg.of("node-labels", ""))
                  .taints(List.of())
                  .imagePullPolicy("Never").build())
              .timeouts(Timeouts.builder().discoverySeconds(0).build())
              .build())
          .addFile(File.builder().path("/a").content("x").encoding("gzip+base64").build())
          .diskSetup(DiskSetup.builder().addPartition(Partition.builder().device("/dev/a").layout(false).tableType("mbr").build()).build())
          .addMount(List.of("/dev/a1", "/data"))
          .format("cloud-config")
          .build();
      assertThat(check(s)).isEmpty();
    }

    @Test
    void emptySpecPresentIsRejectedButAbsentIsNot() {
      assertThat(check(spec().build()))
          .containsExactly("spec: Invalid value: {}: spec in body should have at least 1 properties");
      // A control-plane spec only has fields capi4j keeps as unknown: they count as properties.
      assertThat(check(spec().putUnknownField("initConfiguration", JsonNodeFactory.instance.objectNode().put("x", 1)).build()))
          .isEmpty();
      assertThat(WEBHOOK.checkSchema(KubeadmConfig.builder().build(), AdmissionContext.create())).isEmpty();
    }

    @Test
    void enums() {
      KubeadmConfigSpec s = spec()
          .format("yaml")
          .addFile(File.builder().path("/a").encoding("zip").build())
          .diskSetup(DiskSetup.builder().addPartition(Partition.builder().device("/dev/a").layout(true).tableType("MS-DOS").build()).build())
          .joinConfiguration(JoinConfiguration.builder().nodeRegistration(
              NodeRegistrationOptions.builder().imagePullPolicy("Sometimes").build()).build())
          .build();
      assertThat(check(s)).containsExactlyInAnyOrder(
          "spec.format: Unsupported value: \"yaml\": supported values: \"cloud-config\", \"ignition\"",
          "spec.files[0].encoding: Unsupported value: \"zip\": supported values: \"base64\", \"gzip\", \"gzip+base64\"",
          "spec.diskSetup.partitions[0].tableType: Unsupported value: \"MS-DOS\": supported values: \"mbr\", \"gpt\"",
          "spec.joinConfiguration.nodeRegistration.imagePullPolicy: Unsupported value: \"Sometimes\": "
              + "supported values: \"Always\", \"IfNotPresent\", \"Never\"");
    }

    @Test
    void kubeletExtraArgsNamesMustBeUnique() {
      KubeadmConfigSpec s = spec().joinConfiguration(JoinConfiguration.builder().nodeRegistration(
          NodeRegistrationOptions.builder()
              .addKubeletExtraArgs(Arg.of("v", "2"), Arg.of("max-pods", "10"), Arg.of("v", "4")).build()).build()).build();
      assertThat(check(s)).containsExactly(
          "spec.joinConfiguration.nodeRegistration.kubeletExtraArgs: Invalid value: \"array\": kubeletExtraArgs name must be unique");
      KubeadmConfigSpec noValue = spec().joinConfiguration(JoinConfiguration.builder().nodeRegistration(
          NodeRegistrationOptions.builder().addKubeletExtraArg(Arg.builder().name("v").build()).build()).build()).build();
      assertThat(check(noValue)).containsExactly("spec.joinConfiguration.nodeRegistration.kubeletExtraArgs[0].value: Required value");
    }

    @Test
    void listSizes() {
      List<File> files = new ArrayList<>();
      for (int i = 0; i < 201; i++) {
        files.add(File.builder().path("/f" + i).build());
      }
      List<Arg> args = new ArrayList<>();
      for (int i = 0; i < 101; i++) {
        args.add(Arg.of("a" + i, ""));
      }
      KubeadmConfigSpec s = spec()
          .files(files)
          .addAllBootCommands(Collections.nCopies(1001, "x"))
          .addAllMounts(Collections.nCopies(101, List.of("a")))
          .addAllUsers(Collections.nCopies(101, User.builder().name("u").build()))
          .joinConfiguration(JoinConfiguration.builder()
              .nodeRegistration(NodeRegistrationOptions.builder().kubeletExtraArgs(args)
                  .ignorePreflightErrors(Collections.nCopies(51, "Swap"))
                  .taints(Collections.nCopies(101, new TaintBuilder().withKey("k").withEffect("NoSchedule").build()))
                  .build())
              .skipPhases(Collections.nCopies(51, "preflight"))
              .build())
          .ntp(NTP.builder().servers(Collections.nCopies(101, "pool")).build())
          .build();
      assertThat(check(s)).containsExactlyInAnyOrder(
          "spec.files: Too many: 201: must have at most 200 items",
          "spec.bootCommands: Too many: 1001: must have at most 1000 items",
          "spec.mounts: Too many: 101: must have at most 100 items",
          "spec.users: Too many: 101: must have at most 100 items",
          "spec.joinConfiguration.nodeRegistration.kubeletExtraArgs: Too many: 101: must have at most 100 items",
          "spec.joinConfiguration.nodeRegistration.ignorePreflightErrors: Too many: 51: must have at most 50 items",
          "spec.joinConfiguration.nodeRegistration.taints: Too many: 101: must have at most 100 items",
          "spec.joinConfiguration.skipPhases: Too many: 51: must have at most 50 items",
          "spec.ntp.servers: Too many: 101: must have at most 100 items");
    }

    @Test
    void requiredFieldsAndLengths() {
      KubeadmConfigSpec s = spec()
          .addFile(File.builder().content("x").build())
          .addUser(User.builder().passwd("x").build())
          .addPreKubeadmCommand("")
          .addMount(List.of())
          .diskSetup(DiskSetup.builder()
              .addPartition(Partition.builder().build())
              .addFilesystem(Filesystem.builder().build()).build())
          .joinConfiguration(JoinConfiguration.builder()
              .caCertPath("x".repeat(513))
              .nodeRegistration(NodeRegistrationOptions.builder()
                  .taints(List.of(new TaintBuilder().withValue("v").build())).build())
              .discovery(Discovery.builder().file(FileDiscovery.builder()
                  .kubeConfig(FileDiscoveryKubeConfig.builder()
                      .cluster(KubeConfigCluster.builder().certificateAuthorityData("not base64!").build())
                      .build())
                  .build()).build())
              .timeouts(Timeouts.builder().kubeletHealthCheckSeconds(-1).build())
              .build())
          .build();
      assertThat(check(s)).containsExactlyInAnyOrder(
          "spec.files[0].path: Required value",
          "spec.users[0].name: Required value",
          "spec.preKubeadmCommands[0]: Invalid value: \"\": spec.preKubeadmCommands[0] in body should be at least 1 chars long",
          "spec.mounts[0]: Invalid value: \"[]\": spec.mounts[0] in body should have at least 1 items",
          "spec.diskSetup.partitions[0].device: Required value",
          "spec.diskSetup.partitions[0].layout: Required value",
          "spec.diskSetup.filesystems[0].device: Required value",
          "spec.diskSetup.filesystems[0].filesystem: Required value",
          "spec.joinConfiguration.caCertPath: Too long: may not be more than 512 bytes",
          "spec.joinConfiguration.nodeRegistration.taints[0].key: Required value",
          "spec.joinConfiguration.nodeRegistration.taints[0].effect: Required value",
          "spec.joinConfiguration.discovery.file.kubeConfigPath: Required value",
          "spec.joinConfiguration.discovery.file.kubeConfig.cluster.certificateAuthorityData: Invalid value: \"not base64!\": "
              + "spec.joinConfiguration.discovery.file.kubeConfig.cluster.certificateAuthorityData in body must be of type byte: \"not base64!\"",
          "spec.joinConfiguration.discovery.file.kubeConfig.user: Required value",
          "spec.joinConfiguration.timeouts.kubeletHealthCheckSeconds: Invalid value: -1: "
              + "spec.joinConfiguration.timeouts.kubeletHealthCheckSeconds in body should be greater than or equal to 0");
    }

    @Test
    void emptyNestedObjects() {
      KubeadmConfigSpec s = spec()
          .ntp(NTP.builder().build())
          .diskSetup(DiskSetup.builder().build())
          .joinConfiguration(JoinConfiguration.builder()
              .nodeRegistration(NodeRegistrationOptions.builder().build())
              .discovery(Discovery.builder().file(FileDiscovery.builder().kubeConfigPath("/k")
                  .kubeConfig(FileDiscoveryKubeConfig.builder().user(KubeConfigUser.builder().build()).build()).build()).build())
              .build())
          .build();
      assertThat(check(s)).containsExactlyInAnyOrder(
          "spec.ntp: Invalid value: {}: spec.ntp in body should have at least 1 properties",
          "spec.diskSetup: Invalid value: {}: spec.diskSetup in body should have at least 1 properties",
          "spec.joinConfiguration.nodeRegistration: Invalid value: {}: spec.joinConfiguration.nodeRegistration in body should have at least 1 properties",
          "spec.joinConfiguration.discovery.file.kubeConfig.user: Invalid value: {}: "
              + "spec.joinConfiguration.discovery.file.kubeConfig.user in body should have at least 1 properties");
      assertThat(check(spec().joinConfiguration(JoinConfiguration.builder().build()).build()))
          .containsExactly("spec.joinConfiguration: Invalid value: {}: spec.joinConfiguration in body should have at least 1 properties");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Through Admission, as the validate command runs it
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void admissionFromManifest() throws Exception {
    Manifests manifests = Manifests.create(Providers.none());
    String yaml =
        """
        apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
        kind: KubeadmConfig
        metadata: {name: baz, namespace: default}
        spec:
          format: ignition
          files:
          - path: /a
            content: foo
          - path: /a
            content: bar
          joinConfiguration:
            nodeRegistration:
              kubeletExtraArgs:
              - {name: v, value: "1"}
              - {name: v, value: "2"}
        """;
    List<AdmissionResult> off = Admission.create(Providers.none()).admit(manifests.parse("c.yaml", yaml));
    assertThat(off).hasSize(1);
    assertThat(strings(off.get(0).errors())).containsExactly(
        "spec.joinConfiguration.nodeRegistration.kubeletExtraArgs: Invalid value: \"array\": kubeletExtraArgs name must be unique",
        "spec.files[1].path: Invalid value: " + off.get(0).errors().get(1).badValue()
            + ": path property must be unique among all files",
        "spec.format: Forbidden: can be set only if the KubeadmBootstrapFormatIgnition feature gate is enabled");

    List<AdmissionResult> on = Admission.create(Providers.none())
        .withFeatureGates(IGNITION_ON).admit(manifests.parse("c.yaml", yaml));
    assertThat(on.get(0).errors()).extracting(FieldError::field)
        .containsExactly("spec.joinConfiguration.nodeRegistration.kubeletExtraArgs", "spec.files[1].path");
    assertThat(on.get(0).object(KubeadmConfig.class)).isPresent();
  }

  @Test
  void unknownControlPlaneFieldsAreKept() throws Exception {
    Manifests manifests = Manifests.create(Providers.none());
    String yaml =
        """
        apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
        kind: KubeadmConfig
        metadata: {name: cp, namespace: default}
        spec:
          initConfiguration:
            nodeRegistration: {name: cp}
          clusterConfiguration:
            apiServer: {}
        """;
    AdmissionResult r = Admission.create(Providers.none()).admit(manifests.parse("cp.yaml", yaml)).get(0);
    assertThat(r.errors()).isEmpty();
    assertThat(r.isValid()).isTrue();
    KubeadmConfig c = r.object(KubeadmConfig.class).orElseThrow();
    assertThat(c.specOrEmpty().unknownFields()).containsOnlyKeys("initConfiguration", "clusterConfiguration");
    assertThat(Map.copyOf(c.specOrEmpty().unknownFields())).hasSize(2);
  }
}
