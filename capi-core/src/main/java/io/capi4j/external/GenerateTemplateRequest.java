package io.capi4j.external;

import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** What to stamp on an object cloned from a template (upstream {@code external.GenerateTemplateInput}). */
@Value.Immutable
public abstract class GenerateTemplateRequest {
  /** Name of the new object; upstream's MachineSet passes the Machine's name. */
  public abstract String name();

  public abstract String namespace();

  public abstract String clusterName();

  /** Labels overlaid on the template's labels. */
  public abstract Map<String, String> labels();

  /** Annotations overlaid on the template's annotations. */
  public abstract Map<String, String> annotations();

  /** The owner reference that replaces the template's, if any. */
  public abstract Optional<OwnerReference> ownerRef();

  public static ImmutableGenerateTemplateRequest.Builder builder() {
    return ImmutableGenerateTemplateRequest.builder();
  }
}
