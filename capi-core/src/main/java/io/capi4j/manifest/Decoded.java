package io.capi4j.manifest;

import io.capi4j.validation.FieldError;
import java.util.List;
import java.util.Optional;

/**
 * The result of decoding a manifest object into a Java type: the value (absent when the object could not be
 * decoded at all) and the type errors found, each naming its field. A value decoded with errors has the
 * offending fields left out.
 */
public record Decoded<T>(Optional<T> value, List<FieldError> errors) {
  public Decoded {
    errors = List.copyOf(errors);
  }

  /** Whether the object decoded without type errors. */
  public boolean ok() {
    return value.isPresent() && errors.isEmpty();
  }
}
