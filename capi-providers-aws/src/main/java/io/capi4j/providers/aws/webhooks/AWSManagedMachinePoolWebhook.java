package io.capi4j.providers.aws.webhooks;

import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.Aws;
import io.capi4j.providers.aws.api.v1beta2.ManagedMachinePoolScaling;
import io.capi4j.providers.aws.api.v1beta2.ManagedRemoteAccess;
import io.capi4j.providers.aws.api.v1beta2.Taint;
import io.capi4j.providers.aws.api.v1beta2.UpdateConfig;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.capi4j.webhooks.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AWSManagedMachinePool defaulting and validation, as upstream's {@code exp/webhooks/awsmanagedmachinepool_webhook.go}
 * plus the CRD schema.
 *
 * <p>Defaults: {@code eksNodegroupName} from namespace and name ({@link EksNames#generate}), {@code updateConfig}
 * {@code {maxUnavailable: 1}}, and the CRD's {@code amiType: AL2_x86_64} and {@code capacityType: onDemand}.
 *
 * <p>On an update these are immutable: {@code eksNodegroupName} (once set), {@code subnetIDs}, {@code diskSize},
 * {@code amiType}, {@code remoteAccess}, {@code availabilityZones}, {@code availabilityZoneSubnetType}, and once set
 * {@code roleName} and {@code capacityType}; the launch template may not be added or removed, nor renamed.
 */
public final class AWSManagedMachinePoolWebhook implements Webhook<AWSManagedMachinePool> {
  private static final FieldPath SPEC = FieldPath.of("spec");

  @Override
  public AWSManagedMachinePool applyDefaults(AWSManagedMachinePool p, AdmissionContext ctx) {
    AWSManagedMachinePoolSpec s = p.spec();
    if (s.amiType().isEmpty()) {
      s = s.withAmiType(Aws.AMI_TYPE_AL2_X86_64);
    }
    if (s.capacityType().isEmpty()) {
      s = s.withCapacityType(Aws.CAPACITY_TYPE_ON_DEMAND);
    }
    if (s.eksNodegroupName().isEmpty()) {
      String namespace = p.namespace().isEmpty() ? "default" : p.namespace();
      s = s.withEksNodegroupName(EksNames.generate(p.name(), namespace, EksNames.MAX_NODEGROUP_NAME_LENGTH));
    }
    if (s.updateConfig().isEmpty()) {
      s = s.withUpdateConfig(UpdateConfig.builder().maxUnavailable(1).build());
    }
    return p.withSpec(s);
  }

  @Override
  public List<FieldError> checkSchema(AWSManagedMachinePool p, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    AWSManagedMachinePoolSpec s = p.spec();
    s.amiType().ifPresent(t -> {
      if (!Aws.AMI_TYPES.contains(t)) {
        errs.add(FieldError.notSupported(SPEC.child("amiType"), t, Aws.AMI_TYPES));
      }
    });
    s.capacityType().ifPresent(t -> {
      List<String> allowed = List.of(Aws.CAPACITY_TYPE_ON_DEMAND, Aws.CAPACITY_TYPE_SPOT);
      if (!allowed.contains(t)) {
        errs.add(FieldError.notSupported(SPEC.child("capacityType"), t, allowed));
      }
    });
    s.amiVersion().ifPresent(v -> Schema.length(errs, SPEC.child("amiVersion"), v, 2, 0));
    s.availabilityZoneSubnetType().ifPresent(t -> {
      if (!List.of("public", "private", "all").contains(t)) {
        errs.add(FieldError.notSupported(SPEC.child("availabilityZoneSubnetType"), t, List.of("public", "private", "all")));
      }
    });
    s.updateConfig().ifPresent(u -> {
      FieldPath up = SPEC.child("updateConfig");
      Schema.minimum(errs, up.child("maxUnavailable"), u.maxUnavailable(), 1);
      Schema.maximum(errs, up.child("maxUnavailable"), u.maxUnavailable(), 100);
      Schema.minimum(errs, up.child("maxUnavailablePercentage"), u.maxUnavailablePercentage(), 1);
      Schema.maximum(errs, up.child("maxUnavailablePercentage"), u.maxUnavailablePercentage(), 100);
    });
    for (int i = 0; i < s.taints().size(); i++) {
      Taint t = s.taints().get(i);
      FieldPath tp = SPEC.child("taints").index(i);
      if (t.effect().isEmpty()) {
        errs.add(FieldError.required(tp.child("effect"), ""));
      }
      Schema.enumeration(errs, tp.child("effect"), t.effect(), List.of("no-schedule", "no-execute", "prefer-no-schedule"));
      if (t.key().isEmpty()) {
        errs.add(FieldError.required(tp.child("key"), ""));
      }
    }
    s.awsLaunchTemplate().ifPresent(lt -> AWSMachinePoolWebhook.checkLaunchTemplateSchema(errs, lt, SPEC.child("awsLaunchTemplate")));
    for (int i = 0; i < s.lifecycleHooks().size(); i++) {
      Optional<String> hb = s.lifecycleHooks().get(i).heartbeatTimeout();
      if (hb.isPresent()) {
        AwsRules.checkDuration(errs, SPEC.child("lifecycleHooks").index(i).child("heartbeatTimeout"), hb.get());
      }
    }
    return errs;
  }

  @Override
  public List<FieldError> validate(AWSManagedMachinePool p, AdmissionContext ctx) {
    AWSManagedMachinePoolSpec s = p.spec();
    List<FieldError> errs = new ArrayList<>();
    Optional<AWSManagedMachinePool> old = ctx.oldObject(AWSManagedMachinePool.class);
    if (old.isEmpty()) {
      if (s.eksNodegroupName().isEmpty()) {
        errs.add(FieldError.required(SPEC.child("eksNodegroupName"), "eksNodegroupName is required"));
      }
      errs.addAll(validateScaling(s.scaling()));
      errs.addAll(validateRemoteAccess(s.remoteAccess()));
      errs.addAll(validateUpdateConfig(s.updateConfig()));
      errs.addAll(validateLaunchTemplate(s));
      errs.addAll(AwsRules.validateLifecycleHooks(s.lifecycleHooks(), SPEC.child("lifecycleHooks")));
      errs.addAll(AwsRules.validateTags(s.additionalTags(), SPEC.child("additionalTags")));
      return errs;
    }
    errs.addAll(validateImmutable(old.get().spec(), s));
    errs.addAll(AwsRules.validateTags(s.additionalTags(), SPEC.child("additionalTags")));
    errs.addAll(validateScaling(s.scaling()));
    errs.addAll(validateUpdateConfig(s.updateConfig()));
    errs.addAll(validateLaunchTemplate(s));
    errs.addAll(AwsRules.validateLifecycleHooks(s.lifecycleHooks(), SPEC.child("lifecycleHooks")));
    return errs;
  }

  /** {@code validateScaling}: sizes not negative, max not below min. */
  static List<FieldError> validateScaling(Optional<ManagedMachinePoolScaling> scaling) {
    List<FieldError> errs = new ArrayList<>();
    if (scaling.isEmpty()) {
      return errs;
    }
    FieldPath minField = SPEC.child("scaling", "minSize");
    FieldPath maxField = SPEC.child("scaling", "maxSize");
    Optional<Integer> min = scaling.get().minSize();
    Optional<Integer> max = scaling.get().maxSize();
    if (min.isPresent()) {
      if (min.get() < 0) {
        errs.add(FieldError.invalid(minField, min.get(), "must be greater or equal zero"));
      }
      if (max.isPresent() && max.get() < min.get()) {
        errs.add(FieldError.invalid(maxField, max.get(), "must be greater than field " + minField));
      }
    }
    if (max.isPresent() && max.get() < 0) {
      errs.add(FieldError.invalid(maxField, max.get(), "must be greater than zero"));
    }
    return errs;
  }

  /** {@code validateNodegroupUpdateConfig}: exactly one of maxUnavailable and maxUnavailablePercentage. */
  static List<FieldError> validateUpdateConfig(Optional<UpdateConfig> config) {
    List<FieldError> errs = new ArrayList<>();
    if (config.isEmpty()) {
      return errs;
    }
    UpdateConfig u = config.get();
    FieldPath path = SPEC.child("updateConfig");
    String printed = "{maxUnavailable: " + u.maxUnavailable().map(String::valueOf).orElse("nil")
        + ", maxUnavailablePercentage: " + u.maxUnavailablePercentage().map(String::valueOf).orElse("nil") + "}";
    if (u.maxUnavailable().isEmpty() && u.maxUnavailablePercentage().isEmpty()) {
      errs.add(AwsRules.invalidRaw(path, printed,
          "must specify one of maxUnavailable or maxUnavailablePercentage when using nodegroup updateconfig"));
    }
    if (u.maxUnavailable().isPresent() && u.maxUnavailablePercentage().isPresent()) {
      errs.add(AwsRules.invalidRaw(path, printed, "cannot specify both maxUnavailable and maxUnavailablePercentage"));
    }
    return errs;
  }

  private static List<FieldError> validateRemoteAccess(Optional<ManagedRemoteAccess> access) {
    if (access.isPresent() && access.get().publicAccess().orElse(false) && !access.get().sourceSecurityGroups().isEmpty()) {
      return List.of(AwsRules.invalidRaw(SPEC.child("remoteAccess", "sourceSecurityGroups"),
          AwsRules.goStrings(access.get().sourceSecurityGroups()), "must be empty if public is set"));
    }
    return List.of();
  }

  /** With a launch template, instanceType, diskSize and the template's IAM instance profile must be empty. */
  private static List<FieldError> validateLaunchTemplate(AWSManagedMachinePoolSpec s) {
    List<FieldError> errs = new ArrayList<>();
    if (s.awsLaunchTemplate().isEmpty()) {
      return errs;
    }
    AWSLaunchTemplate lt = s.awsLaunchTemplate().get();
    s.instanceType().ifPresent(t -> errs.add(FieldError.invalid(SPEC.child("instanceType"), t,
        "InstanceType cannot be specified when LaunchTemplate is specified")));
    s.diskSize().ifPresent(d -> errs.add(FieldError.invalid(SPEC.child("diskSize"), d,
        "DiskSize cannot be specified when LaunchTemplate is specified")));
    if (!lt.iamInstanceProfile().isEmpty()) {
      errs.add(FieldError.invalid(SPEC.child("awsLaunchTemplate", "iamInstanceProfile"), lt.iamInstanceProfile(),
          "IAM instance profile in launch template is prohibited in EKS managed node group"));
    }
    return errs;
  }

  private static List<FieldError> validateImmutable(AWSManagedMachinePoolSpec old, AWSManagedMachinePoolSpec s) {
    List<FieldError> errs = new ArrayList<>();
    if (!old.eksNodegroupName().isEmpty()) {
      mutated(errs, old.eksNodegroupName(), s.eksNodegroupName(), "eksNodegroupName", "\"" + s.eksNodegroupName() + "\"");
    }
    mutated(errs, old.subnetIDs(), s.subnetIDs(), "subnetIDs", AwsRules.goStrings(s.subnetIDs()));
    if (!old.roleName().isEmpty()) {
      mutated(errs, old.roleName(), s.roleName(), "roleName", "\"" + s.roleName() + "\"");
    }
    mutated(errs, old.diskSize(), s.diskSize(), "diskSize", print(s.diskSize()));
    mutated(errs, old.amiType(), s.amiType(), "amiType", print(s.amiType()));
    mutated(errs, old.remoteAccess(), s.remoteAccess(), "remoteAccess", s.remoteAccess().isPresent() ? "remoteAccess" : "null");
    if (old.capacityType().isPresent()) {
      mutated(errs, old.capacityType(), s.capacityType(), "capacityType", print(s.capacityType()));
    }
    mutated(errs, old.availabilityZones(), s.availabilityZones(), "availabilityZones", AwsRules.goStrings(s.availabilityZones()));
    mutated(errs, old.availabilityZoneSubnetType(), s.availabilityZoneSubnetType(), "availabilityZoneSubnetType",
        print(s.availabilityZoneSubnetType()));
    if (old.awsLaunchTemplate().isPresent() != s.awsLaunchTemplate().isPresent()) {
      errs.add(AwsRules.invalidRaw(SPEC.child("awsLaunchTemplate"), s.awsLaunchTemplate().isPresent() ? "awsLaunchTemplate" : "null",
          "field is immutable"));
    }
    if (old.awsLaunchTemplate().isPresent() && s.awsLaunchTemplate().isPresent()) {
      String oldName = old.awsLaunchTemplate().get().name();
      String newName = s.awsLaunchTemplate().get().name();
      mutated(errs, oldName, newName, "awsLaunchTemplate.name", "\"" + newName + "\"");
    }
    return errs;
  }

  private static void mutated(List<FieldError> errs, Object old, Object now, String field, String printed) {
    if (!Objects.equals(old, now)) {
      errs.add(AwsRules.invalidRaw(SPEC.child(field), printed, "field is immutable"));
    }
  }

  private static String print(Optional<?> v) {
    return v.map(x -> x instanceof String str ? "\"" + str + "\"" : String.valueOf(x)).orElse("null");
  }
}
