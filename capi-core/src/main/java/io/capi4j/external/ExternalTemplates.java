package io.capi4j.external;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.spi.GroupVersionKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Upstream's {@code external.GenerateTemplate}: the object a template stamps out. */
public final class ExternalTemplates {
  private ExternalTemplates() {}

  /**
   * Clones {@code template.spec.template} into a new object: kind is the template's kind without the
   * {@code Template} suffix, same apiVersion; labels and annotations are the template's overlaid with the request's,
   * plus {@code cluster-name}, {@code cloned-from-name} and {@code cloned-from-groupkind}.
   */
  @SuppressWarnings("unchecked")
  public static GenericKubernetesResource generate(GenericKubernetesResource template, GenerateTemplateRequest req) {
    Map<String, Object> props = template.getAdditionalProperties();
    Map<String, Object> spec = props.get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    Map<String, Object> tmpl = spec.get("template") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    Map<String, Object> tmeta = tmpl.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();

    Map<String, String> annotations = new LinkedHashMap<>(stringMap(tmeta.get("annotations")));
    annotations.putAll(req.annotations());
    String templateKind = template.getKind() == null ? "" : template.getKind();
    GroupVersionKind gvk = GroupVersionKind.of(template.getApiVersion() == null ? "" : template.getApiVersion(), templateKind);
    annotations.put(Capi.TEMPLATE_CLONED_FROM_NAME_ANNOTATION, template.getMetadata() == null ? "" : template.getMetadata().getName());
    annotations.put(Capi.TEMPLATE_CLONED_FROM_GROUP_KIND_ANNOTATION, gvk.group().isEmpty() ? templateKind : templateKind + "." + gvk.group());

    Map<String, String> labels = new LinkedHashMap<>(stringMap(tmeta.get("labels")));
    labels.putAll(req.labels());
    labels.put(Capi.CLUSTER_NAME_LABEL, req.clusterName());

    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(req.name()).withNamespace(req.namespace())
        .withLabels(labels).withAnnotations(annotations);
    req.ownerRef().ifPresent(o -> meta.withOwnerReferences(List.of(o)));

    String kind = templateKind.endsWith("Template") ? templateKind.substring(0, templateKind.length() - "Template".length()) : templateKind;
    GenericKubernetesResourceBuilder b = new GenericKubernetesResourceBuilder()
        .withApiVersion(template.getApiVersion())
        .withKind(kind)
        .withMetadata(meta.build());
    GenericKubernetesResource out = b.build();
    Map<String, Object> outProps = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : tmpl.entrySet()) {
      if (!e.getKey().equals("metadata")) {
        outProps.put(e.getKey(), deepCopy(e.getValue()));
      }
    }
    out.setAdditionalProperties(outProps);
    return out;
  }

  private static Map<String, String> stringMap(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Object deepCopy(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> c = new LinkedHashMap<>();
      m.forEach((k, v) -> c.put(String.valueOf(k), deepCopy(v)));
      return c;
    }
    if (o instanceof List<?> l) {
      return l.stream().map(ExternalTemplates::deepCopy).toList();
    }
    return o;
  }

  /** A copy of the metadata, so that callers never share fabric8's mutable objects. */
  public static ObjectMeta copy(ObjectMeta meta) {
    return meta == null ? new ObjectMeta() : new ObjectMetaBuilder(meta).build();
  }
}
