package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An EBS volume (root or not).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableVolume.class)
@JsonDeserialize(as = ImmutableVolume.class)
public abstract class Volume implements UnknownFields, WithVolume {
  public static final String TYPE_IO1 = "io1";
  public static final String TYPE_IO2 = "io2";
  public static final String TYPE_GP3 = "gp3";

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String deviceName() {
    return "";
  }

  /** GiB; required, at least 8. */
  public abstract Optional<Long> size();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String type() {
    return "";
  }

  public abstract Optional<Long> iops();

  public abstract Optional<Long> throughput();

  public abstract Optional<Boolean> encrypted();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String encryptionKey() {
    return "";
  }

  public static ImmutableVolume.Builder builder() {
    return ImmutableVolume.builder();
  }
}
