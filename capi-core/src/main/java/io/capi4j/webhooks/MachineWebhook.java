package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import java.util.List;

/** Machine defaulting and validation (TODO: port upstream's rules). */
public final class MachineWebhook implements Webhook<Machine> {
  @Override
  public List<FieldError> validate(Machine object, AdmissionContext ctx) {
    return List.of();
  }
}
