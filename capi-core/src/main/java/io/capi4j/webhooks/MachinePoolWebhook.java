package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import java.util.List;

/** MachinePool defaulting and validation (TODO: port upstream's rules). */
public final class MachinePoolWebhook implements Webhook<MachinePool> {
  @Override
  public List<FieldError> validate(MachinePool object, AdmissionContext ctx) {
    return List.of();
  }
}
