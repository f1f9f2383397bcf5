package io.capi4j.providers.docker;

import io.capi4j.providers.docker.api.v1beta2.DevMachinePool;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePool;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import java.util.List;

/**
 * The pool kinds' webhooks. CAPD registers a webhook for DockerMachinePool without a defaulter or a validator, and
 * none for DevMachinePool: both admit everything, as upstream's do.
 */
public final class DockerPoolWebhooks {
  private DockerPoolWebhooks() {}

  /** DockerMachinePool: nothing to default, nothing to validate. */
  public static final class DockerMachinePoolWebhook implements Webhook<DockerMachinePool> {
    @Override
    public List<FieldError> validate(DockerMachinePool object, AdmissionContext context) {
      return List.of();
    }
  }

  /** DevMachinePool: nothing to default, nothing to validate. */
  public static final class DevMachinePoolWebhook implements Webhook<DevMachinePool> {
    @Override
    public List<FieldError> validate(DevMachinePool object, AdmissionContext context) {
      return List.of();
    }
  }
}
