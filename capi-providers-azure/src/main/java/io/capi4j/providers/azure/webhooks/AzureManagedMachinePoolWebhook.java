package io.capi4j.providers.azure.webhooks;

import io.capi4j.api.CapiObject;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePool;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePoolSpec;
import io.capi4j.providers.azure.api.v1beta1.KubeletConfig;
import io.capi4j.providers.azure.api.v1beta1.LinuxOSConfig;
import io.capi4j.providers.azure.api.v1beta1.ManagedMachinePoolScaling;
import io.capi4j.providers.azure.api.v1beta1.SysctlConfig;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.capi4j.webhooks.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * AzureManagedMachinePool (AKS agent pool) defaulting and validation, as CAPZ's
 * {@code internal/webhooks/azuremanagedmachinepool_{webhook,validation}.go}, plus the CRD's defaults and schema.
 *
 * <p>The "last System pool" rule reads the other AzureManagedMachinePools among the admitted objects: the pools of
 * the same namespace that carry the same {@code cluster.x-k8s.io/cluster-name} label and the System mode label. It
 * is skipped when the object has no cluster-name label, when the Cluster (if among the objects) is being deleted,
 * or when the object carries clusterctl's delete-for-move annotation. capi4j deviation: upstream also rejects when
 * the Cluster cannot be read; capi4j treats a Cluster that is not among the objects as not being deleted.
 *
 * <p>Scaling: CAPZ checks no bounds of {@code spec.scaling} (AKS rejects {@code minCount > maxCount} at the API);
 * capi4j rejects {@code minSize > maxSize} and negative sizes, marked "(capi4j)".
 */
public final class AzureManagedMachinePoolWebhook implements Webhook<AzureManagedMachinePool> {
  /** The message of a rejected delete or mode change of the last System pool. */
  public static final String LAST_SYSTEM_POOL = "AKS Cluster must have at least one system pool";
  public static final String MODE_CHANGE =
      "Cannot change node pool mode to User, you must have at least one System node pool in your cluster";
  public static final String DELETE_HINT = "if the delete is triggered via owner MachinePool please refer to trouble "
      + "shooting section in https://capz.sigs.k8s.io/topics/managedcluster.html";

  private static final Pattern NODE_PUBLIC_IP_PREFIX_ID = Pattern.compile(
      "(?i)^/?subscriptions/[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}/resourcegroups/[^/]+/providers/microsoft\\.network/publicipprefixes/[^/]+$");
  private static final String SUBNET_REGEX = "^[a-zA-Z0-9][a-zA-Z0-9._-]{0,78}[a-zA-Z0-9]$";
  private static final List<Pattern> UNSAFE_SYSCTLS = List.of(
      Pattern.compile("^kernel\\.shm.+$"), Pattern.compile("^kernel\\.msg.+$"), Pattern.compile("^kernel\\.sem$"),
      Pattern.compile("^fs\\.mqueue\\..+$"), Pattern.compile("^net\\..+$"));
  private static final Pattern PORT_RANGE = Pattern.compile("^[0-9]+ [0-9]+$");

  private static final FieldPath SPEC = FieldPath.of("spec");

