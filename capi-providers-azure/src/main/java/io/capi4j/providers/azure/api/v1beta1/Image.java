package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** The image of a VM ({@code Image}): one of an ID, a marketplace image, a shared gallery or a compute gallery image. */
@Value.Immutable
@JsonSerialize(as = ImmutableImage.class)
@JsonDeserialize(as = ImmutableImage.class)
public abstract class Image implements UnknownFields, WithImage {
  /** A specific image by resource ID. */
  public abstract Optional<String> id();

  /** Deprecated upstream: use computeGallery. */
  public abstract Optional<AzureSharedGalleryImage> sharedGallery();

  public abstract Optional<AzureMarketplaceImage> marketplace();

  public abstract Optional<AzureComputeGalleryImage> computeGallery();

  public static ImmutableImage.Builder builder() {
    return ImmutableImage.builder();
  }
}
