package io.capi4j.providers.aws.asg;

import java.util.Objects;
import java.util.Optional;

/**
 * A value, or the error that prevents it (upstream returns an {@code error} where this returns
 * {@link #error()}); never both.
 *
 * @param value the value when there is no error
 * @param error why there is no value
 */
public record Outcome<T>(Optional<T> value, Optional<String> error) {
  public Outcome {
    Objects.requireNonNull(value);
    Objects.requireNonNull(error);
    if (value.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("exactly one of value and error");
    }
  }

  public static <T> Outcome<T> ok(T value) {
    return new Outcome<>(Optional.of(value), Optional.empty());
  }

  public static <T> Outcome<T> failed(String error) {
    return new Outcome<>(Optional.empty(), Optional.of(error));
  }

  public boolean isOk() {
    return value.isPresent();
  }

  /** The value; throws when this is an error. */
  public T get() {
    return value.orElseThrow(() -> new IllegalStateException(error.orElse("")));
  }
}
