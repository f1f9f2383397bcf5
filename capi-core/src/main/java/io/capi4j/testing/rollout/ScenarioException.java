package io.capi4j.testing.rollout;

import io.capi4j.validation.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario cannot be read or is invalid; the errors name the field path and the rule. */
public class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public ScenarioException(String source, List<FieldError> errors) {
    super(source + ": " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
    this.errors = List.of();
  }

  /** The field errors, when the scenario was readable but invalid. */
  public List<FieldError> errors() {
    return errors;
  }
}
