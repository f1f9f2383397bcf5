package io.capi4j.providers.azure.webhooks;

import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.SystemAssignedIdentityRole;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolDeploymentStrategy;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineTemplate;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolSpec;
import io.capi4j.providers.azure.exp.api.v1beta1.MachineRollingUpdateDeployment;
import io.capi4j.spi.Webhook;
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.Semver;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.capi4j.webhooks.Schema;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AzureMachinePool defaulting and validation, as CAPZ's {@code internal/exp/webhooks/azuremachinepool_webhook.go}
 * and its defaulting ({@code azuremachinepool_default.go}) on main, plus the CRD's defaults and schema.
 *
 * <p>Most of upstream's AzureMachinePool checks return plain errors without a field; capi4j reports each at the
 * field it concerns, with upstream's message. The owner MachinePool (for the Flexible orchestration mode and the
 * subscription of a system-assigned identity) is looked up among the admitted objects: the MachinePool in the same
 * namespace whose {@code spec.template.spec.infrastructureRef} names this AzureMachinePool.
 */
public final class AzureMachinePoolWebhook implements Webhook<AzureMachinePool> {
  /** The lowest Kubernetes version the Flexible orchestration mode accepts. */
  public static final Semver MIN_FLEXIBLE_VERSION = Semver.parse("1.26.0").orElseThrow();

  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath TEMPLATE = SPEC.child("template");

  private final SharedRandom random;

