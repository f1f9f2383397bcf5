package io.capi4j.providers.docker;

import io.capi4j.providers.docker.api.v1beta2.DockerMachine;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;

/** CAPD's DockerMachine webhook: {@code spec.customImage} cannot change. No defaulting, nothing checked on create. */
public final class DockerMachineWebhook implements Webhook<DockerMachine> {
  @Override
  public List<FieldError> validate(DockerMachine m, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    ctx.oldObject(DockerMachine.class).ifPresent(old -> {
      if (!old.spec().customImage().equals(m.spec().customImage())) {
        errs.add(FieldError.forbidden(FieldPath.of("spec", "customImage"), "cannot be modified"));
      }
    });
    return errs;
  }
}
