package io.capi4j.providers.azure.vmss;

import io.capi4j.providers.azure.api.v1beta1.AzureMarketplaceImage;
import io.capi4j.providers.azure.api.v1beta1.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test data for VMSS decisions. */
final class VmssFixtures {
  private VmssFixtures() {}

  static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg";
  static final String VMSS_ID = RG + "/providers/Microsoft.Compute/virtualMachineScaleSets/my-vmss";

  static Image marketplace(String version) {
    return Image.builder().marketplace(AzureMarketplaceImage.builder().publisher("cncf-upstream").offer("capi")
        .sku("ubuntu-2204-gen1").version(version).build()).build();
  }

  static Image byId(String id) {
    return Image.builder().id(id).build();
  }

  static VmssInstance instance(int id, Image image) {
    return instance(id, image, "Succeeded");
  }

  static VmssInstance instance(int id, Image image, String state) {
    String resource = VMSS_ID + "/virtualMachines/" + id;
    return new VmssInstance("azure://" + resource, resource, image, state, "");
  }

  static Vmss vmss(Image model, long capacity, List<VmssInstance> instances) {
    return new Vmss(VmssModel.of(model, "Standard_D2s_v3"), capacity, Map.of(), Optional.of("Succeeded"), instances);
  }

  /** A VMSS whose first instances run {@code old} and the rest {@code latest}. */
  static Vmss mixed(Image latest, Image old, int olds, int latests) {
    List<VmssInstance> out = new ArrayList<>();
    for (int i = 0; i < olds + latests; i++) {
      out.add(instance(i, i < olds ? old : latest));
    }
    return vmss(latest, olds + latests, out);
  }
}
