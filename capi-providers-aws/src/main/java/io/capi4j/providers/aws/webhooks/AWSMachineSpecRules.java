package io.capi4j.providers.aws.webhooks;

import io.capi4j.providers.aws.api.v1beta2.AMIReference;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineSpec;
import io.capi4j.providers.aws.api.v1beta2.Aws;
import io.capi4j.providers.aws.api.v1beta2.CloudInit;
import io.capi4j.providers.aws.api.v1beta2.ElasticIPPool;
import io.capi4j.providers.aws.api.v1beta2.Ignition;
import io.capi4j.providers.aws.api.v1beta2.IgnitionProxy;
import io.capi4j.providers.aws.api.v1beta2.InstanceMetadataOptions;
import io.capi4j.providers.aws.api.v1beta2.PrivateDNSName;
import io.capi4j.util.KubernetesNames;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.capi4j.webhooks.Schema;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checks of an {@code AWSMachineSpec} shared by the AWSMachine and AWSMachineTemplate webhooks
 * ({@code webhooks/awsmachine_webhook.go}, {@code webhooks/awsmachinetemplate_webhook.go}) and the CRD schema of the
 * spec. Every method takes the path of the spec ({@code spec} or {@code spec.template.spec}).
 */
final class AWSMachineSpecRules {
  private AWSMachineSpecRules() {}

  static final String HOST = "host";
  static final List<String> TENANCIES = List.of("default", "dedicated", HOST);
  static final List<String> HOST_AFFINITIES = List.of("default", HOST);
  static final List<String> MARKET_TYPES = List.of(Aws.MARKET_TYPE_ON_DEMAND, Aws.MARKET_TYPE_SPOT, Aws.MARKET_TYPE_CAPACITY_BLOCK);
  static final List<String> CAPACITY_RESERVATION_PREFERENCES = List.of(Aws.CAPACITY_RESERVATION_PREFERENCE_NONE,
      Aws.CAPACITY_RESERVATION_PREFERENCE_ONLY, Aws.CAPACITY_RESERVATION_PREFERENCE_OPEN);
  static final List<String> IGNITION_VERSIONS = List.of("2.3", "3.0", "3.1", "3.2", "3.3", "3.4");
  static final List<String> IGNITION_STORAGE_TYPES =
      List.of(Ignition.STORAGE_CLUSTER_OBJECT_STORE, Ignition.STORAGE_UNENCRYPTED_USER_DATA);

  /** CRD defaults that apply inside an AWSMachineSpec: Ignition version and storage type, IMDS options. */
  static AWSMachineSpec crdDefaults(AWSMachineSpec s) {
    if (s.ignition().isPresent()) {
      Ignition ign = s.ignition().get();
      if (ign.version().isEmpty()) {
        ign = ign.withVersion(Ignition.DEFAULT_VERSION);
      }
      if (ign.storageType().isEmpty()) {
        ign = ign.withStorageType(Ignition.STORAGE_CLUSTER_OBJECT_STORE);
      }
      s = s.withIgnition(ign);
    }
    if (s.instanceMetadataOptions().isPresent()) {
      s = s.withInstanceMetadataOptions(imdsDefaults(s.instanceMetadataOptions().get()));
    }
    return s;
  }

  /** CRD defaults of {@code instanceMetadataOptions}: endpoint enabled, IPv6 disabled, hop limit 1, tokens optional, tags disabled. */
  static InstanceMetadataOptions imdsDefaults(InstanceMetadataOptions o) {
    if (o.httpEndpoint().isEmpty()) {
      o = o.withHttpEndpoint("enabled");
    }
    if (o.httpProtocolIPv6().isEmpty()) {
      o = o.withHttpProtocolIPv6("disabled");
    }
    if (o.httpPutResponseHopLimit().isEmpty()) {
      o = o.withHttpPutResponseHopLimit(1L);
    }
    if (o.httpTokens().isEmpty()) {
      o = o.withHttpTokens("optional");
    }
    if (o.instanceMetadataTags().isEmpty()) {
      o = o.withInstanceMetadataTags("disabled");
    }
    return o;
  }

