package io.capi4j.providers.azure.webhooks;

import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.BootDiagnostics;
import io.capi4j.providers.azure.api.v1beta1.DataDisk;
import io.capi4j.providers.azure.api.v1beta1.Diagnostics;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.api.v1beta1.NetworkInterface;
import io.capi4j.providers.azure.api.v1beta1.OSDisk;
import io.capi4j.providers.azure.api.v1beta1.SpotVMOptions;
import io.capi4j.providers.azure.api.v1beta1.SystemAssignedIdentityRole;
import io.capi4j.validation.AdmissionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CAPZ's defaulting rules shared by the VM-like kinds ({@code internal/api/v1beta1/azuremachine_default.go} and the
 * AzureMachinePool equivalents), plus the CRD's own defaults, as pure functions.
 */
final class AzureDefaults {
  private AzureDefaults() {}

  /** CRD defaults of an OS disk: {@code osType} Linux, {@code cachingType} None. */
  static OSDisk osDisk(OSDisk d) {
    OSDisk out = d;
    if (out.osType().isEmpty()) {
      out = out.withOsType(Azure.LINUX);
    }
    if (out.cachingType().isEmpty()) {
      out = out.withCachingType(Azure.CACHING_NONE);
    }
    return out;
  }

  /** CRD default of a marketplace image: {@code thirdPartyImage} false. */
  static Optional<Image> image(Optional<Image> image) {
    return image.map(i -> i.marketplace().isPresent() && i.marketplace().get().thirdPartyImage().isEmpty()
        ? i.withMarketplace(i.marketplace().get().withThirdPartyImage(false))
        : i);
  }

  /** CRD default of {@code identity}: None. */
  static String identity(String identity) {
    return identity.isEmpty() ? Azure.VM_IDENTITY_NONE : identity;
  }

  /**
   * {@code SetDefaultAzureMachineSpecDataDisks}: each disk without a LUN gets the lowest free one below the number
   * of disks; an empty caching type becomes None for UltraSSD_LRS disks, else ReadWrite.
   */
  static List<DataDisk> dataDisks(List<DataDisk> disks) {
    Set<Integer> used = new HashSet<>();
    disks.forEach(d -> d.lun().ifPresent(used::add));
    List<DataDisk> out = new ArrayList<>();
    for (DataDisk d : disks) {
      DataDisk x = d;
      if (x.lun().isEmpty()) {
        for (int l = 0; l < disks.size(); l++) {
          if (used.add(l)) {
            x = x.withLun(l);
            break;
          }
        }
      }
      if (x.cachingType().isEmpty()) {
        boolean ultra = x.managedDisk().filter(m -> m.storageAccountType().equals(Azure.ULTRA_SSD_LRS)).isPresent();
        x = x.withCachingType(ultra ? Azure.CACHING_NONE : Azure.CACHING_READ_WRITE);
      }
      out.add(x);
    }
    return out;
  }

  /** The result of identity defaulting. */
  record Identity(String roleAssignmentName, Optional<SystemAssignedIdentityRole> role) {}

  /**
   * {@code SetDefaultAzureMachineSpecIdentity}: for a system-assigned identity, move the deprecated role assignment
   * name into the role, else generate a UUID name, and default scope and definition to the subscription (when the
   * subscription is known). Nothing changes when both name fields are set (validation rejects that).
   */
  static Identity identityRole(String identity, String roleAssignmentName, Optional<SystemAssignedIdentityRole> role,
      Optional<String> subscriptionID, java.util.function.Supplier<String> uuid) {
    if (!roleAssignmentName.isEmpty() && role.isPresent() && !role.get().name().isEmpty()) {
      return new Identity(roleAssignmentName, role);
    }
    if (!identity.equals(Azure.VM_IDENTITY_SYSTEM_ASSIGNED)) {
      return new Identity(roleAssignmentName, role);
    }
    SystemAssignedIdentityRole r = role.orElse(SystemAssignedIdentityRole.builder().build());
    String name = roleAssignmentName;
    if (!roleAssignmentName.isEmpty()) {
      r = r.withName(roleAssignmentName);
      name = "";
    } else if (r.name().isEmpty()) {
      r = r.withName(uuid.get());
    }
    if (subscriptionID.isPresent() && !subscriptionID.get().isEmpty()) {
      String sub = subscriptionID.get();
      if (r.scope().isEmpty()) {
        r = r.withScope("/subscriptions/" + sub + "/");
      }
      if (r.definitionID().isEmpty()) {
        r = r.withDefinitionID("/subscriptions/" + sub + "/providers/Microsoft.Authorization/roleDefinitions/"
            + Azure.CONTRIBUTOR_ROLE_ID);
      }
    }
    return new Identity(name, Optional.of(r));
  }

