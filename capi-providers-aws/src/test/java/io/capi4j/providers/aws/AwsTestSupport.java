package io.capi4j.providers.aws;

import io.capi4j.api.CapiObject;
import io.capi4j.providers.aws.api.v1beta2.Aws;
import io.capi4j.spi.Providers;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.stream.Collectors;

/** Shared helpers of the AWS provider's tests. */
public final class AwsTestSupport {
  private AwsTestSupport() {}

  public static final Providers PROVIDERS = Providers.of(List.of(new AwsProvider()));
  public static final Admission ADMISSION = Admission.create(PROVIDERS);

  /** Upstream tests that turn the Ignition gate on. */
  public static final FeatureGates IGNITION_ON = FeatureGates.defaults().with(Aws.FEATURE_BOOTSTRAP_FORMAT_IGNITION, true);

  public static ObjectMeta meta(String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace("default").build();
  }

  /** Full admission (defaults, schema, webhook) of a create. */
  public static AdmissionResult create(Object o) {
    return ADMISSION.admit(o, AdmissionContext.create());
  }

  /** Full admission of an update from {@code old} (already admitted) to {@code now}. */
  public static AdmissionResult update(Object old, Object now) {
    return ADMISSION.admit(now, AdmissionContext.create().withOldObject(old));
  }

  /** The admitted (defaulted) object of a valid create. */
  @SuppressWarnings("unchecked")
  public static <T> T admitted(T o) {
    AdmissionResult r = create(o);
    if (!r.isValid()) {
      throw new AssertionError("expected valid, got " + r.errors());
    }
    return (T) r.object().orElseThrow();
  }

  /**
   * The errors as the API server reports them ({@code apierrors.NewInvalid}):
   * {@code AWSMachinePool.infrastructure.cluster.x-k8s.io "name" is invalid: [e1, e2]}; empty when there are none.
   */
  public static String render(String kind, String name, List<FieldError> errors) {
    if (errors.isEmpty()) {
      return "";
    }
    String aggregate = errors.size() == 1
        ? errors.get(0).toString()
        : errors.stream().map(FieldError::toString).collect(Collectors.joining(", ", "[", "]"));
    return kind + "." + Aws.GROUP + " \"" + name + "\" is invalid: " + aggregate;
  }

  public static String render(AdmissionResult r) {
    return render(r.kind(), r.name(), r.errors());
  }

  public static String render(CapiObject o, List<FieldError> errors) {
    return render(o.kind(), o.name(), errors);
  }
}
