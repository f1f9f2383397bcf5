package io.capi4j.webhooks;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import java.util.List;

/** KubeadmConfig validation (TODO: port upstream's rules). */
public final class KubeadmConfigWebhook implements Webhook<KubeadmConfig> {
  @Override
  public List<FieldError> validate(KubeadmConfig object, AdmissionContext ctx) {
    return List.of();
  }
}
