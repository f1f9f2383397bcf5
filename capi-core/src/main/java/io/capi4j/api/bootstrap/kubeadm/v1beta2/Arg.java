package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A command line argument ({@code --name=value}), e.g. one of {@code kubeletExtraArgs}. {@code value} is required
 * but may be {@code ""}, hence an {@code Optional}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableArg.class)
@JsonDeserialize(as = ImmutableArg.class)
public abstract class Arg implements UnknownFields, WithArg {
  /** The flag name, without leading dashes. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  /** The flag value; required, may be empty. */
  public abstract Optional<String> value();

  /** An argument {@code name=value}. */
  public static Arg of(String name, String value) {
    return builder().name(name).value(value).build();
  }

  public static ImmutableArg.Builder builder() {
    return ImmutableArg.builder();
  }
}
