package io.capi4j.spi;

import io.capi4j.external.ExternalTemplates;
import io.capi4j.external.GenerateTemplateRequest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;

/**
 * An infrastructure provider (Azure, AWS, Docker, ...). The only required method is {@link #descriptor()}; every
 * hook has a default that does nothing, so a provider implements what it supports.
 *
 * <p>Implementations must be stateless and thread-safe, and must be registered in
 * {@code META-INF/services/io.capi4j.spi.InfrastructureProvider}.
 */
public interface InfrastructureProvider {

  /** What this provider is and can do. */
  ProviderDescriptor descriptor();

  /** The kinds this provider decodes and admits (defaults and validates). */
  default List<KindSupport<?>> kinds() {
    return List.of();
  }

  /**
   * The InfraMachine a MachineSet creates for a new Machine from the MachineDeployment's InfraMachineTemplate. The
   * default clones the template as upstream's {@code external.GenerateTemplate} does; a provider overrides this to
   * add what its own controllers would set.
   */
  default GenericKubernetesResource infraMachineFromTemplate(
      GenericKubernetesResource template, GenerateTemplateRequest request) {
    return ExternalTemplates.generate(template, request);
  }

  /**
   * The planner for one of this provider's InfraMachinePool kinds (see {@link ProviderDescriptor#scalingGroupPools()}
   * and {@link ProviderDescriptor#managedPools()}); empty when the kind has none.
   */
  default Optional<PoolPlanner> poolPlanner(String kind) {
    return Optional.empty();
  }
}
