package io.capi4j.webhooks;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import java.util.List;

/** KubeadmConfigTemplate validation (TODO: port upstream's rules). */
public final class KubeadmConfigTemplateWebhook implements Webhook<KubeadmConfigTemplate> {
  @Override
  public List<FieldError> validate(KubeadmConfigTemplate object, AdmissionContext ctx) {
    return List.of();
  }
}
