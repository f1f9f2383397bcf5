package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** An image of the Azure Marketplace ({@code AzureMarketplaceImage}; the plan fields are inline). */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMarketplaceImage.class)
@JsonDeserialize(as = ImmutableAzureMarketplaceImage.class)
public abstract class AzureMarketplaceImage implements UnknownFields, WithAzureMarketplaceImage {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String publisher() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String offer() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String sku() {
    return "";
  }

  /** {@code Major.Minor.Build} or {@code latest}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String version() {
    return "";
  }

  /** Whether a plan is generated for the image (CRD default false). */
  public abstract Optional<Boolean> thirdPartyImage();

  public static ImmutableAzureMarketplaceImage.Builder builder() {
    return ImmutableAzureMarketplaceImage.builder();
  }
}
