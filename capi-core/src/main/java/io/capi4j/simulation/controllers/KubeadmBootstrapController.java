package io.capi4j.simulation.controllers;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigInitializationStatus;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigStatus;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.external.KubeadmConfigs;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.Reconciler;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated kubeadm bootstrap provider (CABPK): after the profile's bootstrap-data latency it writes the
 * bootstrap data Secret, named after the KubeadmConfig and owned by it, and reports
 * {@code status.initialization.dataSecretCreated} and {@code status.dataSecretName}.
 */
public final class KubeadmBootstrapController implements Reconciler {
  private final SimContext ctx;
  private final Map<ObjectKey, Instant> readyAt = new HashMap<>();

  public KubeadmBootstrapController(SimContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Optional<Duration> reconcile(ObjectKey key) {
    Optional<KubeadmConfig> found = ctx.management().get(key);
    if (found.isEmpty() || found.get().isDeleting()) {
      readyAt.remove(key);
      return Optional.empty();
    }
    KubeadmConfig cfg = found.get();
    if (cfg.status().map(s -> !s.dataSecretName().isEmpty()).orElse(false)) {
      return Optional.empty();
    }
    Instant now = ctx.clock().instant();
    Instant at = readyAt.computeIfAbsent(key, k -> now.plus(ctx.profile().bootstrapData().sample(ctx.random())));
    if (now.isBefore(at)) {
      return Optional.of(Duration.between(now, at));
    }
    String clusterName = cfg.labels().getOrDefault(Capi.CLUSTER_NAME_LABEL, "");
    Secret secret = KubeadmConfigs.bootstrapSecret(cfg, clusterName,
        ("#cloud-config\n# kubeadm join for " + cfg.name() + "\n").getBytes(StandardCharsets.UTF_8));
    if (ctx.management().get(ObjectKey.of(secret)).isEmpty()) {
      ctx.management().create(secret);
    }
    KubeadmConfigStatus status = KubeadmConfigStatus.builder()
        .from(cfg.status().orElse(KubeadmConfigStatus.builder().build()))
        .dataSecretName(cfg.name())
        .initialization(KubeadmConfigInitializationStatus.of(true))
        .observedGeneration(1L)
        .build();
    ctx.management().update(cfg.withStatus(status));
    readyAt.remove(key);
    return Optional.empty();
  }

}