  /** A webhook drawing generated SSH keys and role names from {@code random}. */
  public AzureMachinePoolWebhook(SharedRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The CRD's strategy default, applied only when {@code spec.strategy} is absent. */
  public static AzureMachinePoolDeploymentStrategy defaultStrategy() {
    return AzureMachinePoolDeploymentStrategy.builder()
        .type(AzureMachinePoolDeploymentStrategy.ROLLING_UPDATE)
        .rollingUpdate(MachineRollingUpdateDeployment.builder()
            .maxSurge(IntOrPercent.of(1))
            .maxUnavailable(IntOrPercent.of(0))
            .deletePolicy(MachineRollingUpdateDeployment.OLDEST)
            .build())
        .build();
  }

  @Override
  public AzureMachinePool applyDefaults(AzureMachinePool amp, AdmissionContext ctx) {
    AzureMachinePoolSpec s = crdDefaults(amp.spec());
    AzureMachinePoolMachineTemplate t = s.templateOrEmpty();
    if (t.sshPublicKey().isEmpty()) {
      t = t.withSshPublicKey(random.sshPublicKey());
    }
    // Identity: the subscription comes from the owner MachinePool's Cluster and its AzureCluster.
    if (s.identity().equals(Azure.VM_IDENTITY_SYSTEM_ASSIGNED)) {
      Optional<String> subscription = ownerMachinePool(amp, ctx)
          .flatMap(mp -> AzureDefaults.subscriptionID(ctx, mp.namespace(), mp.spec().clusterName()));
      AzureDefaults.Identity id = AzureDefaults.identityRole(s.identity(), s.roleAssignmentName(), s.systemAssignedIdentityRole(),
          subscription, random::uuid);
      s = s.withRoleAssignmentName(id.roleAssignmentName()).withSystemAssignedIdentityRole(id.role());
    }
    t = t.withDiagnostics(AzureDefaults.diagnostics(t.diagnostics()));
    AzureDefaults.Network n = AzureDefaults.network(t.subnetName(), t.acceleratedNetworking(), t.networkInterfaces());
    t = t.withSubnetName(n.subnetName()).withAcceleratedNetworking(n.acceleratedNetworking()).withNetworkInterfaces(n.interfaces());
    t = t.withOsDisk(AzureDefaults.osDisk(t.osDiskOrEmpty()));
    return amp.withSpec(s.withTemplate(t));
  }

  /** The CRD's defaults: identity, strategy (only when absent; nested defaults when present), orchestration mode. */
  static AzureMachinePoolSpec crdDefaults(AzureMachinePoolSpec s) {
    AzureMachinePoolSpec out = s.withIdentity(AzureDefaults.identity(s.identity()));
    if (out.orchestrationMode().isEmpty()) {
      out = out.withOrchestrationMode(Azure.ORCHESTRATION_UNIFORM);
    }
    if (out.strategy().isEmpty()) {
      out = out.withStrategy(defaultStrategy());
    } else {
      AzureMachinePoolDeploymentStrategy st = out.strategy().get();
      if (st.type().isEmpty()) {
        st = st.withType(AzureMachinePoolDeploymentStrategy.ROLLING_UPDATE);
      }
      if (st.rollingUpdate().isPresent()) {
        MachineRollingUpdateDeployment ru = st.rollingUpdate().get();
        if (ru.maxUnavailable().isEmpty()) {
          ru = ru.withMaxUnavailable(IntOrPercent.of(0));
        }
        if (ru.maxSurge().isEmpty()) {
          ru = ru.withMaxSurge(IntOrPercent.of(1));
        }
        if (ru.deletePolicy().isEmpty()) {
          ru = ru.withDeletePolicy(MachineRollingUpdateDeployment.OLDEST);
        }
        st = st.withRollingUpdate(ru);
      }
      out = out.withStrategy(st);
    }
    if (out.template().isPresent()) {
      AzureMachinePoolMachineTemplate t = out.template().get();
      t = t.withImage(AzureDefaults.image(t.image()));
      if (t.osDisk().isPresent()) {
        t = t.withOsDisk(AzureDefaults.osDisk(t.osDisk().get()));
      }
      out = out.withTemplate(t);
    }
    return out;
  }

  @Override
  public List<FieldError> checkSchema(AzureMachinePool amp, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    AzureMachinePoolSpec s = amp.spec();
    Schema.requiredString(errs, SPEC.child("location"), s.location(), 0, 0);
    if (s.template().isEmpty()) {
      errs.add(FieldError.required(TEMPLATE, ""));
    } else {
      AzureMachinePoolMachineTemplate t = s.template().get();
      AzureSchema.vmTemplate(errs, TEMPLATE, t.vmSize(), t.osDisk(), t.dataDisks(), t.diagnostics(), t.spotVMOptions(),
          t.securityProfile(), t.vmExtensions());
    }
    AzureSchema.identity(errs, SPEC.child("identity"), s.identity());
    AzureSchema.userAssignedIdentities(errs, SPEC.child("userAssignedIdentities"), s.userAssignedIdentities());
    Schema.enumeration(errs, SPEC.child("orchestrationMode"), s.orchestrationMode(),
        List.of(Azure.ORCHESTRATION_FLEXIBLE, Azure.ORCHESTRATION_UNIFORM));
    s.strategy().ifPresent(st -> {
      Schema.enumeration(errs, SPEC.child("strategy", "type"), st.type(), List.of(AzureMachinePoolDeploymentStrategy.ROLLING_UPDATE));
      st.rollingUpdate().ifPresent(ru -> Schema.enumeration(errs, SPEC.child("strategy", "rollingUpdate", "deletePolicy"),
          ru.deletePolicy(), List.of(MachineRollingUpdateDeployment.RANDOM, MachineRollingUpdateDeployment.NEWEST,
              MachineRollingUpdateDeployment.OLDEST)));
    });
    return errs;
  }

  @Override
  public List<FieldError> validate(AzureMachinePool amp, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    AzureMachinePoolSpec s = amp.spec();
    AzureMachinePoolMachineTemplate t = s.templateOrEmpty();
    Optional<AzureMachinePool> old = ctx.oldObject(AzureMachinePool.class);

    t.image().ifPresent(i -> errs.addAll(AzureRules.validateImage(Optional.of(i), FieldPath.of("image"))));
    t.terminateNotificationTimeout().ifPresent(v -> {
      FieldPath p = TEMPLATE.child("terminateNotificationTimeout");
      if (v < 5) {
        errs.add(FieldError.invalid(p, v, "minimum timeout 5 is allowed for TerminateNotificationTimeout"));
      } else if (v > 15) {
        errs.add(FieldError.invalid(p, v, "maximum timeout 15 is allowed for TerminateNotificationTimeout"));
      }
    });
    if (!t.sshPublicKey().isEmpty()) {
      errs.addAll(AzureRules.validateSSHKey(t.sshPublicKey(), FieldPath.of("sshKey")));
    }
    errs.addAll(AzureRules.validateUserAssignedIdentity(s.identity(), s.userAssignedIdentities(), FieldPath.of("userAssignedIdentities")));
    errs.addAll(AzureRules.validateDiagnostics(t.diagnostics(), FieldPath.of("diagnostics")));
    errs.addAll(validateOrchestrationMode(amp, ctx));
    errs.addAll(validateStrategy(s));
    String oldRole = old.flatMap(o -> o.spec().systemAssignedIdentityRole()).map(SystemAssignedIdentityRole::name).orElse("");
    String role = s.systemAssignedIdentityRole().map(SystemAssignedIdentityRole::name).orElse("");
    errs.addAll(AzureRules.validateSystemAssignedIdentity(s.identity(), s.systemAssignedIdentityRole().isPresent() ? oldRole : "",
        role, FieldPath.of("roleAssignmentName")));
    errs.addAll(validateSystemAssignedIdentityRole(s));
    if (!t.networkInterfaces().isEmpty() && !t.subnetName().isEmpty()) {
      errs.add(new FieldError(FieldError.Type.INVALID, TEMPLATE.child("networkInterfaces").toString(), null,
          "cannot set both NetworkInterfaces and machine SubnetName"));
    }
    errs.addAll(AzureRules.validateOSDisk(t.osDiskOrEmpty(), FieldPath.of("osDisk")));
    old.ifPresent(o -> {
      Optional<Boolean> before = o.spec().templateOrEmpty().disableVMBootstrapExtension();
      if (before.isPresent()) {
        AzureRules.immutable(errs, TEMPLATE.child("disableVMBootstrapExtension"), before, t.disableVMBootstrapExtension());
      }
    });
    return errs;
  }

  /** {@code validateStrategy}: an Int-typed maxSurge and maxUnavailable may not both be 0 ({@code "0%"} passes). */
  static List<FieldError> validateStrategy(AzureMachinePoolSpec s) {
    Optional<AzureMachinePoolDeploymentStrategy> st = s.strategy();
    if (st.isEmpty() || !st.get().type().equals(AzureMachinePoolDeploymentStrategy.ROLLING_UPDATE)
        || st.get().rollingUpdate().isEmpty()) {
      return List.of();
    }
    MachineRollingUpdateDeployment ru = st.get().rollingUpdate().get();
    if (isIntZero(ru.maxSurge()) && isIntZero(ru.maxUnavailable())) {
      return List.of(new FieldError(FieldError.Type.INVALID, SPEC.child("strategy", "rollingUpdate").toString(), null,
          "rolling update strategy MaxUnavailable must not be 0 if MaxSurge is 0"));
    }
    return List.of();
  }

  /**
   * Upstream dereferences both pointers (the CRD defaults always set them inside a rollingUpdate); capi4j reads an
   * absent value as Go's zero IntOrString, Int 0.
   */
  private static boolean isIntZero(Optional<IntOrString> v) {
    return v.isEmpty() || (IntOrPercent.isInt(v.get()) && v.get().getIntVal() == 0);
  }

  /** {@code validateSystemAssignedIdentityRole} of the AzureMachinePool webhook (its own messages). */
  static List<FieldError> validateSystemAssignedIdentityRole(AzureMachinePoolSpec s) {
    List<FieldError> errs = new ArrayList<>();
    Optional<SystemAssignedIdentityRole> role = s.systemAssignedIdentityRole();
    FieldPath p = FieldPath.of("systemAssignedIdentityRole");
    if (!s.roleAssignmentName().isEmpty() && role.filter(r -> !r.name().isEmpty()).isPresent()) {
      errs.add(FieldError.invalid(p, role.get().name(), "cannot set both roleAssignmentName and systemAssignedIdentityRole.name"));
    }
    if (s.identity().equals(Azure.VM_IDENTITY_SYSTEM_ASSIGNED)) {
      // Upstream dereferences the role here; defaulting always sets it. capi4j reads an absent role as empty.
      SystemAssignedIdentityRole r = role.orElse(SystemAssignedIdentityRole.builder().build());
      if (r.definitionID().isEmpty()) {
        errs.add(FieldError.invalid(p.child("definitionID"), "", "the roleDefinitionID field cannot be empty"));
      }
      if (r.scope().isEmpty()) {
        errs.add(FieldError.invalid(p.child("scope"), "", "the scope field cannot be empty"));
      }
    }
    if (!s.identity().equals(Azure.VM_IDENTITY_SYSTEM_ASSIGNED) && role.isPresent()) {
      errs.add(AzureRules.raw(p, role.get().toString(), "systemAssignedIdentityRole can only be set when identity is set to 'SystemAssigned'"));
    }
    return errs;
  }

  /** {@code validateOrchestrationMode}: Flexible needs the owner MachinePool's Kubernetes version to be at least 1.26.0. */
  static List<FieldError> validateOrchestrationMode(AzureMachinePool amp, AdmissionContext ctx) {
    if (!amp.spec().orchestrationMode().equals(Azure.ORCHESTRATION_FLEXIBLE)) {
      return List.of();
    }
    FieldPath p = SPEC.child("orchestrationMode");
    Optional<MachinePool> parent = ownerMachinePool(amp, ctx);
    if (parent.isEmpty()) {
      return List.of(FieldError.invalid(p, Azure.ORCHESTRATION_FLEXIBLE, "failed to find parent MachinePool: no MachinePool in "
          + "namespace \"" + amp.namespace() + "\" has spec.template.spec.infrastructureRef naming AzureMachinePool \""
          + amp.name() + "\""));
    }
    String version = parent.get().spec().templateOrEmpty().specOrEmpty().version();
    if (version.isEmpty()) {
      return List.of(FieldError.invalid(p, Azure.ORCHESTRATION_FLEXIBLE, "could not find Kubernetes version in MachinePool"));
    }
    Optional<Semver> v = Semver.parseTolerant(version);
    if (v.isEmpty()) {
      return List.of(FieldError.invalid(p, Azure.ORCHESTRATION_FLEXIBLE, "failed to parse Kubernetes version: " + version));
    }
    if (v.get().compareTo(MIN_FLEXIBLE_VERSION) < 0) {
      return List.of(FieldError.invalid(p, Azure.ORCHESTRATION_FLEXIBLE,
          "specified Kubernetes version " + v.get() + " must be >= 1.26.0 for Flexible orchestration mode"));
    }
    return List.of();
  }

  /** The MachinePool in the AzureMachinePool's namespace whose infrastructureRef names it. */
  public static Optional<MachinePool> ownerMachinePool(AzureMachinePool amp, AdmissionContext ctx) {
    return ctx.objectsOf(MachinePool.class).stream()
        .filter(mp -> mp.namespace().equals(amp.namespace()))
        .filter(mp -> {
          ContractVersionedObjectReference ref = mp.spec().templateOrEmpty().specOrEmpty().infrastructureRefOrEmpty();
          return ref.name().equals(amp.name()) && (ref.kind().isEmpty() || ref.kind().equals(AzureMachinePool.KIND));
        })
        .findFirst();
  }

}
