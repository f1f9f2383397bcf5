package io.capi4j.providers.docker;

import io.capi4j.manifest.KubernetesMapper;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineTemplate;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.capi4j.webhooks.WebhookRules;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * CAPD's DockerMachineTemplate webhook: the template's metadata must be valid labels and annotations, and
 * {@code spec.template.spec} is immutable. CAPD has no defaulting for this kind.
 *
 * <p>Differences: upstream skips the immutability check for ClusterClass dry-run requests (capi4j has no dry
 * runs), prints the whole new object as the bad value (capi4j prints its name), and appends a go-cmp diff (capi4j
 * lists the changed fields).
 */
public final class DockerMachineTemplateWebhook implements Webhook<DockerMachineTemplate> {
  static final String IMMUTABLE =
      "DockerMachineTemplate spec.template.spec field is immutable. Please create a new resource instead.";
  private static final ObjectMapper MAPPER = KubernetesMapper.json();

  @Override
  public List<FieldError> validate(DockerMachineTemplate t, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    ctx.oldObject(DockerMachineTemplate.class).ifPresent(old -> {
      JsonNode before = MAPPER.valueToTree(old.spec().template().spec());
      JsonNode after = MAPPER.valueToTree(t.spec().template().spec());
      if (!before.equals(after)) {
        List<String> changed = new ArrayList<>();
        diff("", before, after, changed);
        errs.add(FieldError.invalid(FieldPath.of("spec", "template", "spec"), t.name(),
            IMMUTABLE + " Diff: " + String.join(", ", changed)));
      }
    });
    errs.addAll(WebhookRules.validateTemplateMetadata(t.spec().template().metadata(),
        FieldPath.of("spec", "template", "metadata")));
    return errs;
  }

  /** The dotted paths of the leaves that differ between two JSON trees. */
  static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      a.propertyNames().forEach(names::add);
      b.propertyNames().forEach(names::add);
      for (String n : names) {
        diff(path.isEmpty() ? n : path + "." + n, a.get(n), b.get(n), out);
      }
    } else if (a == null ? b != null : !a.equals(b)) {
      out.add(path + ": " + (a == null ? "<unset>" : a.toString()) + " -> " + (b == null ? "<unset>" : b.toString()));
    }
  }
}
