package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code spec.ntp}: NTP configuration for cloud-init (MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNTP.class)
@JsonDeserialize(as = ImmutableNTP.class)
public abstract class NTP implements UnknownFields, WithNTP {
  /** NTP servers. */
  public abstract List<String> servers();

  /** Whether NTP is enabled. */
  public abstract Optional<Boolean> enabled();

  /** Upstream's {@code IsDefined}: not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return !servers().isEmpty() || enabled().isPresent();
  }

  public static ImmutableNTP.Builder builder() {
    return ImmutableNTP.builder();
  }
}
