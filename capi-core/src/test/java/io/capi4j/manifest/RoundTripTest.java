package io.capi4j.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.spi.Providers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind capi4j models survives YAML and JSON round trips with every modelled field and unknown fields. */
class RoundTripTest {
  private final Manifests manifests = Manifests.create(Providers.none());

  private static String resource(String name) throws Exception {
    try (InputStream in = RoundTripTest.class.getResourceAsStream("/roundtrip/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"machinedeployment.yaml", "machineset.yaml", "machine.yaml", "machinepool.yaml",
      "machinehealthcheck.yaml", "cluster.yaml", "kubeadmconfig.yaml"})
  void yamlAndJsonRoundTripsLoseNothing(String file) throws Exception {
    ManifestDocument original = manifests.parse(file, resource(file)).get(0);
    assertThat(original.decodeErrors()).isEmpty();
    Object value = original.value().orElseThrow();
    assertThat(value.getClass().getName()).as("decoded into a capi4j type").startsWith("io.capi4j.api.");

    ManifestDocument fromYaml = manifests.parse(file + " (written)", manifests.toYaml(value)).get(0);
    assertThat(fromYaml.raw()).isEqualTo(original.raw());
    assertThat(fromYaml.value()).contains(value);

    ManifestDocument fromJson = manifests.parse(file + " (json)", manifests.toJson(value)).get(0);
    assertThat(fromJson.raw()).isEqualTo(original.raw());
  }
}
