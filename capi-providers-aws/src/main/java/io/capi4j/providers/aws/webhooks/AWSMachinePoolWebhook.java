package io.capi4j.providers.aws.webhooks;

import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.Aws;
import io.capi4j.providers.aws.api.v1beta2.Ignition;
import io.capi4j.providers.aws.api.v1beta2.InstancesDistribution;
import io.capi4j.providers.aws.api.v1beta2.MixedInstancesPolicy;
import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import io.capi4j.providers.aws.util.GoDurations;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.capi4j.webhooks.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWSMachinePool defaulting and validation, as upstream's {@code exp/webhooks/awsmachinepool_webhook.go} plus the
 * CRD schema.
 *
 * <p>Defaults: {@code defaultCoolDown} and {@code defaultInstanceWarmup} of 0 seconds become 300s; Ignition gets
 * storage type {@code UnencryptedUserData} (and version {@code 2.3} for other storage types); the CRD fills a mixed
 * instances distribution ({@code prioritized}, {@code lowest-price}, base 0, 100% above base).
 *
 * <p>A create runs every check. An update runs only the cool-down, tag, subnet, security group, spot versus mixed
 * instances, refresh preference and lifecycle hook checks, as upstream; nothing is immutable.
 */
public final class AWSMachinePoolWebhook implements Webhook<AWSMachinePool> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath LT = SPEC.child("awsLaunchTemplate");
  /** The default cool-down and instance warm-up, as Go prints 300 seconds. */
  public static final String DEFAULT_DURATION = "5m0s";

  @Override
  public AWSMachinePool applyDefaults(AWSMachinePool p, AdmissionContext ctx) {
    AWSMachinePoolSpec s = p.spec();
    if (isZeroSeconds(s.defaultCoolDown())) {
      s = s.withDefaultCoolDown(DEFAULT_DURATION);
    }
    if (isZeroSeconds(s.defaultInstanceWarmup())) {
      s = s.withDefaultInstanceWarmup(DEFAULT_DURATION);
    }
    if (s.ignition().isPresent()) {
      Ignition ign = s.ignition().get();
      if (ign.storageType().isEmpty()) {
        ign = ign.withStorageType(Ignition.STORAGE_UNENCRYPTED_USER_DATA);
      }
      if (ign.version().isEmpty() && !ign.storageType().equals(Ignition.STORAGE_UNENCRYPTED_USER_DATA)) {
        ign = ign.withVersion(Ignition.DEFAULT_VERSION);
      }
      s = s.withIgnition(ign);
    }
    if (s.mixedInstancesPolicy().isPresent() && s.mixedInstancesPolicy().get().instancesDistribution().isPresent()) {
      MixedInstancesPolicy mip = s.mixedInstancesPolicy().get();
      s = s.withMixedInstancesPolicy(mip.withInstancesDistribution(distributionDefaults(mip.instancesDistribution().get())));
    }
    return p.withSpec(s);
  }

  /** The CRD defaults of an instances distribution. */
  public static InstancesDistribution distributionDefaults(InstancesDistribution d) {
    if (d.onDemandAllocationStrategy().isEmpty()) {
      d = d.withOnDemandAllocationStrategy("prioritized");
    }
    if (d.spotAllocationStrategy().isEmpty()) {
      d = d.withSpotAllocationStrategy("lowest-price");
    }
    if (d.onDemandBaseCapacity().isEmpty()) {
      d = d.withOnDemandBaseCapacity(0L);
    }
    if (d.onDemandPercentageAboveBaseCapacity().isEmpty()) {
      d = d.withOnDemandPercentageAboveBaseCapacity(100L);
    }
    return d;
  }

  /** An unset duration, or one whose whole seconds are 0 (Go's {@code int(d.Seconds()) == 0}). */
  private static boolean isZeroSeconds(String duration) {
    if (duration.isEmpty()) {
      return true;
    }
    Optional<Duration> d = AwsRules.parseDuration(duration);
    return d.isPresent() && GoDurations.wholeSeconds(d.get()) == 0;
  }

  @Override
  public List<FieldError> checkSchema(AWSMachinePool p, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    AWSMachinePoolSpec s = p.spec();
    Schema.minimum(errs, SPEC.child("minSize"), Optional.of(s.minSize()), 0);
    Schema.minimum(errs, SPEC.child("maxSize"), Optional.of(s.maxSize()), 1);
    if (!s.defaultCoolDown().isEmpty()) {
      AwsRules.checkDuration(errs, SPEC.child("defaultCoolDown"), s.defaultCoolDown());
    }
    if (!s.defaultInstanceWarmup().isEmpty()) {
      AwsRules.checkDuration(errs, SPEC.child("defaultInstanceWarmup"), s.defaultInstanceWarmup());
    }
    s.availabilityZoneSubnetType().ifPresent(t -> {
      if (!List.of("public", "private", "all").contains(t)) {
        errs.add(FieldError.notSupported(SPEC.child("availabilityZoneSubnetType"), t, List.of("public", "private", "all")));
      }
    });
    if (s.awsLaunchTemplate().isEmpty()) {
      errs.add(FieldError.required(LT, ""));
    }
    s.awsLaunchTemplate().ifPresent(lt -> checkLaunchTemplateSchema(errs, lt, LT));
    s.mixedInstancesPolicy().flatMap(MixedInstancesPolicy::instancesDistribution).ifPresent(d -> {
      FieldPath dp = SPEC.child("mixedInstancesPolicy", "instancesDistribution");
      Schema.enumeration(errs, dp.child("onDemandAllocationStrategy"), d.onDemandAllocationStrategy(),
          List.of("prioritized", "lowest-price"));
      Schema.enumeration(errs, dp.child("spotAllocationStrategy"), d.spotAllocationStrategy(),
          List.of("lowest-price", "capacity-optimized", "capacity-optimized-prioritized", "price-capacity-optimized"));
    });
    s.refreshPreferences().ifPresent(r -> {
      Schema.minimum(errs, SPEC.child("refreshPreferences", "maxHealthyPercentage"), r.maxHealthyPercentage(), 100);
      Schema.maximum(errs, SPEC.child("refreshPreferences", "maxHealthyPercentage"), r.maxHealthyPercentage(), 200);
    });
    for (int i = 0; i < s.lifecycleHooks().size(); i++) {
      Optional<String> hb = s.lifecycleHooks().get(i).heartbeatTimeout();
      if (hb.isPresent()) {
        AwsRules.checkDuration(errs, SPEC.child("lifecycleHooks").index(i).child("heartbeatTimeout"), hb.get());
      }
    }
    s.ignition().ifPresent(i -> {
      Schema.enumeration(errs, SPEC.child("ignition", "version"), i.version(), AWSMachineSpecRules.IGNITION_VERSIONS);
      Schema.enumeration(errs, SPEC.child("ignition", "storageType"), i.storageType(), AWSMachineSpecRules.IGNITION_STORAGE_TYPES);
    });
    return errs;
  }

  /** CRD rules of an {@code awsLaunchTemplate}: volume sizes and the capacity reservation preference enum. */
  static void checkLaunchTemplateSchema(List<FieldError> errs, AWSLaunchTemplate lt, FieldPath path) {
    lt.rootVolume().ifPresent(v -> AwsRules.checkVolumeSchema(errs, v, path.child("rootVolume")));
    for (int i = 0; i < lt.nonRootVolumes().size(); i++) {
      AwsRules.checkVolumeSchema(errs, lt.nonRootVolumes().get(i), path.child("nonRootVolumes").index(i));
    }
    Schema.enumeration(errs, path.child("capacityReservationPreference"), lt.capacityReservationPreference(),
        AWSMachineSpecRules.CAPACITY_RESERVATION_PREFERENCES);
  }

  @Override
  public List<FieldError> validate(AWSMachinePool p, AdmissionContext ctx) {
    AWSMachinePoolSpec s = p.spec();
    AWSLaunchTemplate lt = s.awsLaunchTemplateOrEmpty();
    List<FieldError> errs = new ArrayList<>();
    boolean update = ctx.oldObject(AWSMachinePool.class).isPresent();
    errs.addAll(validateDefaultCoolDown(s));
    if (!update) {
      errs.addAll(AwsRules.validateRootVolume(lt.rootVolume(), LT.child("rootVolume"), true));
      errs.addAll(AwsRules.validateNonRootVolumes(lt.nonRootVolumes(), LT.child("nonRootVolumes")));
    }
    errs.addAll(AwsRules.validateTags(s.additionalTags(), SPEC.child("additionalTags")));
    errs.addAll(validateSubnets(s));
    errs.addAll(validateAdditionalSecurityGroups(lt));
    errs.addAll(validateSpotInstances(s));
    errs.addAll(validateRefreshPreferences(s.refreshPreferences()));
    if (!update) {
      errs.addAll(validateInstanceMarketType(lt));
      errs.addAll(validateCapacityReservation(lt));
    }
    errs.addAll(AwsRules.validateLifecycleHooks(s.lifecycleHooks(), SPEC.child("lifecycleHooks")));
    if (!update && s.ignition().isPresent() && !ctx.featureGates().enabled(Aws.FEATURE_BOOTSTRAP_FORMAT_IGNITION)) {
      errs.add(FieldError.forbidden(SPEC.child("ignition"), "can be set only if the BootstrapFormatIgnition feature gate is enabled"));
    }
    return errs;
  }

  private static List<FieldError> validateDefaultCoolDown(AWSMachinePoolSpec s) {
    Optional<Duration> d = s.defaultCoolDown().isEmpty() ? Optional.of(Duration.ZERO) : AwsRules.parseDuration(s.defaultCoolDown());
    if (d.isPresent() && GoDurations.wholeSeconds(d.get()) < 0) {
      return List.of(FieldError.required(SPEC.child("defaultCoolDown"), "DefaultCoolDown must be greater than zero"));
    }
    return List.of();
  }

  private static List<FieldError> validateSubnets(AWSMachinePoolSpec s) {
    for (int i = 0; i < s.subnets().size(); i++) {
      if (AwsRules.hasIdAndFilters(s.subnets().get(i))) {
        return List.of(FieldError.forbidden(SPEC.child("subnets").index(i).child("filters"),
            "providing either subnet ID or filter is supported, should not provide both"));
      }
    }
    return List.of();
  }

  private static List<FieldError> validateAdditionalSecurityGroups(AWSLaunchTemplate lt) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < lt.additionalSecurityGroups().size(); i++) {
      if (AwsRules.hasIdAndFilters(lt.additionalSecurityGroups().get(i))) {
        errs.add(FieldError.forbidden(LT.child("additionalSecurityGroups").index(i), "either ID or filters should be used"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateSpotInstances(AWSMachinePoolSpec s) {
    if (s.awsLaunchTemplateOrEmpty().spotMarketOptions().isPresent() && s.mixedInstancesPolicy().isPresent()) {
      return List.of(FieldError.forbidden(LT.child("spotMarketOptions"),
          "either spec.awsLaunchTemplate.spotMarketOptions or spec.mixedInstancesPolicy should be used"));
    }
    return List.of();
  }

  /** {@code validateRefreshPreferences}: max needs min, and max − min may not exceed 100. */
  static List<FieldError> validateRefreshPreferences(Optional<RefreshPreferences> prefs) {
    if (prefs.isEmpty()) {
      return List.of();
    }
    RefreshPreferences r = prefs.get();
    FieldPath max = SPEC.child("refreshPreferences", "maxHealthyPercentage");
    List<FieldError> errs = new ArrayList<>();
    if (r.maxHealthyPercentage().isPresent() && r.minHealthyPercentage().isEmpty()) {
      errs.add(FieldError.forbidden(max,
          "If you specify spec.refreshPreferences.maxHealthyPercentage, you must also specify spec.refreshPreferences.minHealthyPercentage"));
    }
    if (r.maxHealthyPercentage().isPresent() && r.minHealthyPercentage().isPresent()
        && r.maxHealthyPercentage().get() - r.minHealthyPercentage().get() > 100) {
      errs.add(FieldError.forbidden(max,
          "the difference between spec.refreshPreferences.maxHealthyPercentage and spec.refreshPreferences.minHealthyPercentage cannot be greater than 100"));
    }
    return errs;
  }

  private static List<FieldError> validateCapacityReservation(AWSLaunchTemplate lt) {
    String pref = lt.capacityReservationPreference();
    if (lt.capacityReservationId().isPresent() && !pref.equals(Aws.CAPACITY_RESERVATION_PREFERENCE_ONLY) && !pref.isEmpty()) {
      return List.of(FieldError.forbidden(LT.child("capacityReservationPreference"),
          "when capacityReservationId is specified, capacityReservationPreference may only be `CapacityReservationsOnly` or empty"));
    }
    return List.of();
  }

  private static List<FieldError> validateInstanceMarketType(AWSLaunchTemplate lt) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath mt = LT.child("marketType");
    boolean spot = lt.spotMarketOptions().isPresent();
    boolean reservation = lt.capacityReservationId().isPresent();
    String type = lt.marketType();
    if (type.equals(Aws.MARKET_TYPE_CAPACITY_BLOCK) && spot) {
      errs.add(FieldError.forbidden(mt, "setting marketType to CapacityBlock and spotMarketOptions cannot be used together"));
    }
    if (type.equals(Aws.MARKET_TYPE_ON_DEMAND) && spot) {
      errs.add(FieldError.forbidden(mt, "setting marketType to OnDemand and spotMarketOptions cannot be used together"));
    }
    if (type.equals(Aws.MARKET_TYPE_CAPACITY_BLOCK) && !reservation) {
      errs.add(FieldError.forbidden(LT.child("capacityReservationID"), "is required when CapacityBlock is provided"));
    }
    if (!type.isEmpty() && !AWSMachineSpecRules.MARKET_TYPES.contains(type)) {
      errs.add(FieldError.invalid(mt, type, "Valid values are: OnDemand, Spot, CapacityBlock and omitted"));
    }
    if (type.equals(Aws.MARKET_TYPE_SPOT) && reservation) {
      errs.add(FieldError.forbidden(mt, "cannot be set to 'Spot' when CapacityReservationID is specified"));
    }
    if (reservation && spot) {
      errs.add(FieldError.forbidden(LT.child("spotMarketOptions"), "cannot be set to when CapacityReservationID is specified"));
    }
    return errs;
  }
}