  /** The CRD schema of an AWSMachineSpec. */
  static List<FieldError> checkSchema(AWSMachineSpec s, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    Schema.requiredString(errs, p.child("instanceType"), s.instanceType(), 2, 0);
    Schema.enumeration(errs, p.child("tenancy"), s.tenancy(), TENANCIES);
    s.hostAffinity().ifPresent(a -> {
      if (!HOST_AFFINITIES.contains(a)) {
        errs.add(FieldError.notSupported(p.child("hostAffinity"), a, HOST_AFFINITIES));
      }
    });
    Schema.items(errs, p.child("networkInterfaces"), s.networkInterfaces(), 2);
    Schema.enumeration(errs, p.child("networkInterfaceType"), s.networkInterfaceType(), List.of("interface", "efa"));
    Schema.minimum(errs, p.child("placementGroupPartition"), s.placementGroupPartition(), 1);
    Schema.maximum(errs, p.child("placementGroupPartition"), s.placementGroupPartition(), 7);
    Schema.enumeration(errs, p.child("marketType"), s.marketType(), MARKET_TYPES);
    Schema.enumeration(errs, p.child("capacityReservationPreference"), s.capacityReservationPreference(),
        CAPACITY_RESERVATION_PREFERENCES);
    s.cloudInit().ifPresent(c -> Schema.enumeration(errs, p.child("cloudInit", "secureSecretsBackend"),
        c.secureSecretsBackend(), List.of(CloudInit.SECRETS_MANAGER, CloudInit.SSM_PARAMETER_STORE)));
    s.ignition().ifPresent(i -> {
      Schema.enumeration(errs, p.child("ignition", "version"), i.version(), IGNITION_VERSIONS);
      Schema.enumeration(errs, p.child("ignition", "storageType"), i.storageType(), IGNITION_STORAGE_TYPES);
      i.proxy().ifPresent(px -> Schema.items(errs, p.child("ignition", "proxy", "noProxy"), px.noProxy(), 64));
      i.tls().ifPresent(t -> Schema.items(errs, p.child("ignition", "tls", "certificateAuthorities"),
          t.certificateAuthorities(), 64));
    });
    s.rootVolume().ifPresent(v -> AwsRules.checkVolumeSchema(errs, v, p.child("rootVolume")));
    for (int i = 0; i < s.nonRootVolumes().size(); i++) {
      AwsRules.checkVolumeSchema(errs, s.nonRootVolumes().get(i), p.child("nonRootVolumes").index(i));
    }
    // x-kubernetes-validations of AWSMachineSpec
    if (s.capacityReservationId().isPresent() && s.marketType().equals(Aws.MARKET_TYPE_SPOT)) {
      errs.add(FieldError.invalid(p, "object", "capacityReservationId may not be set when marketType is Spot"));
    }
    if (s.capacityReservationId().isPresent() && s.spotMarketOptions().isPresent()) {
      errs.add(FieldError.invalid(p, "object", "capacityReservationId cannot be set when spotMarketOptions is specified"));
    }
    return errs;
  }

  /** {@code validateCloudInitSecret}. */
  static List<FieldError> validateCloudInitSecret(AWSMachineSpec s, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    CloudInit c = s.cloudInitOrEmpty();
    FieldPath ci = p.child("cloudInit");
    if (c.insecureSkipSecretsManager().orElse(false)) {
      String detail = "cannot be set if " + p + ".cloudInit.insecureSkipSecretsManager is true";
      if (!c.secretPrefix().isEmpty()) {
        errs.add(FieldError.forbidden(ci.child("secretPrefix"), detail));
      }
      if (c.secretCount().orElse(0) != 0) {
        errs.add(FieldError.forbidden(ci.child("secretCount"), detail));
      }
      if (!c.secureSecretsBackend().isEmpty()) {
        errs.add(FieldError.forbidden(ci.child("secureSecretsBackend"), detail));
      }
    }
    if (!c.secretPrefix().isEmpty() != (c.secretCount().orElse(0) != 0)) {
      errs.add(FieldError.forbidden(ci.child("secretCount"), "must be set together with " + p + ".CloudInit.SecretPrefix"));
    }
    return errs;
  }

