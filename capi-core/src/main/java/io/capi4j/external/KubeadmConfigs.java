package io.capi4j.external;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.Kubeadm;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateResource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateSpec;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.spi.GroupVersionKind;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The KubeadmConfig objects Cluster API derives for a worker Machine, typed: the config a MachineSet clones from a
 * KubeadmConfigTemplate (upstream {@code external.GenerateTemplate}, see {@link ExternalTemplates} for the generic
 * form), and the bootstrap data Secret the kubeadm bootstrap provider writes for a config
 * ({@code storeBootstrapData}). Pure functions; inputs are never changed.
 */
public final class KubeadmConfigs {
  private KubeadmConfigs() {}

  /** The key of the rendered bootstrap data in the bootstrap Secret. */
  public static final String SECRET_VALUE_KEY = "value";
  /** The key of the data's format ({@code cloud-config} or {@code ignition}) in the bootstrap Secret. */
  public static final String SECRET_FORMAT_KEY = "format";

  /**
   * The KubeadmConfig cloned from {@code template} for one Machine.
   *
   * <ul>
   *   <li>name and namespace from the request (upstream's MachineSet passes the Machine's name, so config, InfraMachine
   *       and Machine share one name). When the request's name is empty, upstream generates
   *       {@code <template name>-<random>}; this function stays deterministic and sets {@code generateName} to
   *       {@code <template name>-} instead, leaving the suffix to the API server;
   *   <li>labels: the template's {@code spec.template.metadata.labels}, overlaid with the request's, plus
   *       {@code cluster.x-k8s.io/cluster-name};
   *   <li>annotations: the template's, overlaid with the request's, plus {@code cluster.x-k8s.io/cloned-from-name}
   *       and {@code cluster.x-k8s.io/cloned-from-groupkind} ({@code KubeadmConfigTemplate.bootstrap.cluster.x-k8s.io});
   *   <li>owner references: the request's owner reference, if any;
   *   <li>apiVersion: the template's; spec: the template's {@code spec.template.spec}, unchanged; fields of
   *       {@code spec.template} capi4j does not model are carried over as upstream copies the whole map.
   * </ul>
   */
  public static KubeadmConfig fromTemplate(KubeadmConfigTemplate template, GenerateTemplateRequest req) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(req, "req");
    Optional<KubeadmConfigTemplateResource> resource = template.spec().flatMap(KubeadmConfigTemplateSpec::template);
    TemplateMeta tmeta = resource.flatMap(KubeadmConfigTemplateResource::metadata).orElse(TemplateMeta.empty());

    Map<String, String> annotations = new LinkedHashMap<>(tmeta.annotations());
    annotations.putAll(req.annotations());
    String group = GroupVersionKind.of(template.apiVersion(), template.kind()).group();
    annotations.put(Capi.TEMPLATE_CLONED_FROM_NAME_ANNOTATION, template.name());
    annotations.put(Capi.TEMPLATE_CLONED_FROM_GROUP_KIND_ANNOTATION,
        group.isEmpty() ? template.kind() : template.kind() + "." + group);

    Map<String, String> labels = new LinkedHashMap<>(tmeta.labels());
    labels.putAll(req.labels());
    labels.put(Capi.CLUSTER_NAME_LABEL, req.clusterName());

    ObjectMetaBuilder meta = new ObjectMetaBuilder()
        .withNamespace(req.namespace())
        .withLabels(labels)
        .withAnnotations(annotations);
    if (req.name().isEmpty()) {
      meta.withGenerateName(template.name() + "-");
    } else {
      meta.withName(req.name());
    }
    req.ownerRef().ifPresent(o -> meta.withOwnerReferences(List.of(new OwnerReferenceBuilder(o).build())));

    return KubeadmConfig.builder()
        .apiVersion(template.apiVersion().isEmpty() ? Kubeadm.API_VERSION : template.apiVersion())
        .kind(KubeadmConfig.KIND)
        .metadata(meta.build())
        .spec(resource.flatMap(KubeadmConfigTemplateResource::spec))
        .unknownFields(resource.map(KubeadmConfigTemplateResource::unknownFields).orElse(Map.of()))
        .build();
  }

  /**
   * The bootstrap data Secret of {@code config}, as the kubeadm bootstrap provider writes it: same name and namespace
   * as the config, type {@code cluster.x-k8s.io/secret}, label {@code cluster.x-k8s.io/cluster-name}, a controller
   * owner reference to the config, and data {@code value} (the rendered bootstrap data) and {@code format}
   * ({@code spec.format}, or {@code cloud-config} when empty).
   *
   * @param data the rendered cloud-config or Ignition document; copied
   */
  public static Secret bootstrapSecret(KubeadmConfig config, String clusterName, byte[] data) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(data, "data");
    String format = config.spec().map(KubeadmConfigSpec::effectiveFormat).orElse(Kubeadm.FORMAT_CLOUD_CONFIG);
    Base64.Encoder b64 = Base64.getEncoder();
    Map<String, String> secretData = new LinkedHashMap<>();
    secretData.put(SECRET_VALUE_KEY, b64.encodeToString(data));
    secretData.put(SECRET_FORMAT_KEY, b64.encodeToString(format.getBytes(StandardCharsets.UTF_8)));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(config.name())
        .withNamespace(config.namespace())
        .withLabels(Map.of(Capi.CLUSTER_NAME_LABEL, clusterName))
        .withOwnerReferences(controllerRef(config))
        .endMetadata()
        .withType(Kubeadm.BOOTSTRAP_SECRET_TYPE)
        .withData(secretData)
        .build();
  }

  /** The controller owner reference to {@code config} that its bootstrap Secret carries. */
  public static OwnerReference controllerRef(KubeadmConfig config) {
    return new OwnerReferenceBuilder()
        .withApiVersion(Kubeadm.API_VERSION)
        .withKind(KubeadmConfig.KIND)
        .withName(config.name())
        .withUid(config.metadata().getUid())
        .withController(true)
        .build();
  }
}