  /** {@code setDefaultAzureMachineSpecSpotEvictionPolicy}: Deallocate, or Delete with an ephemeral (Local) OS disk. */
  static Optional<SpotVMOptions> spotEvictionPolicy(Optional<SpotVMOptions> spot, OSDisk osDisk) {
    return spot.map(s -> {
      if (s.evictionPolicy().isPresent()) {
        return s;
      }
      boolean local = osDisk.diffDiskSettings().filter(d -> d.option().equals(Azure.DIFF_DISK_LOCAL)).isPresent();
      return s.withEvictionPolicy(local ? Azure.SPOT_EVICTION_DELETE : Azure.SPOT_EVICTION_DEALLOCATE);
    });
  }

  /** {@code setDefaultAzureMachineSpecDiagnostics}: managed boot diagnostics when none are set. */
  static Diagnostics diagnostics(Optional<Diagnostics> diagnostics) {
    BootDiagnostics managed = BootDiagnostics.builder().storageAccountType(Azure.DIAGNOSTICS_MANAGED).build();
    Diagnostics d = diagnostics.orElse(Diagnostics.builder().build());
    return d.boot().isPresent() ? d : d.withBoot(managed);
  }

  /** The result of network defaulting. */
  record Network(String subnetName, Optional<Boolean> acceleratedNetworking, List<NetworkInterface> interfaces) {}

  /**
   * {@code SetDefaultAzureMachineSpecNetworkInterfaces}: move the deprecated subnetName and acceleratedNetworking
   * into a single interface when none is given, and default each interface's privateIPConfigs to 1. Nothing
   * changes when both the deprecated and the new fields are set (validation rejects that).
   */
  static Network network(String subnetName, Optional<Boolean> accelerated, List<NetworkInterface> nics) {
    if ((!subnetName.isEmpty() || accelerated.isPresent()) && !nics.isEmpty()) {
      return new Network(subnetName, accelerated, nics);
    }
    List<NetworkInterface> out = new ArrayList<>(nics);
    String subnet = subnetName;
    Optional<Boolean> acc = accelerated;
    if (out.isEmpty()) {
      out.add(NetworkInterface.builder().subnetName(subnetName).acceleratedNetworking(accelerated).build());
      subnet = "";
      acc = Optional.empty();
    }
    out.replaceAll(n -> n.privateIPConfigs().orElse(0) == 0 ? n.withPrivateIPConfigs(1) : n);
    return new Network(subnet, acc, out);
  }

  /**
   * The subscription of a cluster, as {@code GetSubscriptionID} finds it: the Cluster named {@code clusterName},
   * its infrastructureRef naming an AzureCluster, and that AzureCluster's {@code spec.subscriptionID}. Empty when any
   * of them is not among the admitted objects.
   */
  static Optional<String> subscriptionID(AdmissionContext ctx, String namespace, String clusterName) {
    Optional<String> azureClusterName = ctx.find(Cluster.class, namespace, clusterName)
        .flatMap(c -> c.spec().infrastructureRef())
        .map(ContractVersionedObjectReference::name);
    if (azureClusterName.isEmpty()) {
      return Optional.empty();
    }
    return ctx.objectsOf(GenericKubernetesResource.class).stream()
        .filter(g -> "AzureCluster".equals(g.getKind()) && g.getMetadata() != null
            && azureClusterName.get().equals(g.getMetadata().getName())
            && namespace.equals(Optional.ofNullable(g.getMetadata().getNamespace()).orElse("")))
        .findFirst()
        .map(g -> g.getAdditionalProperties().get("spec"))
        .filter(Map.class::isInstance)
        .map(s -> ((Map<?, ?>) s).get("subscriptionID"))
        .filter(String.class::isInstance)
        .map(String.class::cast);
  }
}