  static boolean cloudInitConfigured(AWSMachineSpec s) {
    CloudInit c = s.cloudInitOrEmpty();
    return !c.secretPrefix().isEmpty() || c.secretCount().orElse(0) != 0 || !c.secureSecretsBackend().isEmpty()
        || c.insecureSkipSecretsManager().orElse(false);
  }

  /**
   * {@code validateIgnitionAndCloudInit}: the feature gate, no cloud-init settings with Ignition, and (for an
   * AWSMachine, {@code proxyAndTls}) the proxy and TLS settings.
   */
  static List<FieldError> validateIgnitionAndCloudInit(AWSMachineSpec s, FieldPath p, FeatureGates gates, boolean proxyAndTls) {
    List<FieldError> errs = new ArrayList<>();
    if (s.ignition().isEmpty()) {
      return errs;
    }
    Ignition ign = s.ignition().get();
    FieldPath ip = p.child("ignition");
    if (!gates.enabled(Aws.FEATURE_BOOTSTRAP_FORMAT_IGNITION)) {
      errs.add(FieldError.forbidden(ip, "can be set only if the BootstrapFormatIgnition feature gate is enabled"));
    }
    if (cloudInitConfigured(s)) {
      errs.add(FieldError.forbidden(p.child("cloudInit"), "cannot be set if " + p + ".ignition is set"));
    }
    if (!proxyAndTls) {
      return errs;
    }
    if (ign.version().equals("2.3") || ign.version().equals("3.0")) {
      if (ign.proxy().isPresent()) {
        errs.add(FieldError.forbidden(ip.child("proxy"), "cannot be set if " + p + ".ignition.version is 2.3 or 3.0"));
      }
      if (ign.tls().isPresent()) {
        errs.add(FieldError.forbidden(ip.child("tls"), "cannot be set if " + p + ".ignition.version is 2.3 or 3.0"));
      }
    }
    ign.proxy().ifPresent(px -> errs.addAll(validateIgnitionProxy(px, ip.child("proxy"))));
    ign.tls().ifPresent(tls -> {
      FieldPath cp = ip.child("tls", "certificateAuthorities");
      for (int i = 0; i < tls.certificateAuthorities().size(); i++) {
        String source = tls.certificateAuthorities().get(i);
        Optional<GoNet.Url> u = GoNet.parseUrl(source);
        if (u.isEmpty()) {
          errs.add(FieldError.invalid(cp.index(i), source, "invalid URL"));
          continue;
        }
        switch (u.get().scheme()) {
          case "http", "https", "tftp", "s3", "arn", "gs" -> { }
          case "data" -> {
            String opaque = u.get().opaque();
            int comma = opaque.indexOf(',');
            if (comma < 0) {
              errs.add(FieldError.invalid(cp.index(i), source, "invalid data URL"));
            }
            try {
              Base64.getDecoder().decode(opaque.substring(comma + 1));
            } catch (IllegalArgumentException e) {
              errs.add(FieldError.invalid(cp.index(i), source, "invalid base64 encoding for data url"));
            }
          }
          default -> errs.add(FieldError.invalid(cp.index(i), source, "unsupported URL scheme"));
        }
      }
    });
    return errs;
  }

  private static List<FieldError> validateIgnitionProxy(IgnitionProxy px, FieldPath pp) {
    List<FieldError> errs = new ArrayList<>();
    px.httpProxy().ifPresent(u -> {
      if (GoNet.parseUrl(u).isEmpty()) {
        errs.add(FieldError.invalid(pp.child("httpProxy"), u, "invalid URL"));
      }
    });
    px.httpsProxy().ifPresent(u -> {
      if (GoNet.parseUrl(u).isEmpty()) {
        errs.add(FieldError.invalid(pp.child("httpsProxy"), u, "invalid URL"));
      }
    });
    for (int i = 0; i < px.noProxy().size(); i++) {
      String np = px.noProxy().get(i);
      if (np.equals("*") || GoNet.isIp(np) || GoNet.isCidr(np) || GoNet.splitsHostPort(np)) {
        continue;
      }
      String domain = np.startsWith(".") ? np.substring(1) : np;
      List<String> msgs = KubernetesNames.isDNS1123Subdomain(domain);
      if (!msgs.isEmpty()) {
        errs.add(FieldError.invalid(pp.child("noProxy").index(i), domain,
            "invalid noProxy value, please refer to the field documentation: " + String.join("; ", msgs)));
      }
    }
    return errs;
  }

