package io.capi4j.cloud;

import java.util.Map;
import org.immutables.value.Value;

/**
 * What an instance is built from: a version that changes whenever anything that matters changes (image, size,
 * bootstrap data), and the attributes behind it (e.g. {@code image}, {@code size}, {@code kubernetesVersion}).
 * A scaling group has one current model; each instance records the model it was built from.
 */
@Value.Immutable
public abstract class InstanceModel {
  @Value.Parameter
  public abstract String version();

  @Value.Parameter
  public abstract Map<String, String> attributes();

  public static InstanceModel of(String version, Map<String, ? extends String> attributes) {
    return ImmutableInstanceModel.of(version, attributes);
  }

  public static InstanceModel of(String version) {
    return ImmutableInstanceModel.of(version, Map.of());
  }
}
