package io.capi4j.validation;

import io.capi4j.manifest.ManifestDocument;
import java.util.List;
import java.util.Optional;

/**
 * What admission made of one object: whether it is valid, the object after defaulting, every violation found
 * (type errors, schema rules and webhook rules together), and notes.
 *
 * @param document the document the object came from, when it came from a manifest
 * @param outcome valid, invalid, or not validated (no module admits the kind)
 * @param kind the object's kind
 * @param name the object's name
 * @param object the object after defaulting; the decoded object when defaulting did not run; empty when the
 *     object could not be decoded
 * @param errors every violation, in the order the stages found them
 * @param notes information that is not an error, e.g. why a kind was not validated or fields capi4j keeps but
 *     does not know
 */
public record AdmissionResult(
    Optional<ManifestDocument> document,
    Outcome outcome,
    String kind,
    String name,
    Optional<Object> object,
    List<FieldError> errors,
    List<String> notes) {

  /** The outcome of admission for one object. */
  public enum Outcome {
    VALID,
    INVALID,
    NOT_VALIDATED
  }

  public AdmissionResult {
    errors = List.copyOf(errors);
    notes = List.copyOf(notes);
  }

  public boolean isValid() {
    return outcome == Outcome.VALID;
  }

  public boolean isInvalid() {
    return outcome == Outcome.INVALID;
  }

  /** The object after defaulting, cast to {@code type}. */
  public <T> Optional<T> object(Class<T> type) {
    return object.filter(type::isInstance).map(type::cast);
  }
}
