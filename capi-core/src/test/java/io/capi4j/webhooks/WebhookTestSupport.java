package io.capi4j.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachineTaint;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures and assertions shared by the webhook tests (ports of upstream's {@code *_test.go} tables). */
final class WebhookTestSupport {
  private WebhookTestSupport() {}

  static final String MIN = Capi.AUTOSCALER_MIN_SIZE_ANNOTATION;
  static final String MAX = Capi.AUTOSCALER_MAX_SIZE_ANNOTATION;

  static ObjectMeta meta(String namespace, String name) {
    return new ObjectMetaBuilder().withNamespace(namespace).withName(name).build();
  }

  static ObjectMeta meta(String name, Map<String, String> annotations) {
    return new ObjectMetaBuilder().withName(name).withAnnotations(new LinkedHashMap<>(annotations)).build();
  }

  static Bootstrap dataSecret(String name) {
    return Bootstrap.builder().dataSecretName(name).build();
  }

  static Bootstrap configRef(String name) {
    return Bootstrap.builder().configRef(ContractVersionedObjectReference.builder().name(name).build()).build();
  }

  static Bootstrap noBootstrap() {
    return Bootstrap.builder().build();
  }

  static LabelSelector selector(Map<String, String> matchLabels) {
    return new LabelSelectorBuilder().withMatchLabels(new LinkedHashMap<>(matchLabels)).build();
  }

  static MachineTaint taint(String key) {
    return MachineTaint.builder().key(key).effect("NoSchedule").propagation(MachineTaint.PROPAGATION_ALWAYS).build();
  }

  static FeatureGates taintGate(boolean on) {
    return FeatureGates.defaults().with(FeatureGates.MACHINE_TAINT_PROPAGATION, on);
  }

  static AdmissionContext create() {
    return AdmissionContext.create();
  }

  static AdmissionContext create(FeatureGates gates) {
    return AdmissionContext.create().withFeatureGates(gates);
  }

  static AdmissionContext update(Object old) {
    return AdmissionContext.create().withOldObject(old);
  }

  /** The errors of {@code validate} on a create. */
  static <T> List<FieldError> createErrors(Webhook<T> webhook, T obj, FeatureGates gates) {
    return webhook.validate(obj, create(gates));
  }

  /** The errors of {@code validate} on an update from the object to itself. */
  static <T> List<FieldError> selfUpdateErrors(Webhook<T> webhook, T obj, FeatureGates gates) {
    return webhook.validate(obj, create(gates).withOldObject(obj));
  }

  /**
   * Upstream's "err"/"ok" convention: ValidateCreate(obj) and ValidateUpdate(obj, obj) both fail or both pass.
   * Returns the create errors for further assertions.
   */
  static <T> List<FieldError> expectCreateAndUpdate(Webhook<T> webhook, T obj, FeatureGates gates, boolean wantErr) {
    List<FieldError> created = createErrors(webhook, obj, gates);
    List<FieldError> updated = selfUpdateErrors(webhook, obj, gates);
    if (wantErr) {
      assertThat(created).as("create errors").isNotEmpty();
      assertThat(updated).as("update errors").isNotEmpty();
    } else {
      assertThat(created).as("create errors").isEmpty();
      assertThat(updated).as("update errors").isEmpty();
    }
    return created;
  }

  static <T> List<FieldError> expectCreateAndUpdate(Webhook<T> webhook, T obj, boolean wantErr) {
    return expectCreateAndUpdate(webhook, obj, FeatureGates.defaults(), wantErr);
  }

  /**
   * Upstream's {@code CustomDefaultValidateTest}, as far as it applies: the defaulted object passes validation on
   * create and on an update from itself, and defaulting it again changes nothing.
   */
  static <T> T defaultThenValidate(Webhook<T> webhook, T obj) {
    T defaulted = webhook.applyDefaults(obj, create());
    assertThat(webhook.validate(defaulted, create())).as("create errors after defaulting").isEmpty();
    assertThat(webhook.validate(defaulted, update(defaulted))).as("update errors after defaulting").isEmpty();
    assertThat(webhook.applyDefaults(defaulted, create())).as("defaulting twice").isEqualTo(defaulted);
    return defaulted;
  }

  static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  static List<String> texts(List<FieldError> errors) {
    return errors.stream().map(FieldError::toString).toList();
  }
}
