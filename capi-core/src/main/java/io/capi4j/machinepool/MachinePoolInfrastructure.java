package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.ProviderDescriptor.PoolKind;
import io.capi4j.spi.Providers;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a MachinePool's infrastructure can back it, judged from the owning provider's
 * {@link ProviderDescriptor}: an admission rule of capi4j (upstream has none; a MachinePool on vSphere is simply
 * never reconciled by any InfraMachinePool controller).
 */
public final class MachinePoolInfrastructure {
  private MachinePoolInfrastructure() {}

  /** The field this rule reports on. */
  public static final FieldPath FIELD = FieldPath.of("spec", "template", "spec", "infrastructureRef", "kind");

  /**
   * An error on {@code spec.template.spec.infrastructureRef.kind} that says why the referenced kind cannot back a
   * MachinePool, or empty when it can or when no known provider owns the kind (capi4j has no opinion on kinds it
   * does not know). The provider is found by the kind's prefix ({@link Providers#owning}):
   *
   * <ul>
   *   <li>a provider without any pool kind: it has no scaling groups, use a MachineDeployment;
   *   <li>a provider with managed pools only: name the managed pool kinds;
   *   <li>a kind the provider does not list as a pool kind: list the pool kinds it has.
   * </ul>
   */
  public static Optional<FieldError> check(MachinePool mp, Providers providers) {
    String kind = mp.spec().templateOrEmpty().specOrEmpty().infrastructureRefOrEmpty().kind();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    Optional<InfrastructureProvider> owner = providers.owning(kind);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    ProviderDescriptor d = owner.get().descriptor();
    if (d.poolKind(kind).isPresent()) {
      return Optional.empty();
    }
    String useMd = "use a MachineDeployment" + d.machineTemplates().stream().findFirst()
        .map(t -> " with a " + t.templateKind()).orElse("") + " instead";
    String msg = switch (d.machinePoolSupport()) {
      case NO -> d.displayName() + " has no scaling groups: it creates every node as a single machine, so no"
          + " InfraMachinePool kind exists to back a MachinePool; " + useMd;
      case PARTIAL -> d.displayName() + " supports MachinePools only as managed pools: "
          + d.managedPools().stream().map(p -> p.kind() + " (" + p.backing() + ")").collect(Collectors.joining(", "))
          + "; " + kind + " cannot back a MachinePool, " + useMd.replace(" instead", "") + " for other workers";
      case YES -> kind + " is not a MachinePool infrastructure kind of " + d.displayName() + "; its pool kinds are "
          + kinds(Stream.concat(d.scalingGroupPools().stream(), d.managedPools().stream()).toList())
          + machineTemplateHint(d, kind);
    };
    return Optional.of(FieldError.invalid(FIELD, kind, msg));
  }

  private static String kinds(List<PoolKind> pools) {
    return pools.stream().map(PoolKind::kind).collect(Collectors.joining(", "));
  }

  private static String machineTemplateHint(ProviderDescriptor d, String kind) {
    boolean isMachineKind = d.machineTemplates().stream()
        .anyMatch(t -> t.templateKind().equals(kind) || t.machineKind().equals(kind));
    return isMachineKind ? " (" + kind + " is for MachineDeployments)" : "";
  }
}
