package io.capi4j.providers.azure.images;

import io.capi4j.providers.azure.api.v1beta1.AzureComputeGalleryImage;
import io.capi4j.providers.azure.api.v1beta1.AzureMarketplaceImage;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.util.Semver;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference images CAPZ boots a machine from when its spec names no image
 * ({@code azure/services/virtualmachineimages/images.go}, {@code GetDefaultLinuxImage} and
 * {@code GetDefaultWindowsImage}).
 *
 * <p>Current Kubernetes versions use the community gallery {@value #PUBLIC_GALLERY} (image definition
 * {@value #LINUX_IMAGE} or {@value #WINDOWS_IMAGE}, version = the Kubernetes version as semver). A fixed list of older
 * versions (1.27.14 to 1.30.3) keeps the deprecated Azure Marketplace offer {@code cncf-upstream/capi}, so that an
 * upgrade of CAPZ does not roll those machines. Pure: no lookup in Azure.
 */
public final class DefaultImages {
  private DefaultImages() {}

  /** CAPZ's public community gallery of reference images. */
  public static final String PUBLIC_GALLERY = "ClusterAPI-f72ceb4f-5159-4c26-a0fe-2ea738f0d019";
  /** The Linux image definition in {@link #PUBLIC_GALLERY}. */
  public static final String LINUX_IMAGE = "capi-ubun2-2404";
  /** The default Windows image definition in {@link #PUBLIC_GALLERY}. */
  public static final String WINDOWS_IMAGE = "capi-win-2019-containerd";
  /** The publisher of the deprecated Marketplace offers. */
  public static final String PUBLISHER = "cncf-upstream";

  /** The outcome: the image, or CAPZ's error. */
  public record Result(Optional<Image> image, Optional<String> error) {
    static Result ok(Image i) {
      return new Result(Optional.of(i), Optional.empty());
    }

    static Result failed(String e) {
      return new Result(Optional.empty(), Optional.of(e));
    }
  }

  private static final Pattern WINDOWS_OS_AND_VERSION = Pattern.compile("^windows-(\\d{4})$");

  /** {@code GetDefaultLinuxImage}: the reference Ubuntu image for {@code k8sVersion} (tolerant semver). */
  public static Result linux(String k8sVersion) {
    Optional<Semver> v = Semver.parseTolerant(k8sVersion);
    if (v.isEmpty()) {
      return Result.failed("unable to parse Kubernetes version \"" + k8sVersion + "\"");
    }
    String version = v.get().toString();
    // Upstream first checks the range "<=1.28.12 || >=1.29.1 <=1.29.7 || >=1.30.0 <=1.30.3"; every key of the
    // table lies in it, so the table lookup alone decides.
    String marketplace = OLD_UBUNTU_2204.get(version);
    if (marketplace != null) {
      return Result.ok(marketplace("capi", "ubuntu-2204-gen1", marketplace));
    }
    return Result.ok(gallery(LINUX_IMAGE, version));
  }

  /**
   * {@code GetDefaultWindowsImage}: the reference Windows image for {@code k8sVersion}.
   *
   * @param runtime the AzureMachinePool/AzureMachine annotation {@code runtime}; only {@code ""} and
   *     {@code containerd} are supported
   * @param osAndVersion the annotation {@code windowsServerVersion}, e.g. {@code windows-2022}; {@code ""} is 2019
   */
  public static Result windows(String k8sVersion, String runtime, String osAndVersion) {
    Optional<Semver> v = Semver.parseTolerant(k8sVersion);
    if (v.isEmpty()) {
      return Result.failed("unable to parse Kubernetes version \"" + k8sVersion + "\"");
    }
    if (!runtime.isEmpty() && !runtime.equals("containerd")) {
      return Result.failed("unsupported runtime " + runtime);
    }
    String name = WINDOWS_IMAGE;
    if (!osAndVersion.isEmpty()) {
      Matcher m = WINDOWS_OS_AND_VERSION.matcher(osAndVersion);
      if (!m.matches()) {
        return Result.failed("unsupported osAndVersion " + osAndVersion);
      }
      name = name.replaceFirst("2019", m.group(1));
    }
    String version = v.get().toString();
    String marketplace = OLD_WINDOWS_2019.get(version);
    if (marketplace != null) {
      return Result.ok(marketplace("capi-windows", "windows-2019-containerd-gen1", marketplace));
    }
    return Result.ok(gallery(name, version));
  }

  private static Image gallery(String name, String version) {
    return Image.builder().computeGallery(AzureComputeGalleryImage.builder().gallery(PUBLIC_GALLERY).name(name)
        .version(version).build()).build();
  }

  private static Image marketplace(String offer, String sku, String version) {
    return Image.builder().marketplace(AzureMarketplaceImage.builder().publisher(PUBLISHER).offer(offer).sku(sku)
        .version(version).build()).build();
  }

  /** Kubernetes version to the image version of the deprecated Ubuntu 22.04 Marketplace offer. */
  private static final Map<String, String> OLD_UBUNTU_2204 = Map.ofEntries(
      Map.entry("1.27.14", "127.14.20240517"),
      Map.entry("1.27.15", "127.15.20240612"),
      Map.entry("1.27.16", "127.16.20240717"),
      Map.entry("1.28.1", "128.1.20230829"),
      Map.entry("1.28.2", "128.2.20230918"),
      Map.entry("1.28.3", "128.3.20231023"),
      Map.entry("1.28.4", "128.4.20231130"),
      Map.entry("1.28.5", "128.5.20240102"),
      Map.entry("1.28.6", "128.6.20240201"),
      Map.entry("1.28.7", "128.7.20240223"),
      Map.entry("1.28.8", "128.8.20240327"),
      Map.entry("1.28.9", "128.9.20240418"),
      Map.entry("1.28.10", "128.10.20240517"),
      Map.entry("1.28.11", "128.11.20240612"),
      Map.entry("1.28.12", "128.12.20240717"),
      Map.entry("1.29.1", "129.1.20240206"),
      Map.entry("1.29.2", "129.2.20240223"),
      Map.entry("1.29.3", "129.3.20240327"),
      Map.entry("1.29.4", "129.4.20240418"),
      Map.entry("1.29.5", "129.5.20240517"),
      Map.entry("1.29.6", "129.6.20240612"),
      Map.entry("1.29.7", "129.7.20240717"),
      Map.entry("1.30.0", "130.0.20240506"),
      Map.entry("1.30.1", "130.1.20240517"),
      Map.entry("1.30.2", "130.2.20240612"),
      Map.entry("1.30.3", "130.3.20240717"));

  /** Kubernetes version to the image version of the deprecated Windows 2019 Marketplace offer. */
  private static final Map<String, String> OLD_WINDOWS_2019 = Map.ofEntries(
      Map.entry("1.27.14", "127.14.20240515"),
      Map.entry("1.28.1", "128.1.20230830"),
      Map.entry("1.28.2", "128.2.20230918"),
      Map.entry("1.28.3", "128.3.20231023"),
      Map.entry("1.28.4", "128.4.20231122"),
      Map.entry("1.28.5", "128.5.20240102"),
      Map.entry("1.28.6", "128.6.20240201"),
      Map.entry("1.28.7", "128.7.20240223"),
      Map.entry("1.28.8", "128.8.20240327"),
      Map.entry("1.28.9", "128.9.20240418"),
      Map.entry("1.28.10", "128.10.20240515"),
      Map.entry("1.28.11", "128.11.20240612"),
      Map.entry("1.28.12", "128.12.20240717"),
      Map.entry("1.29.1", "129.1.20240201"),
      Map.entry("1.29.2", "129.2.20240223"),
      Map.entry("1.29.3", "129.3.20240327"),
      Map.entry("1.29.4", "129.4.20240418"),
      Map.entry("1.29.5", "129.5.20240515"),
      Map.entry("1.29.6", "129.6.20240612"),
      Map.entry("1.29.7", "129.7.20240717"),
      Map.entry("1.30.0", "130.0.20240418"),
      Map.entry("1.30.1", "130.1.20240515"),
      Map.entry("1.30.2", "130.2.20240612"),
      Map.entry("1.30.3", "130.3.20240717"));
}
