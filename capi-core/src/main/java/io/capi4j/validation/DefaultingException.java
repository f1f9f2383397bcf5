package io.capi4j.validation;

/** Thrown by a webhook's defaulting when the object cannot be defaulted; admission reports its error. */
public final class DefaultingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient FieldError error;

  public DefaultingException(FieldError error) {
    super(error.toString());
    this.error = error;
  }

  public FieldError error() {
    return error;
  }
}
