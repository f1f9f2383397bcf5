package io.capi4j.webhooks;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.Kubeadm;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.spi.KindSupport;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;

/** The kinds capi4j itself models, with their webhooks. */
public final class CoreKinds {
  private CoreKinds() {}

  private static final List<KindSupport<?>> ALL =
      List.of(
          KindSupport.of(Capi.API_VERSION, MachineDeployment.KIND, MachineDeployment.class, new MachineDeploymentWebhook()),
          KindSupport.of(Capi.API_VERSION, MachineSet.KIND, MachineSet.class, new MachineSetWebhook()),
          KindSupport.of(Capi.API_VERSION, Machine.KIND, Machine.class, new MachineWebhook()),
          KindSupport.of(Capi.API_VERSION, MachinePool.KIND, MachinePool.class, new MachinePoolWebhook()),
          KindSupport.of(Capi.API_VERSION, MachineHealthCheck.KIND, MachineHealthCheck.class, new MachineHealthCheckWebhook()),
          KindSupport.readOnly(Capi.API_VERSION, Cluster.KIND, Cluster.class),
          KindSupport.of(Kubeadm.API_VERSION, KubeadmConfig.KIND, KubeadmConfig.class, new KubeadmConfigWebhook()),
          KindSupport.of(Kubeadm.API_VERSION, KubeadmConfigTemplate.KIND, KubeadmConfigTemplate.class,
              new KubeadmConfigTemplateWebhook()),
          KindSupport.readOnly("v1", "Node", Node.class),
          KindSupport.readOnly("v1", "Secret", Secret.class));

  /** Every kind capi4j models. */
  public static List<KindSupport<?>> all() {
    return ALL;
  }
}
