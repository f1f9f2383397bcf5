package io.capi4j.webhooks;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.List;

/**
 * KubeadmConfig admission, as upstream's {@code bootstrap/kubeadm/internal/webhooks/kubeadmconfig.go} (v1beta2).
 *
 * <p>Validation only: v1beta2 has no defaulting webhook for KubeadmConfig ({@code format} is taken as
 * {@code cloud-config} where the bootstrap data is rendered). Creates and updates are validated alike, with no
 * immutable fields.
 */
public final class KubeadmConfigWebhook implements Webhook<KubeadmConfig> {

  /** The CRD schema of {@code spec}, when present. */
  @Override
  public List<FieldError> checkSchema(KubeadmConfig config, AdmissionContext ctx) {
    return config.spec()
        .map(s -> KubeadmConfigSpecRules.checkSchema(s, FieldPath.of("spec")))
        .orElse(List.of());
  }

  /** {@code spec.Validate(isKCP=false, "spec")}. */
  @Override
  public List<FieldError> validate(KubeadmConfig config, AdmissionContext ctx) {
    return KubeadmConfigSpecRules.validate(config.specOrEmpty(), FieldPath.of("spec"), ctx.featureGates());
  }
}
