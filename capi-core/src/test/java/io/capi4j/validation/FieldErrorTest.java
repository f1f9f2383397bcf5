package io.capi4j.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link FieldError#toString()} in apimachinery's {@code field.Error.Error()} format, one case per type. */
class FieldErrorTest {
  private static final FieldPath P = FieldPath.of("spec", "x");

  @Test
  void required() {
    assertThat(FieldError.required(P, "")).hasToString("spec.x: Required value");
    assertThat(FieldError.required(P, "why")).hasToString("spec.x: Required value: why");
  }

  @Test
  void invalidPrintsTheValueAsGoDoes() {
    assertThat(FieldError.invalid(P, "v", "why")).hasToString("spec.x: Invalid value: \"v\": why");
    assertThat(FieldError.invalid(P, "a\"b\n", "why")).hasToString("spec.x: Invalid value: \"a\\\"b\\n\": why");
    assertThat(FieldError.invalid(P, 30, "why")).hasToString("spec.x: Invalid value: 30: why");
    assertThat(FieldError.invalid(P, true, "")).hasToString("spec.x: Invalid value: true");
    assertThat(FieldError.invalid(P, null, "why")).hasToString("spec.x: Invalid value: null: why");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("foo", "baz");
    labels.put("a", "b");
    assertThat(FieldError.invalid(P, labels, "why"))
        .hasToString("spec.x: Invalid value: map[string]string{\"a\":\"b\", \"foo\":\"baz\"}: why");
    assertThat(FieldError.invalid(P, List.of("x", "y"), "why"))
        .hasToString("spec.x: Invalid value: []string{\"x\", \"y\"}: why");
  }

  @Test
  void forbidden() {
    assertThat(FieldError.forbidden(P, "field is immutable")).hasToString("spec.x: Forbidden: field is immutable");
  }

  @Test
  void notSupported() {
    assertThat(FieldError.notSupported(P, "Largest", List.of("Random", "Oldest")))
        .hasToString("spec.x: Unsupported value: \"Largest\": supported values: \"Random\", \"Oldest\"");
    assertThat(FieldError.notSupported(P, "a", List.of())).hasToString("spec.x: Unsupported value: \"a\"");
  }

  @Test
  void duplicate() {
    assertThat(FieldError.duplicate(P.index(1), "map[key:a]")).hasToString("spec.x[1]: Duplicate value: \"map[key:a]\"");
  }

  @Test
  void tooLong() {
    assertThat(FieldError.tooLong(P, 63)).hasToString("spec.x: Too long: may not be more than 63 bytes");
    assertThat(FieldError.tooLong(P, 1)).hasToString("spec.x: Too long: may not be more than 1 byte");
  }

  @Test
  void tooMany() {
    assertThat(FieldError.tooMany(P, 5, 3)).hasToString("spec.x: Too many: 5: must have at most 3 items");
    assertThat(FieldError.tooMany(P, 2, 1)).hasToString("spec.x: Too many: 2: must have at most 1 item");
  }

  @Test
  void typeInvalid() {
    assertThat(FieldError.typeInvalid(FieldPath.of("spec", "replicas"), "string", "integer")).hasToString(
        "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"");
  }

  @Test
  void notFoundAndInternal() {
    assertThat(new FieldError(FieldError.Type.NOT_FOUND, "spec.x", "\"v\"", "")).hasToString("spec.x: Not found: \"v\"");
    assertThat(new FieldError(FieldError.Type.INTERNAL, "spec.x", "\"v\"", "boom"))
        .hasToString("spec.x: Internal error: boom");
  }

  @Test
  void paths() {
    assertThat(FieldPath.of("metadata", "annotations").key("a/b")).hasToString("metadata.annotations[a/b]");
    assertThat(FieldPath.of("spec").child("taints").index(0).child("key")).hasToString("spec.taints[0].key");
    assertThat(FieldPath.of("metadata", "annotations", "machineset.cluster.x-k8s.io/skip-preflight-checks"))
        .hasToString("metadata.annotations.machineset.cluster.x-k8s.io/skip-preflight-checks");
  }
}
