package io.capi4j.api.core.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** The machine template of a MachineDeployment, MachineSet or MachinePool ({@code spec.template}). */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineTemplateSpec.class)
@JsonDeserialize(as = ImmutableMachineTemplateSpec.class)
public abstract class MachineTemplateSpec implements UnknownFields, WithMachineTemplateSpec {
  public abstract Optional<TemplateMeta> metadata();

  public abstract Optional<MachineSpec> spec();

  /** {@code metadata}, or empty metadata. */
  public TemplateMeta metadataOrEmpty() {
    return metadata().orElse(TemplateMeta.empty());
  }

  /** {@code spec}, or an empty spec. */
  public MachineSpec specOrEmpty() {
    return spec().orElse(MachineSpec.builder().build());
  }

  public static ImmutableMachineTemplateSpec.Builder builder() {
    return ImmutableMachineTemplateSpec.builder();
  }
}
