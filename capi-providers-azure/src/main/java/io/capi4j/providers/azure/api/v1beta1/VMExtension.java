package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A custom VM extension ({@code VMExtension}); its settings are kept as unknown fields. */
@Value.Immutable
@JsonSerialize(as = ImmutableVMExtension.class)
@JsonDeserialize(as = ImmutableVMExtension.class)
public abstract class VMExtension implements UnknownFields, WithVMExtension {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String publisher() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String version() {
    return "";
  }

  public static ImmutableVMExtension.Builder builder() {
    return ImmutableVMExtension.builder();
  }
}
