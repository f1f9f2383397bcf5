package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** An image of a Shared Image Gallery ({@code AzureSharedGalleryImage}; deprecated upstream). */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureSharedGalleryImage.class)
@JsonDeserialize(as = ImmutableAzureSharedGalleryImage.class)
public abstract class AzureSharedGalleryImage implements UnknownFields, WithAzureSharedGalleryImage {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String subscriptionID() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String resourceGroup() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String gallery() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String name() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String version() {
    return "";
  }

  public abstract Optional<String> publisher();

  public abstract Optional<String> offer();

  public abstract Optional<String> sku();

  public static ImmutableAzureSharedGalleryImage.Builder builder() {
    return ImmutableAzureSharedGalleryImage.builder();
  }
}
