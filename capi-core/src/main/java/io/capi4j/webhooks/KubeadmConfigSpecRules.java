package io.capi4j.webhooks;

import io.capi4j.api.UnknownFields;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Arg;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.BootstrapTokenDiscovery;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.ContainerLinuxConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Discovery;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.DiskSetup;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.File;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.FileDiscovery;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.FileDiscoveryKubeConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Filesystem;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.IgnitionSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.JoinConfiguration;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeConfigAuthExec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeConfigAuthExecEnv;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeConfigAuthProvider;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeConfigCluster;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeConfigUser;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Kubeadm;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.NTP;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.NodeRegistrationOptions;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Partition;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Patches;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Timeouts;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.User;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a {@code KubeadmConfigSpec}, shared by the KubeadmConfig and KubeadmConfigTemplate webhooks: the CRD
 * schema ({@link #checkSchema}) and upstream's {@code KubeadmConfigSpec.Validate(isKCP=false, path)}
 * ({@link #validate}). Only the worker fields capi4j models are checked; {@code clusterConfiguration} and
 * {@code initConfiguration} are kept but not checked.
 */
public final class KubeadmConfigSpecRules {
  private KubeadmConfigSpecRules() {}

  public static final String CONFLICTING_FILE_SOURCE_MSG =
      "only one of content or contentFrom may be specified for a single file";
  public static final String CONFLICTING_USER_SOURCE_MSG =
      "only one of passwd or passwdFrom may be specified for a single user";
  public static final String IGNITION_FEATURE_DISABLED_MSG =
      "can be set only if the KubeadmBootstrapFormatIgnition feature gate is enabled";
  public static final String MISSING_SECRET_NAME_MSG = "secret file source must specify non-empty secret name";
  public static final String MISSING_SECRET_KEY_MSG = "secret file source must specify non-empty secret key";
  public static final String PATH_CONFLICT_MSG = "path property must be unique among all files";
  public static final String CANNOT_USE_WITH_IGNITION = "not supported when spec.format is set to: \"ignition\"";
  public static final String KUBELET_EXTRA_ARGS_UNIQUE_MSG = "kubeletExtraArgs name must be unique";

  // ---------------------------------------------------------------------------------------------------------------
  // Validating webhook: KubeadmConfigSpec.Validate(isKCP=false, path)
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Upstream's {@code KubeadmConfigSpec.Validate} for a KubeadmConfig or KubeadmConfigTemplate ({@code isKCP=false}):
   * files, users, Ignition, and the exclusivity of the discovery kubeconfig's {@code authProvider} and {@code exec}.
   *
   * @param path the spec's path, {@code spec} or {@code spec.template.spec}
   */
  public static List<FieldError> validate(KubeadmConfigSpec spec, FieldPath path, FeatureGates gates) {
    List<FieldError> errs = new ArrayList<>();
    errs.addAll(validateFiles(spec, path));
    errs.addAll(validateUsers(spec, path));
    errs.addAll(validateIgnition(spec, path, gates));
    JoinConfiguration join = spec.joinConfigurationOrEmpty();
    if (join.isDefined()) {
      KubeConfigUser user = join.discoveryOrEmpty().fileOrEmpty().kubeConfigOrEmpty().userOrEmpty();
      boolean authProvider = user.authProvider().map(KubeConfigAuthProvider::isDefined).orElse(false);
      boolean exec = user.exec().map(KubeConfigAuthExec::isDefined).orElse(false);
      if (authProvider && exec) {
        // QUIRK (upstream): the path segment is "kubeconfig", although the field is "kubeConfig".
        errs.add(FieldError.invalid(path.child("joinConfiguration", "discovery", "file", "kubeconfig", "user"), user,
            "only one of authProvider or exec must be defined"));
      }
    }
    return errs;
  }

  static List<FieldError> validateFiles(KubeadmConfigSpec spec, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> knownPaths = new HashSet<>();
    for (int i = 0; i < spec.files().size(); i++) {
      File file = spec.files().get(i);
      FieldPath fp = path.child("files").index(i);
      if (!file.content().isEmpty() && file.isContentFromDefined()) {
        errs.add(FieldError.invalid(fp, file, CONFLICTING_FILE_SOURCE_MSG));
      }
      if (file.isContentFromDefined()) {
        var secret = file.contentFrom().get().secret().get();
        if (secret.name().isEmpty()) {
          errs.add(FieldError.required(fp.child("contentFrom", "secret", "name"), MISSING_SECRET_NAME_MSG));
        }
        if (secret.key().isEmpty()) {
          errs.add(FieldError.required(fp.child("contentFrom", "secret", "key"), MISSING_SECRET_KEY_MSG));
        }
      }
      if (!knownPaths.add(file.path())) {
        errs.add(FieldError.invalid(fp.child("path"), file, PATH_CONFLICT_MSG));
      }
    }
    return errs;
  }

  static List<FieldError> validateUsers(KubeadmConfigSpec spec, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < spec.users().size(); i++) {
      User user = spec.users().get(i);
      FieldPath up = path.child("users").index(i);
      if (!user.passwd().isEmpty() && user.isPasswdFromDefined()) {
        errs.add(FieldError.invalid(up, user, CONFLICTING_USER_SOURCE_MSG));
      }
      if (user.isPasswdFromDefined()) {
        var secret = user.passwdFrom().get().secret().get();
        // Upstream words these with "file source" too.
        if (secret.name().isEmpty()) {
          errs.add(FieldError.required(up.child("passwdFrom", "secret", "name"), MISSING_SECRET_NAME_MSG));
        }
        if (secret.key().isEmpty()) {
          errs.add(FieldError.required(up.child("passwdFrom", "secret", "key"), MISSING_SECRET_KEY_MSG));
        }
      }
    }
    return errs;
  }

  static List<FieldError> validateIgnition(KubeadmConfigSpec spec, FieldPath path, FeatureGates gates) {
    List<FieldError> errs = new ArrayList<>();
    boolean ignitionFormat = spec.format().equals(Kubeadm.FORMAT_IGNITION);
    if (!gates.enabled(FeatureGates.KUBEADM_BOOTSTRAP_FORMAT_IGNITION)) {
      if (ignitionFormat) {
        errs.add(FieldError.forbidden(path.child("format"), IGNITION_FEATURE_DISABLED_MSG));
      }
      if (spec.isIgnitionDefined()) {
        errs.add(FieldError.forbidden(path.child("ignition"), IGNITION_FEATURE_DISABLED_MSG));
      }
      return errs;
    }
    if (!ignitionFormat) {
      if (spec.isIgnitionDefined()) {
        errs.add(FieldError.invalid(path.child("format"), spec.format(),
            "must be set to \"ignition\" if spec.ignition is set"));
      }
      return errs;
    }
    for (int i = 0; i < spec.users().size(); i++) {
      if (spec.users().get(i).isInactive()) {
        errs.add(FieldError.forbidden(path.child("users").index(i).child("inactive"), CANNOT_USE_WITH_IGNITION));
      }
    }
    for (int i = 0; i < spec.files().size(); i++) {
      String enc = spec.files().get(i).encoding();
      if (enc.equals(File.ENCODING_GZIP) || enc.equals(File.ENCODING_GZIP_BASE64)) {
        errs.add(FieldError.forbidden(path.child("files").index(i).child("encoding"), CANNOT_USE_WITH_IGNITION));
      }
    }
    // Upstream tests "!= nil"; an empty list cannot be told from an absent one here (and the CRD rejects it anyway).
    if (!spec.bootCommands().isEmpty()) {
      errs.add(FieldError.forbidden(path.child("bootCommands"), CANNOT_USE_WITH_IGNITION));
    }
    DiskSetup disk = spec.diskSetupOrEmpty();
    for (int i = 0; i < disk.partitions().size(); i++) {
      String tableType = disk.partitions().get(i).tableType();
      if (!tableType.isEmpty() && !tableType.equals(Partition.TABLE_TYPE_GPT)) {
        errs.add(FieldError.invalid(path.child("diskSetup", "partitions").index(i).child("tableType"), tableType,
            "only partition type \"gpt\" is supported when spec.format is set to \"ignition\""));
      }
    }
    for (int i = 0; i < disk.filesystems().size(); i++) {
      Filesystem fs = disk.filesystems().get(i);
      FieldPath fp = path.child("diskSetup", "filesystems").index(i);
      if (!fs.replaceFS().isEmpty()) {
        errs.add(FieldError.forbidden(fp.child("replaceFS"), CANNOT_USE_WITH_IGNITION));
      }
      if (!fs.partition().isEmpty()) {
        errs.add(FieldError.forbidden(fp.child("partition"), CANNOT_USE_WITH_IGNITION));
      }
    }
    return errs;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // CRD schema
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * The CRD schema rules of a spec that is present: required fields, string lengths, enums, list sizes,
   * {@code MinProperties=1} on present objects, and the {@code kubeletExtraArgs} uniqueness rule. An absent spec is
   * not checked (callers skip it). Lists are not checked for {@code MinItems=1}: an empty list is not kept apart from
   * an absent one.
   */
  public static List<FieldError> checkSchema(KubeadmConfigSpec s, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    minProperties(errs, p, s, s.joinConfiguration().isPresent() || !s.files().isEmpty() || s.diskSetup().isPresent()
        || !s.mounts().isEmpty() || !s.bootCommands().isEmpty() || !s.preKubeadmCommands().isEmpty()
        || !s.postKubeadmCommands().isEmpty() || !s.users().isEmpty() || s.ntp().isPresent() || !s.format().isEmpty()
        || s.verbosity().isPresent() || s.ignition().isPresent());
    s.joinConfiguration().ifPresent(j -> joinConfiguration(errs, p.child("joinConfiguration"), j));

    Schema.items(errs, p.child("files"), s.files(), 200);
    for (int i = 0; i < s.files().size(); i++) {
      file(errs, p.child("files").index(i), s.files().get(i));
    }
    s.diskSetup().ifPresent(d -> diskSetup(errs, p.child("diskSetup"), d));
    Schema.items(errs, p.child("mounts"), s.mounts(), 100);
    for (int i = 0; i < s.mounts().size(); i++) {
      FieldPath mp = p.child("mounts").index(i);
      List<String> mount = s.mounts().get(i);
      if (mount.isEmpty()) {
        errs.add(FieldError.invalid(mp, "[]", mp + " in body should have at least 1 items"));
      }
      strings(errs, mp, mount, 100, 512);
    }
    strings(errs, p.child("bootCommands"), s.bootCommands(), 1000, 10240);
    strings(errs, p.child("preKubeadmCommands"), s.preKubeadmCommands(), 1000, 10240);
    strings(errs, p.child("postKubeadmCommands"), s.postKubeadmCommands(), 1000, 10240);
    Schema.items(errs, p.child("users"), s.users(), 100);
    for (int i = 0; i < s.users().size(); i++) {
      user(errs, p.child("users").index(i), s.users().get(i));
    }
    s.ntp().ifPresent(n -> ntp(errs, p.child("ntp"), n));
    Schema.enumeration(errs, p.child("format"), s.format(), List.of(Kubeadm.FORMAT_CLOUD_CONFIG, Kubeadm.FORMAT_IGNITION));
    s.ignition().ifPresent(ig -> ignition(errs, p.child("ignition"), ig));
    return errs;
  }

  private static void joinConfiguration(List<FieldError> errs, FieldPath p, JoinConfiguration j) {
    minProperties(errs, p, j, j.nodeRegistration().isPresent() || !j.caCertPath().isEmpty() || j.discovery().isPresent()
        || !j.skipPhases().isEmpty() || j.patches().isPresent() || j.timeouts().isPresent());
    j.nodeRegistration().ifPresent(nr -> nodeRegistration(errs, p.child("nodeRegistration"), nr));
    Schema.optionalString(errs, p.child("caCertPath"), j.caCertPath(), 1, 512);
    j.discovery().ifPresent(d -> discovery(errs, p.child("discovery"), d));
    strings(errs, p.child("skipPhases"), j.skipPhases(), 50, 256);
    j.patches().ifPresent(pa -> patches(errs, p.child("patches"), pa));
    j.timeouts().ifPresent(t -> timeouts(errs, p.child("timeouts"), t));
  }

  private static void nodeRegistration(List<FieldError> errs, FieldPath p, NodeRegistrationOptions nr) {
    minProperties(errs, p, nr, nr.isDefined());
    Schema.optionalString(errs, p.child("name"), nr.name(), 1, 253);
    Schema.optionalString(errs, p.child("criSocket"), nr.criSocket(), 1, 512);
    nr.taints().ifPresent(taints -> {
      Schema.items(errs, p.child("taints"), taints, 100);
      for (int i = 0; i < taints.size(); i++) {
        Taint t = taints.get(i);
        FieldPath tp = p.child("taints").index(i);
        if (t == null) {
          errs.add(FieldError.required(tp, ""));
          continue;
        }
        if (t.getKey() == null) {
          errs.add(FieldError.required(tp.child("key"), ""));
        }
        if (t.getEffect() == null) {
          errs.add(FieldError.required(tp.child("effect"), ""));
        }
      }
    });
    FieldPath ap = p.child("kubeletExtraArgs");
    Schema.items(errs, ap, nr.kubeletExtraArgs(), 100);
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < nr.kubeletExtraArgs().size(); i++) {
      Arg a = nr.kubeletExtraArgs().get(i);
      FieldPath ip = ap.index(i);
      Schema.requiredString(errs, ip.child("name"), a.name(), 1, 256);
      if (a.value().isEmpty()) {
        errs.add(FieldError.required(ip.child("value"), ""));
      } else {
        Schema.length(errs, ip.child("value"), a.value().get(), 0, 1024);
      }
      names.merge(a.name(), 1, Integer::sum);
    }
    // CEL: self.all(x, self.exists_one(y, x.name == y.name)); the API server prints the schema type as the value.
    if (names.values().stream().anyMatch(n -> n > 1)) {
      errs.add(FieldError.invalid(ap, "array", KUBELET_EXTRA_ARGS_UNIQUE_MSG));
    }
    strings(errs, p.child("ignorePreflightErrors"), nr.ignorePreflightErrors(), 50, 512);
    Schema.enumeration(errs, p.child("imagePullPolicy"), nr.imagePullPolicy(), List.of(
        NodeRegistrationOptions.PULL_ALWAYS, NodeRegistrationOptions.PULL_IF_NOT_PRESENT, NodeRegistrationOptions.PULL_NEVER));
  }

  private static void discovery(List<FieldError> errs, FieldPath p, Discovery d) {
    minProperties(errs, p, d, d.bootstrapToken().isPresent() || d.file().isPresent() || !d.tlsBootstrapToken().isEmpty());
    d.bootstrapToken().ifPresent(b -> bootstrapToken(errs, p.child("bootstrapToken"), b));
    d.file().ifPresent(f -> fileDiscovery(errs, p.child("file"), f));
    Schema.optionalString(errs, p.child("tlsBootstrapToken"), d.tlsBootstrapToken(), 1, 512);
  }

  private static void bootstrapToken(List<FieldError> errs, FieldPath p, BootstrapTokenDiscovery b) {
    minProperties(errs, p, b, b.isDefined());
    Schema.optionalString(errs, p.child("token"), b.token(), 1, 512);
    Schema.optionalString(errs, p.child("apiServerEndpoint"), b.apiServerEndpoint(), 1, 512);
    strings(errs, p.child("caCertHashes"), b.caCertHashes(), 100, 512);
  }

  private static void fileDiscovery(List<FieldError> errs, FieldPath p, FileDiscovery f) {
    Schema.requiredString(errs, p.child("kubeConfigPath"), f.kubeConfigPath(), 1, 512);
    f.kubeConfig().ifPresent(kc -> kubeConfig(errs, p.child("kubeConfig"), kc));
  }

  private static void kubeConfig(List<FieldError> errs, FieldPath p, FileDiscoveryKubeConfig kc) {
    kc.cluster().ifPresent(c -> kubeConfigCluster(errs, p.child("cluster"), c));
    Schema.required(errs, p.child("user"), kc.user());
    kc.user().ifPresent(u -> kubeConfigUser(errs, p.child("user"), u));
  }

  private static void kubeConfigCluster(List<FieldError> errs, FieldPath p, KubeConfigCluster c) {
    minProperties(errs, p, c, c.isDefined());
    Schema.optionalString(errs, p.child("server"), c.server(), 1, 512);
    Schema.optionalString(errs, p.child("tlsServerName"), c.tlsServerName(), 1, 512);
    FieldPath ca = p.child("certificateAuthorityData");
    Schema.optionalString(errs, ca, c.certificateAuthorityData(), 1, 51200);
    if (!c.certificateAuthorityData().isEmpty() && !isBase64(c.certificateAuthorityData())) {
      // kube-openapi's format check for Go []byte fields (format: byte).
      errs.add(FieldError.invalid(ca, c.certificateAuthorityData(), ca + " in body must be of type byte: \""
          + c.certificateAuthorityData() + "\""));
    }
    Schema.optionalString(errs, p.child("proxyURL"), c.proxyURL(), 1, 512);
  }

  private static void kubeConfigUser(List<FieldError> errs, FieldPath p, KubeConfigUser u) {
    minProperties(errs, p, u, u.authProvider().isPresent() || u.exec().isPresent());
    u.authProvider().ifPresent(a -> Schema.requiredString(errs, p.child("authProvider", "name"), a.name(), 1, 256));
    u.exec().ifPresent(e -> {
      FieldPath ep = p.child("exec");
      Schema.requiredString(errs, ep.child("command"), e.command(), 1, 1024);
      strings(errs, ep.child("args"), e.args(), 100, 512);
      Schema.items(errs, ep.child("env"), e.env(), 100);
      for (int i = 0; i < e.env().size(); i++) {
        KubeConfigAuthExecEnv env = e.env().get(i);
        Schema.requiredString(errs, ep.child("env").index(i).child("name"), env.name(), 1, 512);
        Schema.requiredString(errs, ep.child("env").index(i).child("value"), env.value(), 1, 512);
      }
      Schema.optionalString(errs, ep.child("apiVersion"), e.apiVersion(), 1, 512);
    });
  }

  private static void patches(List<FieldError> errs, FieldPath p, Patches pa) {
    minProperties(errs, p, pa, pa.isDefined());
    Schema.optionalString(errs, p.child("directory"), pa.directory(), 1, 512);
  }

  private static void timeouts(List<FieldError> errs, FieldPath p, Timeouts t) {
    minProperties(errs, p, t, t.isDefined());
    Schema.minimum(errs, p.child("controlPlaneComponentHealthCheckSeconds"), t.controlPlaneComponentHealthCheckSeconds(), 0);
    Schema.minimum(errs, p.child("kubeletHealthCheckSeconds"), t.kubeletHealthCheckSeconds(), 0);
    Schema.minimum(errs, p.child("kubernetesAPICallSeconds"), t.kubernetesAPICallSeconds(), 0);
    Schema.minimum(errs, p.child("etcdAPICallSeconds"), t.etcdAPICallSeconds(), 0);
    Schema.minimum(errs, p.child("tlsBootstrapSeconds"), t.tlsBootstrapSeconds(), 0);
    Schema.minimum(errs, p.child("discoverySeconds"), t.discoverySeconds(), 0);
  }

  private static void file(List<FieldError> errs, FieldPath p, File f) {
    Schema.requiredString(errs, p.child("path"), f.path(), 1, 512);
    Schema.optionalString(errs, p.child("owner"), f.owner(), 1, 256);
    Schema.optionalString(errs, p.child("permissions"), f.permissions(), 1, 16);
    Schema.enumeration(errs, p.child("encoding"), f.encoding(),
        List.of(File.ENCODING_BASE64, File.ENCODING_GZIP, File.ENCODING_GZIP_BASE64));
    Schema.optionalString(errs, p.child("content"), f.content(), 1, 10240);
    f.contentFrom().ifPresent(cf -> {
      FieldPath sp = p.child("contentFrom", "secret");
      Schema.required(errs, sp, cf.secret());
      cf.secret().ifPresent(s -> secretRef(errs, sp, s.name(), s.key()));
    });
  }

  private static void user(List<FieldError> errs, FieldPath p, User u) {
    Schema.requiredString(errs, p.child("name"), u.name(), 1, 256);
    Schema.optionalString(errs, p.child("gecos"), u.gecos(), 1, 256);
    Schema.optionalString(errs, p.child("groups"), u.groups(), 1, 256);
    Schema.optionalString(errs, p.child("homeDir"), u.homeDir(), 1, 256);
    Schema.optionalString(errs, p.child("shell"), u.shell(), 1, 256);
    Schema.optionalString(errs, p.child("passwd"), u.passwd(), 1, 256);
    u.passwdFrom().ifPresent(pf -> {
      FieldPath sp = p.child("passwdFrom", "secret");
      Schema.required(errs, sp, pf.secret());
      pf.secret().ifPresent(s -> secretRef(errs, sp, s.name(), s.key()));
    });
    Schema.optionalString(errs, p.child("primaryGroup"), u.primaryGroup(), 1, 256);
    Schema.optionalString(errs, p.child("sudo"), u.sudo(), 1, 256);
    strings(errs, p.child("sshAuthorizedKeys"), u.sshAuthorizedKeys(), 100, 2048);
  }

  private static void secretRef(List<FieldError> errs, FieldPath p, String name, String key) {
    Schema.requiredString(errs, p.child("name"), name, 1, 253);
    Schema.requiredString(errs, p.child("key"), key, 1, 256);
  }

  private static void diskSetup(List<FieldError> errs, FieldPath p, DiskSetup d) {
    minProperties(errs, p, d, d.isDefined());
    Schema.items(errs, p.child("partitions"), d.partitions(), 100);
    for (int i = 0; i < d.partitions().size(); i++) {
      Partition part = d.partitions().get(i);
      FieldPath pp = p.child("partitions").index(i);
      Schema.requiredString(errs, pp.child("device"), part.device(), 1, 256);
      Schema.required(errs, pp.child("layout"), part.layout());
      Schema.enumeration(errs, pp.child("tableType"), part.tableType(),
          List.of(Partition.TABLE_TYPE_MBR, Partition.TABLE_TYPE_GPT));
    }
    Schema.items(errs, p.child("filesystems"), d.filesystems(), 100);
    for (int i = 0; i < d.filesystems().size(); i++) {
      Filesystem fs = d.filesystems().get(i);
      FieldPath fp = p.child("filesystems").index(i);
      Schema.requiredString(errs, fp.child("device"), fs.device(), 1, 256);
      Schema.requiredString(errs, fp.child("filesystem"), fs.filesystem(), 1, 128);
      Schema.optionalString(errs, fp.child("label"), fs.label(), 1, 512);
      Schema.optionalString(errs, fp.child("partition"), fs.partition(), 1, 128);
      Schema.optionalString(errs, fp.child("replaceFS"), fs.replaceFS(), 1, 128);
      strings(errs, fp.child("extraOpts"), fs.extraOpts(), 100, 256);
    }
  }

  private static void ntp(List<FieldError> errs, FieldPath p, NTP n) {
    minProperties(errs, p, n, n.isDefined());
    strings(errs, p.child("servers"), n.servers(), 100, 512);
  }

  private static void ignition(List<FieldError> errs, FieldPath p, IgnitionSpec ig) {
    minProperties(errs, p, ig, ig.containerLinuxConfig().isPresent());
    ig.containerLinuxConfig().ifPresent(c -> containerLinuxConfig(errs, p.child("containerLinuxConfig"), c));
  }

  private static void containerLinuxConfig(List<FieldError> errs, FieldPath p, ContainerLinuxConfig c) {
    minProperties(errs, p, c, c.isDefined());
    Schema.optionalString(errs, p.child("additionalConfig"), c.additionalConfig(), 1, 32768);
  }

  /** A list of strings: at most {@code maxItems}, each 1 to {@code maxLength} characters. */
  private static void strings(List<FieldError> errs, FieldPath p, List<String> list, int maxItems, int maxLength) {
    Schema.items(errs, p, list, maxItems);
    for (int i = 0; i < list.size(); i++) {
      Schema.length(errs, p.index(i), list.get(i), 1, maxLength);
    }
  }

  /**
   * {@code MinProperties=1} on an object that is present. Fields capi4j keeps but does not model count as properties
   * (e.g. {@code initConfiguration} of a control-plane spec).
   */
  static void minProperties(List<FieldError> errs, FieldPath p, UnknownFields value, boolean anyModelled) {
    if (!anyModelled && value.unknownFields().isEmpty()) {
      errs.add(new FieldError(FieldError.Type.INVALID, p.toString(), "{}", p + " in body should have at least 1 properties"));
    }
  }

  private static boolean isBase64(String s) {
    try {
      Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
