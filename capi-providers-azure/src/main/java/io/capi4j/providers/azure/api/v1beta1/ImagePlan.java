package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Plan information of a marketplace image ({@code ImagePlan}). */
@Value.Immutable
@JsonSerialize(as = ImmutableImagePlan.class)
@JsonDeserialize(as = ImmutableImagePlan.class)
public abstract class ImagePlan implements UnknownFields, WithImagePlan {
  /** The organization that created the image. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String publisher() {
    return "";
  }

  /** A group of related images, e.g. {@code UbuntuServer}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String offer() {
    return "";
  }

  /** An instance of an offer, e.g. {@code 18.04-LTS}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String sku() {
    return "";
  }

  public static ImmutableImagePlan.Builder builder() {
    return ImmutableImagePlan.builder();
  }
}
