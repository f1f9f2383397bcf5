package io.capi4j.providers.azure.webhooks;

import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachine;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.List;

/**
 * AzureMachinePoolMachine validation, as CAPZ's {@code internal/exp/webhooks/azuremachinepoolmachine_webhook.go}:
 * {@code spec.providerID} cannot change once set. There are no defaults.
 */
public final class AzureMachinePoolMachineWebhook implements Webhook<AzureMachinePoolMachine> {
  @Override
  public List<FieldError> validate(AzureMachinePoolMachine m, AdmissionContext ctx) {
    return ctx.oldObject(AzureMachinePoolMachine.class)
        .filter(old -> !old.spec().providerID().isEmpty() && !old.spec().providerID().equals(m.spec().providerID()))
        .map(old -> List.of(FieldError.forbidden(FieldPath.of("spec", "providerID"), "providerID is immutable")))
        .orElse(List.of());
  }
}
