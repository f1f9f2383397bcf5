package io.capi4j.providers.azure.pools;

import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.manifest.KubernetesMapper;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.vmss.Vmss;
import io.capi4j.providers.azure.vmss.VmssInstance;
import io.capi4j.providers.azure.vmss.VmssModel;
import io.capi4j.simulation.Simulation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * How a VMSS and its instances travel through capi4j's cloud port: the parts of CAPZ's VMSS model
 * ({@link VmssModel}: image, zones, SKU) plus the custom-data hash tag and the Kubernetes version are the attributes
 * of an {@link InstanceModel}; an {@link Instance} records the attributes it was built from.
 *
 * <p>The model version is a hash of every attribute, so the cloud sees a new model whenever anything in the VM
 * profile changes. CAPZ itself calls an instance up to date when its <em>image</em> equals the model's
 * ({@code HasLatestModelApplied}); {@link #vmss} keeps that rule.
 */
public final class VmssCloudModel {
  private VmssCloudModel() {}

  /** The image as CAPZ's {@code Image} in JSON (one of id, marketplace, computeGallery, sharedGallery). */
  public static final String IMAGE = "image";
  /** The VM size (SKU name). */
  public static final String VM_SIZE = "vmSize";
  /** The zones, comma-separated, in order. */
  public static final String ZONES = "zones";
  /** The value of the {@value Vmss#CUSTOM_DATA_HASH_TAG} tag: sha256 hex of the bootstrap data (here: its Secret). */
  public static final String CUSTOM_DATA_HASH = "customDataHash";
  /** The kubelet version the instance's Node reports ({@link Simulation#KUBERNETES_VERSION}). */
  public static final String KUBERNETES_VERSION = Simulation.KUBERNETES_VERSION;

  private static final ObjectMapper MAPPER = KubernetesMapper.json();

  /** The cloud model of a desired VMSS. */
  public static InstanceModel toInstanceModel(VmssModel model, String customDataHash, String kubernetesVersion) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(IMAGE, encode(model.image()));
    attrs.put(VM_SIZE, model.sku());
    attrs.put(ZONES, String.join(",", model.zones()));
    attrs.put(CUSTOM_DATA_HASH, customDataHash);
    attrs.put(KUBERNETES_VERSION, kubernetesVersion);
    return InstanceModel.of(version(attrs), attrs);
  }

  /**
   * The VMSS model behind a cloud model. The identity is left empty, as CAPZ's {@code SDKToVMSS} leaves it on both
   * sides of {@code HasModelChanges}.
   */
  public static VmssModel model(InstanceModel m) {
    String zones = m.attributes().getOrDefault(ZONES, "");
    return new VmssModel(image(m.attributes()), "", zones.isEmpty() ? List.of() : Arrays.asList(zones.split(",")),
        m.attributes().getOrDefault(VM_SIZE, ""));
  }

  /** The image an instance or model carries; Go's zero {@code Image} when absent or unreadable. */
  public static Image image(Map<String, String> attributes) {
    String json = attributes.get(IMAGE);
    if (json == null || json.isEmpty()) {
      return Image.builder().build();
    }
    // Every instance of a model carries the same text: decode it once (Image is immutable).
    Image cached = IMAGES.getIfPresent(json);
    if (cached != null) {
      return cached;
    }
    Image image;
    try {
      image = MAPPER.readValue(json, Image.class);
    } catch (JacksonException e) {
      image = Image.builder().build();
    }
    IMAGES.put(json, image);
    return image;
  }

  private static final com.google.common.cache.Cache<String, Image> IMAGES =
      com.google.common.cache.CacheBuilder.newBuilder().maximumSize(256).build();

  /** The image as JSON, the way the model attribute holds it. */
  public static String encode(Image image) {
    return MAPPER.writeValueAsString(image);
  }

  /** A short, stable hash of the attributes. */
  public static String version(Map<String, String> attributes) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(attributes).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sha256(sb.toString()).substring(0, 12);
  }

  /** sha256 hex, as CAPZ hashes custom data. */
  public static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** Azure's provisioning state of a VM in this instance state. */
  public static String provisioningState(InstanceState state) {
    return switch (state) {
      case CREATING -> Azure.ProvisioningState.CREATING;
      case RUNNING -> Azure.ProvisioningState.SUCCEEDED;
      case FAILED -> Azure.ProvisioningState.FAILED;
      case DELETING -> Azure.ProvisioningState.DELETING;
    };
  }

  /**
   * The VMSS provisioning state a group shows: {@code Creating} while every instance of a new set is still being
   * created, {@code Updating} while instances are created or deleted or the live count differs from the capacity
   * (a PUT or a VM delete in progress), else {@code Succeeded}. Azure reports the set's state; the port has none, so
   * capi4j derives it.
   */
  public static String state(ScalingGroup g) {
    List<Instance> all = g.instances();
    if (!all.isEmpty() && all.stream().allMatch(i -> i.state() == InstanceState.CREATING)) {
      return Azure.ProvisioningState.CREATING;
    }
    long live = all.stream().filter(i -> i.state() != InstanceState.DELETING).count();
    boolean busy = all.stream().anyMatch(i -> i.state() == InstanceState.CREATING || i.state() == InstanceState.DELETING);
    return busy || live != g.capacity() ? Azure.ProvisioningState.UPDATING : Azure.ProvisioningState.SUCCEEDED;
  }

  /** CAPZ's view of a group ({@code converters.SDKToVMSS} with its instances). */
  public static Vmss vmss(ScalingGroup g) {
    return vmss(g, g.instances().stream().map(VmssCloudModel::instance).toList());
  }

  /** {@link #vmss(ScalingGroup)} with CAPZ's view of the group's instances already made ({@link #instance}). */
  static Vmss vmss(ScalingGroup g, List<VmssInstance> instances) {
    return new Vmss(model(g.model()), g.capacity(),
        Map.of(Vmss.CUSTOM_DATA_HASH_TAG, g.model().attributes().getOrDefault(CUSTOM_DATA_HASH, "")),
        Optional.of(state(g)), instances);
  }

  /** CAPZ's view of one instance; its resource ID is the provider ID without {@code azure://}. */
  public static VmssInstance instance(Instance i) {
    String pid = i.providerID();
    String resourceID = pid.startsWith(Azure.PROVIDER_ID_PREFIX) ? pid.substring(Azure.PROVIDER_ID_PREFIX.length()) : pid;
    return new VmssInstance(pid, resourceID, image(i.modelAttributes()), provisioningState(i.state()), i.zone().orElse(""));
  }

  /** The VMSS's own ID (for {@code spec.providerID}), from an instance provider ID; empty when it has none. */
  public static Optional<String> scaleSetProviderID(String instanceProviderID) {
    int at = instanceProviderID.lastIndexOf("/virtualMachines/");
    return at > 0 && instanceProviderID.contains("/virtualMachineScaleSets/")
        ? Optional.of(instanceProviderID.substring(0, at)) : Optional.empty();
  }
}
