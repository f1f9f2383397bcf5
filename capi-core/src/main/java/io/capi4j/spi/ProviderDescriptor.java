package io.capi4j.spi;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an infrastructure provider is and can do, as data. {@code capi-examples providers} prints the support
 * table from these descriptors, and MachinePool validation uses them to explain why an infrastructure cannot back
 * a MachinePool.
 */
@Value.Immutable
public abstract class ProviderDescriptor {

  /** Whether and how a provider supports MachinePools. */
  public enum MachinePoolSupport {
    /** Scaling-group pools (VMSS, ASG, containers). */
    YES,
    /** Only managed pools (e.g. GKE node pools). */
    PARTIAL,
    /** No MachinePool support at all. */
    NO
  }

  /** Short name used on the command line, e.g. {@code azure}. */
  public abstract String name();

  /** The name in tables, e.g. {@code Azure (CAPZ)}. */
  public abstract String displayName();

  /** Kind-name prefixes this provider owns, e.g. {@code Azure}; used to find the provider of a referenced kind. */
  public abstract List<String> kindPrefixes();

  /** False for descriptor-only entries of providers capi4j does not implement. */
  @Value.Default
  public boolean implemented() {
    return true;
  }

  /** Machine templates usable by MachineDeployments. */
  public abstract List<MachineTemplateKind> machineTemplates();

  /** InfraMachinePool kinds backed by a cloud scaling group. */
  public abstract List<PoolKind> scalingGroupPools();

  /** InfraMachinePool kinds backed by a managed node pool (AKS, EKS, GKE). */
  public abstract List<PoolKind> managedPools();

  /** Whether instances can be spread over zones (failure domains). */
  @Value.Default
  public boolean zones() {
    return false;
  }

  /** A one-line note for the support table. */
  @Value.Default
  public String note() {
    return "";
  }

  /** Derived from the pool kinds. */
  public MachinePoolSupport machinePoolSupport() {
    if (!scalingGroupPools().isEmpty()) {
      return MachinePoolSupport.YES;
    }
    return managedPools().isEmpty() ? MachinePoolSupport.NO : MachinePoolSupport.PARTIAL;
  }

  /** Whether any pool kind can have one Machine per instance (MachinePool Machines). */
  public boolean machinePoolMachines() {
    return scalingGroupPools().stream().anyMatch(p -> p.machineKind().isPresent())
        || managedPools().stream().anyMatch(p -> p.machineKind().isPresent());
  }

  /** Whether this provider owns the kind, by prefix. */
  public boolean ownsKind(String kind) {
    return kindPrefixes().stream().anyMatch(kind::startsWith);
  }

  /** The pool kind named {@code kind}, if this provider has one. */
  public Optional<PoolKind> poolKind(String kind) {
    return java.util.stream.Stream.concat(scalingGroupPools().stream(), managedPools().stream())
        .filter(p -> p.kind().equals(kind))
        .findFirst();
  }

  public static ImmutableProviderDescriptor.Builder builder() {
    return ImmutableProviderDescriptor.builder();
  }

  /** A machine template kind and the InfraMachine kind it is cloned into. */
  @Value.Immutable
  public abstract static class MachineTemplateKind {
    @Value.Parameter
    public abstract String templateKind();

    @Value.Parameter
    public abstract String machineKind();

    public static MachineTemplateKind of(String templateKind, String machineKind) {
      return ImmutableMachineTemplateKind.of(templateKind, machineKind);
    }
  }

  /** An InfraMachinePool kind. */
  @Value.Immutable
  public abstract static class PoolKind {
    /** e.g. {@code AzureMachinePool}. */
    public abstract String kind();

    /** What backs it, e.g. {@code VMSS}, {@code ASG}, {@code AKS}. */
    public abstract String backing();

    /** The per-instance kind when the pool supports MachinePool Machines, e.g. {@code AzureMachinePoolMachine}. */
    public abstract Optional<String> machineKind();

    /** How the pool rolls out a new model, in one line. */
    @Value.Default
    public String rollout() {
      return "";
    }

    public static ImmutablePoolKind.Builder builder() {
      return ImmutablePoolKind.builder();
    }
  }
}
