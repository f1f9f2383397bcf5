package io.capi4j.providers.aws.pools;

import io.capi4j.cloud.InstanceModel;
import io.capi4j.manifest.KubernetesMapper;
import io.capi4j.providers.aws.api.v1beta2.InstanceMetadataOptions;
import io.capi4j.providers.aws.api.v1beta2.PrivateDNSName;
import io.capi4j.providers.aws.api.v1beta2.SpotMarketOptions;
import io.capi4j.providers.aws.asg.ExistingLaunchTemplate;
import io.capi4j.providers.aws.asg.LaunchTemplateView;
import io.capi4j.simulation.Simulation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * A launch template version as the scaling-group port's {@link InstanceModel}: the model's version is the launch
 * template version number ({@code "1"}, {@code "2"}, ...) and its attributes are the fields CAPA compares to decide
 * on a new version ({@link io.capi4j.providers.aws.asg.LaunchTemplateNeedsUpdate}), the AMI, the bootstrap data
 * secret, the user data hash, the tags and the Kubernetes version (which the simulation gives the instances'
 * Nodes). {@link #decode} reads a group's model back as the latest version of an existing launch template.
 *
 * <p>Not in the model, because CAPA never makes a new version for them (quirk 1 of AWS.md): volumes, market type,
 * capacity reservation preference. Complex fields are stored as compact JSON.
 */
public final class LaunchTemplateModel {
  private LaunchTemplateModel() {}

  private static final ObjectMapper JSON = KubernetesMapper.json();

  /** The Kubernetes version of the instances' kubelet ({@link Simulation#KUBERNETES_VERSION}). */
  public static final String KUBERNETES_VERSION = Simulation.KUBERNETES_VERSION;
  public static final String AMI = "ami";
  public static final String INSTANCE_TYPE = "instanceType";
  public static final String IAM_INSTANCE_PROFILE = "iamInstanceProfile";
  public static final String SSH_KEY_NAME = "sshKeyName";
  /** Comma-separated. */
  public static final String SECURITY_GROUP_IDS = "securityGroupIDs";
  public static final String INSTANCE_METADATA_OPTIONS = "instanceMetadataOptions";
  public static final String ENCLAVE_ENABLED = "enclaveEnabled";
  public static final String SPOT_MARKET_OPTIONS = "spotMarketOptions";
  public static final String CAPACITY_RESERVATION_ID = "capacityReservationID";
  public static final String PRIVATE_DNS_NAME = "privateDNSName";
  /** The instance tag {@code sigs.k8s.io/cluster-api-provider-aws/bootstrap-data-secret}: {@code namespace/name}. */
  public static final String BOOTSTRAP_DATA_SECRET = "bootstrapDataSecret";
  /** The hex SHA-256 of the user data. */
  public static final String USER_DATA_HASH = "userDataHash";
  /** The launch template's additional tags, as a JSON map with sorted keys. */
  public static final String TAGS = "tags";

  /**
   * The model of one launch template version.
   *
   * @param version the launch template version number
   * @param view the fields {@code LaunchTemplateNeedsUpdate} compares, and the AMI
   * @param kubernetesVersion the MachinePool's version; empty when unset
   * @param bootstrapDataSecret {@code namespace/name}
   * @param userDataHash hex SHA-256 of the user data
   * @param tags the additional tags
   */
  public static InstanceModel encode(String version, LaunchTemplateView view, String kubernetesVersion,
      String bootstrapDataSecret, String userDataHash, Map<String, String> tags) {
    Map<String, String> a = new LinkedHashMap<>();
    put(a, KUBERNETES_VERSION, kubernetesVersion);
    put(a, AMI, view.amiId());
    put(a, INSTANCE_TYPE, view.instanceType());
    put(a, IAM_INSTANCE_PROFILE, view.iamInstanceProfile());
    view.sshKeyName().ifPresent(k -> a.put(SSH_KEY_NAME, k));
    put(a, SECURITY_GROUP_IDS, String.join(",", view.securityGroupIds()));
    view.instanceMetadataOptions().ifPresent(x -> a.put(INSTANCE_METADATA_OPTIONS, json(x)));
    view.enclaveEnabled().ifPresent(x -> a.put(ENCLAVE_ENABLED, x.toString()));
    view.spotMarketOptions().ifPresent(x -> a.put(SPOT_MARKET_OPTIONS, json(x)));
    view.capacityReservationId().ifPresent(x -> a.put(CAPACITY_RESERVATION_ID, x));
    view.privateDnsName().ifPresent(x -> a.put(PRIVATE_DNS_NAME, json(x)));
    put(a, BOOTSTRAP_DATA_SECRET, bootstrapDataSecret);
    put(a, USER_DATA_HASH, userDataHash);
    if (!tags.isEmpty()) {
      a.put(TAGS, json(new TreeMap<>(tags)));
    }
    return InstanceModel.of(version, a);
  }

  /**
   * A group's model read back as the latest version of its launch template. Attributes that do not decode count
   * as absent (so they differ from any wanted value and cause a new version).
   */
  public static ExistingLaunchTemplate decode(String launchTemplateId, InstanceModel model) {
    Map<String, String> a = model.attributes();
    LaunchTemplateView view = LaunchTemplateView.builder()
        .amiId(a.getOrDefault(AMI, ""))
        .instanceType(a.getOrDefault(INSTANCE_TYPE, ""))
        .iamInstanceProfile(a.getOrDefault(IAM_INSTANCE_PROFILE, ""))
        .sshKeyName(Optional.ofNullable(a.get(SSH_KEY_NAME)))
        .securityGroupIds(splitIds(a.get(SECURITY_GROUP_IDS)))
        .instanceMetadataOptions(parse(a.get(INSTANCE_METADATA_OPTIONS), InstanceMetadataOptions.class))
        .enclaveEnabled(Optional.ofNullable(a.get(ENCLAVE_ENABLED)).map(Boolean::parseBoolean))
        .spotMarketOptions(parse(a.get(SPOT_MARKET_OPTIONS), SpotMarketOptions.class))
        .capacityReservationId(Optional.ofNullable(a.get(CAPACITY_RESERVATION_ID)))
        .privateDnsName(parse(a.get(PRIVATE_DNS_NAME), PrivateDNSName.class))
        .build();
    return ExistingLaunchTemplate.builder()
        .id(launchTemplateId)
        .latest(view)
        .userDataHash(a.getOrDefault(USER_DATA_HASH, ""))
        .bootstrapDataSecretTag(Optional.ofNullable(a.get(BOOTSTRAP_DATA_SECRET)))
        .build();
  }

  /**
   * The attributes that decide whether an instance is up to date: all but the user data hash (a version made
   * only for new user data is not rolled out, so instances of the older version are not outdated).
   */
  public static Map<String, String> rolloutAttributes(Map<String, String> attributes) {
    Map<String, String> out = new TreeMap<>(attributes);
    out.remove(USER_DATA_HASH);
    return out;
  }

  /** The version after {@code version}: its number plus one, or 1 when it is not a number. */
  public static String nextVersion(String version) {
    try {
      return Long.toString(Long.parseLong(version) + 1);
    } catch (NumberFormatException e) {
      return "1";
    }
  }

  /** Tags as CAPA writes them into the last-applied-tags annotation: a JSON map with sorted keys. */
  public static String tagsJson(Map<String, String> tags) {
    return json(new TreeMap<>(tags));
  }

  private static void put(Map<String, String> a, String key, String value) {
    if (!value.isEmpty()) {
      a.put(key, value);
    }
  }

  private static List<String> splitIds(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }

  private static String json(Object o) {
    return JSON.writeValueAsString(o);
  }

  private static <T> Optional<T> parse(String s, Class<T> type) {
    if (s == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(s, type));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }
}
