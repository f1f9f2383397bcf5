package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** An image of the Azure Compute Gallery ({@code AzureComputeGalleryImage}). */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureComputeGalleryImage.class)
@JsonDeserialize(as = ImmutableAzureComputeGalleryImage.class)
public abstract class AzureComputeGalleryImage implements UnknownFields, WithAzureComputeGalleryImage {
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

  public abstract Optional<String> subscriptionID();

  public abstract Optional<String> resourceGroup();

  public abstract Optional<ImagePlan> plan();

  public static ImmutableAzureComputeGalleryImage.Builder builder() {
    return ImmutableAzureComputeGalleryImage.builder();
  }
}