  /** {@code validateAdditionalSecurityGroups}: an entry may have an ID or filters, not both. */
  static List<FieldError> validateAdditionalSecurityGroups(AWSMachineSpec s, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < s.additionalSecurityGroups().size(); i++) {
      if (AwsRules.hasIdAndFilters(s.additionalSecurityGroups().get(i))) {
        errs.add(FieldError.forbidden(p.child("additionalSecurityGroups").index(i),
            "only one of ID or Filters may be specified, specifying both is forbidden"));
      }
    }
    return errs;
  }

  /**
   * {@code validateHostAllocation}: hostID and dynamicHostAllocation exclude each other and need tenancy
   * {@code host}, as does hostAffinity {@code host}; a template ({@code requireHostForAffinity}) also needs one of
   * them when hostAffinity is {@code host}.
   */
  static List<FieldError> validateHostAllocation(AWSMachineSpec s, FieldPath p, boolean requireHostForAffinity) {
    List<FieldError> errs = new ArrayList<>();
    boolean hasHostId = s.hostID().filter(h -> !h.isEmpty()).isPresent();
    boolean hasDynamic = s.dynamicHostAllocation().isPresent();
    boolean hostTenancy = s.tenancy().equals(HOST);
    boolean affinityHost = s.hostAffinity().filter(HOST::equals).isPresent();
    if (hasHostId && hasDynamic) {
      errs.add(FieldError.forbidden(p.child("hostID"), "hostID and dynamicHostAllocation are mutually exclusive"));
      errs.add(FieldError.forbidden(p.child("dynamicHostAllocation"), "hostID and dynamicHostAllocation are mutually exclusive"));
    }
    if (hasHostId && !hostTenancy) {
      errs.add(FieldError.forbidden(p.child("hostID"), "hostID can only be set when tenancy is 'host'"));
    }
    if (affinityHost && !hostTenancy) {
      errs.add(FieldError.forbidden(p.child("hostAffinity"), "hostAffinity can only be set to 'host' when tenancy is 'host'"));
    }
    if (hasDynamic && !hostTenancy) {
      errs.add(FieldError.forbidden(p.child("dynamicHostAllocation"), "dynamicHostAllocation can only be set when tenancy is 'host'"));
    }
    if (requireHostForAffinity && affinityHost && !hasHostId && !hasDynamic) {
      errs.add(FieldError.required(p.child("hostID"), "hostID or dynamicHostAllocation must be set when hostAffinity is 'host'"));
    }
    return errs;
  }

  /** {@code validateNetworkElasticIPPool}. */
  static List<FieldError> validateElasticIpPool(AWSMachineSpec s, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    if (s.elasticIpPool().isEmpty()) {
      return errs;
    }
    ElasticIPPool pool = s.elasticIpPool().get();
    FieldPath ep = p.child("elasticIpPool");
    if (!s.publicIP().orElse(false)) {
      errs.add(FieldError.required(ep, "publicIp must be set to 'true' to assign custom public IPv4 pools with elasticIpPool"));
    }
    if (pool.publicIpv4Pool().isPresent()) {
      if (pool.publicIpv4PoolFallbackOrder().isEmpty()) {
        errs.add(AwsRules.invalidRaw(ep.child("publicIpv4PoolFallbackOrder"), "elasticIpPool",
            "publicIpv4PoolFallbackOrder must be set when publicIpv4Pool is defined."));
      }
      if (!pool.publicIpv4Pool().get().startsWith("ipv4pool-ec2-")) {
        errs.add(AwsRules.invalidRaw(ep.child("publicIpv4Pool"), "elasticIpPool",
            "publicIpv4Pool must start with ipv4pool-ec2-."));
      }
    } else if (pool.publicIpv4PoolFallbackOrder().isPresent()) {
      errs.add(AwsRules.invalidRaw(ep.child("publicIpv4PoolFallbackOrder"), "elasticIpPool",
          "publicIpv4Pool must be set when publicIpv4PoolFallbackOrder is defined."));
    }
    return errs;
  }

  /** {@code validateCapacityReservation} of an AWSMachine. */
  static List<FieldError> validateCapacityReservation(AWSMachineSpec s, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    String pref = s.capacityReservationPreference();
    boolean only = pref.equals(Aws.CAPACITY_RESERVATION_PREFERENCE_ONLY);
    FieldPath pp = p.child("capacityReservationPreference");
    if (s.capacityReservationId().isPresent() && !only && !pref.isEmpty()) {
      errs.add(FieldError.forbidden(pp,
          "when capacityReservationId is specified, capacityReservationPreference may only be 'CapacityReservationsOnly' or empty"));
    }
    if (only && s.marketType().equals(Aws.MARKET_TYPE_SPOT)) {
      errs.add(FieldError.forbidden(pp,
          "when marketType is set to 'Spot', capacityReservationPreference cannot be set to 'CapacityReservationsOnly'"));
    }
    if (only && s.spotMarketOptions().isPresent()) {
      errs.add(FieldError.forbidden(pp,
          "when capacityReservationPreference is 'CapacityReservationsOnly', spotMarketOptions cannot be set (which implies marketType: 'Spot')"));
    }
    return errs;
  }

  /** {@code validateInstanceMarketType} of an AWSMachine. */
  static List<FieldError> validateInstanceMarketType(AWSMachineSpec s, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    boolean spot = s.spotMarketOptions().isPresent();
    if (s.marketType().equals(Aws.MARKET_TYPE_CAPACITY_BLOCK) && spot) {
      errs.add(FieldError.forbidden(p.child("marketType"), "marketType set to CapacityBlock and spotMarketOptions cannot be used together"));
    }
    if (s.marketType().equals(Aws.MARKET_TYPE_ON_DEMAND) && spot) {
      errs.add(FieldError.forbidden(p.child("marketType"), "setting marketType to OnDemand and spotMarketOptions cannot be used together"));
    }
    if (s.marketType().equals(Aws.MARKET_TYPE_CAPACITY_BLOCK) && s.capacityReservationId().isEmpty()) {
      errs.add(FieldError.forbidden(p.child("capacityReservationID"), "is required when CapacityBlock is provided"));
    }
    return errs;
  }

  /**
   * Go value structs ({@code cloudInit}, {@code ami}) are never absent in Go; an empty one and an absent one are
   * the same object there, so comparisons treat them alike.
   */
  static AWSMachineSpec normalizeValueStructs(AWSMachineSpec s) {
    if (s.cloudInit().isPresent() && s.cloudInit().get().equals(CloudInit.builder().build())) {
      s = s.withCloudInit(Optional.empty());
    }
    if (s.ami().isPresent() && s.ami().get().equals(AMIReference.builder().build())) {
      s = s.withAmi(Optional.empty());
    }
    return s;
  }

  /** The spec without what an AWSMachine update may change: providerID, instanceID, tags, SGs, cloud-init secrets, DNS records. */
  static AWSMachineSpec withoutMutableFields(AWSMachineSpec s) {
    s = s.withProviderID(Optional.empty()).withInstanceID(Optional.empty()).withAdditionalTags(java.util.Map.of())
        .withAdditionalSecurityGroups(List.of());
    if (s.cloudInit().isPresent()) {
      s = s.withCloudInit(s.cloudInit().get().withSecretPrefix("").withSecretCount(Optional.empty()).withSecureSecretsBackend(""));
    }
    if (s.privateDnsName().isPresent()) {
      PrivateDNSName d = s.privateDnsName().get();
      s = s.withPrivateDnsName(d.withEnableResourceNameDnsAAAARecord(Optional.empty()).withEnableResourceNameDnsARecord(Optional.empty()));
    }
    return normalizeValueStructs(s);
  }
}
