package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import java.util.List;

/** MachineHealthCheck defaulting and validation (TODO: port upstream's rules). */
public final class MachineHealthCheckWebhook implements Webhook<MachineHealthCheck> {
  @Override
  public List<FieldError> validate(MachineHealthCheck object, AdmissionContext ctx) {
    return List.of();
  }
}