  @Override
  public AzureManagedMachinePool applyDefaults(AzureManagedMachinePool m, AdmissionContext ctx) {
    AzureManagedMachinePoolSpec s = m.spec();
    // CRD defaults.
    if (s.osDiskType().isEmpty()) {
      s = s.withOsDiskType("Managed");
    }
    if (s.scaleDownMode().isEmpty()) {
      s = s.withScaleDownMode("Delete");
    }
    // Webhook defaults.
    Map<String, String> labels = new LinkedHashMap<>(m.labels());
    labels.put(Azure.LABEL_AGENT_POOL_MODE, s.mode());
    if (s.name().filter(n -> !n.isEmpty()).isEmpty()) {
      s = s.withName(m.name());
    }
    if (s.osType().isEmpty()) {
      s = s.withOsType(Azure.LINUX);
    }
    return m.withMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(m.metadata()).withLabels(labels).build())
        .withSpec(s);
  }

  @Override
  public List<FieldError> checkSchema(AzureManagedMachinePool m, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    AzureManagedMachinePoolSpec s = m.spec();
    Schema.requiredString(errs, SPEC.child("mode"), s.mode(), 0, 0);
    Schema.enumeration(errs, SPEC.child("mode"), s.mode(), List.of(Azure.NODE_POOL_MODE_SYSTEM, Azure.NODE_POOL_MODE_USER));
    Schema.requiredString(errs, SPEC.child("sku"), s.sku(), 0, 0);
    s.osType().ifPresent(v -> Schema.enumeration(errs, SPEC.child("osType"), v, List.of(Azure.LINUX, Azure.WINDOWS)));
    s.osDiskType().ifPresent(v -> Schema.enumeration(errs, SPEC.child("osDiskType"), v, List.of("Ephemeral", "Managed")));
    s.scaleSetPriority().ifPresent(v -> Schema.enumeration(errs, SPEC.child("scaleSetPriority"), v, List.of("Regular", "Spot")));
    s.scaleDownMode().ifPresent(v -> Schema.enumeration(errs, SPEC.child("scaleDownMode"), v, List.of("Deallocate", "Delete")));
    s.kubeletDiskType().ifPresent(v -> Schema.enumeration(errs, SPEC.child("kubeletDiskType"), v, List.of("OS", "Temporary")));
    return errs;
  }

  @Override
  public List<FieldError> validate(AzureManagedMachinePool m, AdmissionContext ctx) {
    Optional<AzureManagedMachinePool> old = ctx.oldObject(AzureManagedMachinePool.class);
    List<FieldError> errs = old.isPresent() ? validateUpdate(old.get(), m, ctx) : validateCreate(m);
    errs.addAll(validateScaling(m.spec().scaling()));
    return errs;
  }

  private static List<FieldError> validateCreate(AzureManagedMachinePool m) {
    List<FieldError> errs = new ArrayList<>();
    AzureManagedMachinePoolSpec s = m.spec();
    s.maxPods().filter(v -> v < 10 || v > 250)
        .ifPresent(v -> errs.add(FieldError.invalid(SPEC.child("maxPods"), v, "MaxPods must be between 10 and 250")));
    validateOSType(s.mode(), s.osType()).ifPresent(errs::add);
    validateName(m.name(), s.name(), s.osType()).ifPresent(errs::add);
    validateNodeLabels(s.nodeLabels()).ifPresent(errs::add);
    s.nodePublicIPPrefixID().filter(id -> !NODE_PUBLIC_IP_PREFIX_ID.matcher(id).matches()).ifPresent(id -> errs.add(
        FieldError.invalid(SPEC.child("nodePublicIPPrefixID"), id, "resource ID must match \"" + NODE_PUBLIC_IP_PREFIX_ID.pattern() + "\"")));
    if (!s.enableNodePublicIP().orElse(false) && s.nodePublicIPPrefixID().isPresent()) {
      errs.add(AzureRules.raw(SPEC.child("enableNodePublicIP"), s.enableNodePublicIP().map(String::valueOf).orElse("null"),
          "must be set to true when NodePublicIPPrefixID is set"));
    }
    validateKubeletConfig(s.kubeletConfig()).ifPresent(errs::add);
    errs.addAll(validateLinuxOSConfig(s.linuxOSConfig(), s.kubeletConfig()));
    s.subnetName().filter(n -> !Pattern.compile(SUBNET_REGEX).matcher(n).matches()).ifPresent(n -> errs.add(
        FieldError.invalid(SPEC.child("subnetName"), n, "name of subnet doesn't match regex " + SUBNET_REGEX)));
    return errs;
  }

  private static List<FieldError> validateUpdate(AzureManagedMachinePool old, AzureManagedMachinePool m, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    AzureManagedMachinePoolSpec o = old.spec();
    AzureManagedMachinePoolSpec s = m.spec();
    AzureRules.immutable(errs, SPEC.child("name"), o.name(), s.name());
    validateNodeLabels(s.nodeLabels()).ifPresent(e ->
        errs.add(AzureRules.raw(SPEC.child("nodeLabels"), new TreeMap<>(s.nodeLabels()).toString(), e.toString())));
    AzureRules.immutable(errs, SPEC.child("osType"), o.osType(), s.osType());
    AzureRules.immutable(errs, SPEC.child("sku"), o.sku(), s.sku());
    AzureRules.immutable(errs, SPEC.child("osDiskSizeGB"), o.osDiskSizeGB(), s.osDiskSizeGB());
    if (o.subnetName().isPresent()) {
      AzureRules.immutable(errs, SPEC.child("subnetName"), o.subnetName(), s.subnetName());
    }
    if (o.enableFIPS().isPresent()) {
      AzureRules.immutable(errs, SPEC.child("enableFIPS"), o.enableFIPS(), s.enableFIPS());
    }
    if (o.enableEncryptionAtHost().isPresent()) {
      AzureRules.immutable(errs, SPEC.child("enableEncryptionAtHost"), o.enableEncryptionAtHost(), s.enableEncryptionAtHost());
    }
    if (!sameElements(o.availabilityZones(), s.availabilityZones())) {
      errs.add(AzureRules.raw(SPEC.child("availabilityZones"), s.availabilityZones().toString(), AzureRules.IMMUTABLE));
    }
    if (!s.mode().equals(Azure.NODE_POOL_MODE_SYSTEM) && o.mode().equals(Azure.NODE_POOL_MODE_SYSTEM)
        && lastSystemPool(m, ctx).isPresent()) {
      errs.add(FieldError.forbidden(SPEC.child("mode"), MODE_CHANGE));
    }
    AzureRules.immutable(errs, SPEC.child("maxPods"), o.maxPods(), s.maxPods());
    AzureRules.immutable(errs, SPEC.child("osDiskType"), o.osDiskType(), s.osDiskType());
    AzureRules.immutable(errs, SPEC.child("scaleSetPriority"), o.scaleSetPriority(), s.scaleSetPriority());
    AzureRules.immutable(errs, SPEC.child("enableUltraSSD"), o.enableUltraSSD(), s.enableUltraSSD());
    AzureRules.immutable(errs, SPEC.child("enableNodePublicIP"), o.enableNodePublicIP(), s.enableNodePublicIP());
    AzureRules.immutable(errs, SPEC.child("nodePublicIPPrefixID"), o.nodePublicIPPrefixID(), s.nodePublicIPPrefixID());
    AzureRules.immutable(errs, SPEC.child("kubeletConfig"), o.kubeletConfig(), s.kubeletConfig());
    AzureRules.immutable(errs, SPEC.child("kubeletDiskType"), o.kubeletDiskType(), s.kubeletDiskType());
    AzureRules.immutable(errs, SPEC.child("linuxOSConfig"), o.linuxOSConfig(), s.linuxOSConfig());
    return errs;
  }

  /**
   * {@code ValidateDelete}: a System pool may not be deleted when it is the last one of its cluster.
   *
   * @return the rejection, or nothing
   */
  public List<FieldError> validateDelete(AzureManagedMachinePool m, AdmissionContext ctx) {
    if (!m.spec().mode().equals(Azure.NODE_POOL_MODE_SYSTEM)) {
      return List.of();
    }
    return lastSystemPool(m, ctx)
        .map(msg -> List.of(FieldError.forbidden(SPEC.child("mode"), DELETE_HINT + ": " + msg)))
        .orElse(List.of());
  }

  /**
   * {@code validateLastSystemNodePool}: the error when {@code m} is its cluster's only System pool (counting
   * {@code m} itself, as upstream's list of stored pools does).
   */
  static Optional<String> lastSystemPool(AzureManagedMachinePool m, AdmissionContext ctx) {
    String clusterName = m.labels().get(Capi.CLUSTER_NAME_LABEL);
    if (clusterName == null) {
      return Optional.empty();
    }
    Optional<Cluster> cluster = ctx.find(Cluster.class, m.namespace(), clusterName);
    if (cluster.filter(CapiObject::isDeleting).isPresent()) {
      return Optional.empty();
    }
    if (m.annotations().containsKey(Azure.DELETE_FOR_MOVE_ANNOTATION)) {
      return Optional.empty();
    }
    long others = ctx.objectsOf(AzureManagedMachinePool.class).stream()
        .filter(p -> p.namespace().equals(m.namespace()) && !p.name().equals(m.name()))
        .filter(p -> clusterName.equals(p.labels().get(Capi.CLUSTER_NAME_LABEL)))
        .filter(p -> Azure.NODE_POOL_MODE_SYSTEM.equals(p.labels().get(Azure.LABEL_AGENT_POOL_MODE)))
        .count();
    return others + 1 <= 1 ? Optional.of(LAST_SYSTEM_POOL) : Optional.empty();
  }

  /** {@code validateOSType}: a System pool must run Linux. QUIRK (kept): upstream's "pooll" typo. */
  static Optional<FieldError> validateOSType(String mode, Optional<String> osType) {
    if (mode.equals(Azure.NODE_POOL_MODE_SYSTEM) && osType.isPresent() && !osType.get().equals(Azure.LINUX)) {
      return Optional.of(FieldError.forbidden(SPEC.child("osType"), "System node pooll must have OSType 'Linux'"));
    }
    return Optional.empty();
  }

  /**
   * {@code validateMPName}: the agent pool name ({@code spec.name}, else {@code metadata.name}) has at most 6 bytes
   * for Windows and 12 for Linux, starts with a lowercase letter and has only lowercase letters and digits.
   * QUIRK (kept): the Linux length error shows the OS type as the bad value, as upstream does.
   */
  static Optional<FieldError> validateName(String metadataName, Optional<String> specName, Optional<String> osType) {
    boolean fromSpec = specName.filter(n -> !n.isEmpty()).isPresent();
    String name = fromSpec ? specName.get() : metadataName;
    String what = fromSpec ? "spec.name" : "when spec.name is empty, metadata.name";
    FieldPath p = SPEC.child("name");
    int len = name.getBytes(StandardCharsets.UTF_8).length;
    if (osType.filter(Azure.WINDOWS::equals).isPresent() && len > 6) {
      return Optional.of(FieldError.invalid(p, name, "For OSType Windows, " + what + " can not be longer than 6 characters."));
    }
    if ((osType.isEmpty() || osType.get().equals(Azure.LINUX)) && len > 12) {
      return Optional.of(AzureRules.raw(p, osType.map(AzureRules::render).orElse("null"),
          "For OSType Linux, " + what + " can not be longer than 12 characters."));
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    // Go reads the first byte as a rune.
    int first = name.getBytes(StandardCharsets.UTF_8)[0] & 0xFF;
    if (!Character.isLowerCase(first)) {
      return Optional.of(FieldError.invalid(p, name, what + " must begin with a lowercase letter."));
    }
    int i = 0;
    while (i < name.length()) {
      int c = name.codePointAt(i);
      if (!Character.isLowerCase(c) && !isNumber(c)) {
        return Optional.of(FieldError.invalid(p, name, what + " may only contain lowercase alphanumeric characters."));
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  /** Go's {@code unicode.IsNumber}: categories Nd, Nl and No. */
  private static boolean isNumber(int c) {
    int t = Character.getType(c);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
  }

  /** {@code validateNodeLabels}: no key in AKS's reserved {@code kubernetes.azure.com} namespace. */
  static Optional<FieldError> validateNodeLabels(Map<String, String> labels) {
    for (String key : new TreeMap<>(labels).keySet()) {
      if (key.startsWith(Azure.AZURE_SYSTEM_NODE_LABEL_PREFIX)) {
        return Optional.of(FieldError.invalid(SPEC.child("nodeLabels"), key,
            "Node pool label key must not start with " + Azure.AZURE_SYSTEM_NODE_LABEL_PREFIX));
      }
    }
    return Optional.empty();
  }

  /** {@code validateKubeletConfig}: the AKS rules for custom kubelet settings (first violation only, as upstream). */
  static Optional<FieldError> validateKubeletConfig(Optional<KubeletConfig> config) {
    if (config.isEmpty()) {
      return Optional.empty();
    }
    KubeletConfig k = config.get();
    FieldPath p = SPEC.child("kubeletConfig");
    if (k.cpuCfsQuotaPeriod().isPresent() && !k.cpuCfsQuotaPeriod().get().endsWith("ms")) {
      return Optional.of(FieldError.invalid(p.child("CPUfsQuotaPeriod"), k.cpuCfsQuotaPeriod().get(),
          "must be a string value in milliseconds with a 'ms' suffix, e.g., '100ms'"));
    }
    if (k.imageGcHighThreshold().isPresent() && k.imageGcLowThreshold().isPresent()
        && k.imageGcLowThreshold().get() > k.imageGcHighThreshold().get()) {
      return Optional.of(FieldError.invalid(p.child("ImageGcLowThreshold"), k.imageGcLowThreshold().get(),
          "must not be greater than ImageGcHighThreshold, ImageGcLowThreshold=" + k.imageGcLowThreshold().get()
              + ", ImageGcHighThreshold=" + k.imageGcHighThreshold().get()));
    }
    for (String v : k.allowedUnsafeSysctls()) {
      if (UNSAFE_SYSCTLS.stream().noneMatch(pt -> pt.matcher(v).find())) {
        return Optional.of(AzureRules.raw(p.child("AllowedUnsafeSysctls"), k.allowedUnsafeSysctls().toString(),
            v + " is not a supported AllowedUnsafeSysctls configuration"));
      }
    }
    return Optional.empty();
  }

  /** {@code validateLinuxOSConfig}: swap needs {@code failSwapOn: false}; the local port range's format and bounds. */
  static List<FieldError> validateLinuxOSConfig(Optional<LinuxOSConfig> config, Optional<KubeletConfig> kubelet) {
    List<FieldError> errs = new ArrayList<>();
    if (config.isEmpty()) {
      return errs;
    }
    FieldPath p = SPEC.child("linuxOSConfig");
    LinuxOSConfig c = config.get();
    if (c.swapFileSizeMB().isPresent() && (kubelet.isEmpty() || kubelet.get().failSwapOn().orElse(true))) {
      errs.add(FieldError.invalid(p.child("SwapFileSizeMB"), c.swapFileSizeMB().get(),
          "KubeletConfig.FailSwapOn must be set to false to enable swap file on nodes"));
    }
    Optional<String> range = c.sysctls().flatMap(SysctlConfig::netIpv4IpLocalPortRange);
    if (range.isPresent()) {
      String r = range.get();
      if (!PORT_RANGE.matcher(r).matches()) {
        errs.add(FieldError.invalid(p.child("NetIpv4IpLocalPortRange"), r,
            "LinuxOSConfig.Sysctls.NetIpv4IpLocalPortRange must be of the format \"<int> <int>\""));
      } else {
        String[] ports = r.split(" ");
        long first = atoi(ports[0]);
        long last = atoi(ports[1]);
        if (first < 1024 || first > 60999) {
          errs.add(FieldError.invalid(p.child("NetIpv4IpLocalPortRange", "First"), r,
              "first port of NetIpv4IpLocalPortRange=" + first + " must be in between [1024 - 60999]"));
        }
        if (last < 32768 || last > 65000) {
          errs.add(FieldError.invalid(p.child("NetIpv4IpLocalPortRange", "Last"), r,
              "last port of NetIpv4IpLocalPortRange=" + last + " must be in between [32768 -65000]"));
        }
        if (first > last) {
          errs.add(FieldError.invalid(p.child("NetIpv4IpLocalPortRange", "First"), r,
              "first port of NetIpv4IpLocalPortRange=" + first + " cannot be greater than last port of NetIpv4IpLocalPortRange=" + last));
        }
      }
    }
    return errs;
  }

  /** Go's {@code strconv.Atoi} with the error ignored, as upstream does (0 on overflow). */
  private static long atoi(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** capi4j deviation: CAPZ checks no scaling bounds; capi4j rejects negative sizes and min above max. */
  static List<FieldError> validateScaling(Optional<ManagedMachinePoolScaling> scaling) {
    List<FieldError> errs = new ArrayList<>();
    scaling.ifPresent(sc -> {
      FieldPath p = SPEC.child("scaling");
      sc.minSize().filter(v -> v < 0).ifPresent(v ->
          errs.add(FieldError.invalid(p.child("minSize"), v, "must be greater than or equal to 0 (capi4j)")));
      sc.maxSize().filter(v -> v < 0).ifPresent(v ->
          errs.add(FieldError.invalid(p.child("maxSize"), v, "must be greater than or equal to 0 (capi4j)")));
      if (sc.minSize().isPresent() && sc.maxSize().isPresent() && sc.minSize().get() > sc.maxSize().get()) {
        errs.add(FieldError.invalid(p.child("maxSize"), sc.maxSize().get(),
            "must be greater than or equal to minSize " + sc.minSize().get() + " (capi4j)"));
      }
    });
    return errs;
  }

  /** {@code EnsureStringSlicesAreEquivalent}: the same elements with the same multiplicity, in any order. */
  static boolean sameElements(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Map<String, Integer> count = new HashMap<>();
    a.forEach(x -> count.merge(x, 1, Integer::sum));
    for (String x : b) {
      Integer c = count.get(x);
      if (c == null || c == 0) {
        return false;
      }
      count.put(x, c - 1);
    }
    return true;
  }
}
