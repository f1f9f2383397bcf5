package io.capi4j.providers.azure.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.azure.api.v1beta1.AzureComputeGalleryImage;
import io.capi4j.providers.azure.api.v1beta1.AzureMarketplaceImage;
import io.capi4j.providers.azure.api.v1beta1.Image;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CAPZ's {@code azure/services/virtualmachineimages/images_test.go}: TestGetDefaultLinuxImage and TestGetDefaultWindowsImage. */
class DefaultImagesTest {
  static Image gallery(String name, String version) {
    return Image.builder().computeGallery(AzureComputeGalleryImage.builder().gallery(DefaultImages.PUBLIC_GALLERY)
        .name(name).version(version).build()).build();
  }

  static Image marketplace(String offer, String sku, String version) {
    return Image.builder().marketplace(AzureMarketplaceImage.builder().publisher("cncf-upstream").offer(offer).sku(sku)
        .version(version).build()).build();
  }

  static Stream<Arguments> linux() {
    return Stream.of(
        Arguments.of("v1.31.1", gallery("capi-ubun2-2404", "1.31.1")),
        Arguments.of(" 1.31", gallery("capi-ubun2-2404", "1.31.0")),
        Arguments.of("1.31.1.2", null),
        Arguments.of("v1.31.1+1234  ", gallery("capi-ubun2-2404", "1.31.1+1234")),
        Arguments.of("1.28.12", marketplace("capi", "ubuntu-2204-gen1", "128.12.20240717")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void linux(String k8sVersion, Image expected) {
    DefaultImages.Result r = DefaultImages.linux(k8sVersion);
    if (expected == null) {
      assertThat(r.error()).isPresent();
      assertThat(r.image()).isEmpty();
    } else {
      assertThat(r.error()).isEmpty();
      assertThat(r.image()).contains(expected);
    }
  }

  static Stream<Arguments> windows() {
    return Stream.of(
        Arguments.of("v1.31.1", "containerd", "windows-2019", gallery("capi-win-2019-containerd", "1.31.1")),
        Arguments.of("v1.31.1", "containerd", "windows-2022", gallery("capi-win-2022-containerd", "1.31.1")),
        Arguments.of(" 1.31", "containerd", "windows-2022", gallery("capi-win-2022-containerd", "1.31.0")),
        Arguments.of("1.31.1.2", "", "", null),
        Arguments.of("v1.31.1+1234  ", "containerd", "windows-2022", gallery("capi-win-2022-containerd", "1.31.1+1234")),
        Arguments.of("v1.31.1", "docker", "", null),
        Arguments.of("v1.31.1", "", "windows-abcd", null),
        Arguments.of("1.31.1", "", "", gallery(DefaultImages.WINDOWS_IMAGE, "1.31.1")),
        Arguments.of("1.28.12", "", "", marketplace("capi-windows", "windows-2019-containerd-gen1", "128.12.20240717")));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource
  void windows(String k8sVersion, String runtime, String osAndVersion, Image expected) {
    DefaultImages.Result r = DefaultImages.windows(k8sVersion, runtime, osAndVersion);
    if (expected == null) {
      assertThat(r.error()).isPresent();
    } else {
      assertThat(r.error()).isEmpty();
      assertThat(r.image()).contains(expected);
    }
  }
}
