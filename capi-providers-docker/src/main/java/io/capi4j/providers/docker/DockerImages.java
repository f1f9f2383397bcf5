package io.capi4j.providers.docker;

import io.capi4j.util.Semver;
import java.util.Optional;

/** Which image a CAPD node container runs (CAPD's {@code kind.GetMapping(version, customImage).Image}). */
public final class DockerImages {
  private DockerImages() {}

  /** kind's node image. */
  public static final String KINDEST_NODE = "kindest/node";

  /**
   * The custom image when set, otherwise {@code kindest/node:v<version>} ({@code +} written as {@code _}, as OCI tags
   * require). Empty when there is no custom image and the version is not semver (where CAPD panics).
   *
   * <p>Simplified: CAPD pins known versions to image digests ({@code kindest/node:v1.32.0@sha256:...}); capi4j
   * always uses the plain tag, CAPD's "best guess" for versions it does not know.
   */
  public static Optional<String> imageFor(String kubernetesVersion, String customImage) {
    if (customImage != null && !customImage.isEmpty()) {
      return Optional.of(customImage);
    }
    return Semver.parseTolerant(kubernetesVersion).map(v -> KINDEST_NODE + ":v" + v.toString().replace('+', '_'));
  }
}
