package io.capi4j.spi;

import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import java.util.List;

/**
 * Admission for one kind, in the order the API server applies it: {@link #applyDefaults defaulting} (the mutating
 * webhook), {@link #checkSchema the CRD schema rules}, then {@link #validate the validating webhook}.
 *
 * <p>Implementations are pure: they return a new value instead of changing the one they get, read nothing but
 * their arguments, and report every violation they find (never only the first). Messages use upstream's words.
 *
 * @param <T> the Java type the kind decodes into
 */
public interface Webhook<T> {

  /** Fills in defaults, as the mutating webhook does. The default does nothing. */
  default T applyDefaults(T object, AdmissionContext context) {
    return object;
  }

  /** The CRD schema rules (required fields, enums, minimums, patterns, list sizes). The default checks nothing. */
  default List<FieldError> checkSchema(T object, AdmissionContext context) {
    return List.of();
  }

  /**
   * The validating webhook's checks for a create, or for an update when {@link AdmissionContext#oldObject()} is
   * present.
   */
  List<FieldError> validate(T object, AdmissionContext context);
}
