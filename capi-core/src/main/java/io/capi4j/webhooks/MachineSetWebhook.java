package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import java.util.List;

/** MachineSet defaulting and validation (TODO: port upstream's rules). */
public final class MachineSetWebhook implements Webhook<MachineSet> {
  @Override
  public List<FieldError> validate(MachineSet object, AdmissionContext ctx) {
    return List.of();
  }
}
