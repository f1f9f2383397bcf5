package io.capi4j.providers.docker;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.providers.docker.api.v1beta2.Docker;
import io.capi4j.providers.docker.api.v1beta2.DockerMachine;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineInitializationStatus;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePool;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePoolMachineTemplate;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineSpec;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DockerMachinePool planner: containers plus one {@link DockerMachine} each ({@code status.infrastructureMachineKind
 * = DockerMachine}). See {@link ContainerPoolPlanner} for the decisions.
 */
public final class DockerMachinePoolPlanner extends ContainerPoolPlanner<DockerMachinePool, DockerMachine> {

  @Override
  Class<DockerMachinePool> poolType() {
    return DockerMachinePool.class;
  }

  @Override
  Class<DockerMachine> machineType() {
    return DockerMachine.class;
  }

  @Override
  String poolKind() {
    return DockerMachinePool.KIND;
  }

  @Override
  String machineKind() {
    return DockerMachine.KIND;
  }

  @Override
  String poolProviderIDScheme() {
    return "docker";
  }

  @Override
  String finalizer() {
    return Docker.MACHINE_POOL_FINALIZER;
  }

  @Override
  String machineFinalizer() {
    return Docker.MACHINE_FINALIZER;
  }

  @Override
  DockerMachine withFinalizers(DockerMachine machine, List<String> finalizers) {
    return machine.withMetadata(new ObjectMetaBuilder(machine.metadata()).withFinalizers(finalizers).build());
  }

  @Override
  String customImage(DockerMachinePool pool) {
    return pool.spec().template().customImage();
  }

  @Override
  String specProviderID(DockerMachinePool pool) {
    return pool.spec().providerID();
  }

  @Override
  String statusMachineKind(DockerMachinePool pool) {
    return pool.statusOrEmpty().infrastructureMachineKind();
  }

  @Override
  boolean ready(DockerMachinePool pool) {
    return pool.statusOrEmpty().ready().orElse(false);
  }

  @Override
  List<Condition> conditions(DockerMachinePool pool) {
    return pool.statusOrEmpty().conditions();
  }

  @Override
  DockerMachinePool withContract(DockerMachinePool pool, List<String> finalizers, String machineKind,
      String specProviderID, List<String> providerIDList, int replicas, boolean ready, List<Condition> conditions) {
    return pool.withMetadata(new ObjectMetaBuilder(pool.metadata()).withFinalizers(finalizers).build())
        .withSpec(pool.spec().withProviderID(specProviderID).withProviderIDList(providerIDList))
        .withStatus(pool.statusOrEmpty().withInfrastructureMachineKind(machineKind).withReplicas(replicas)
            .withReady(ready).withConditions(conditions));
  }

  @Override
  String providerID(DockerMachine machine) {
    return machine.spec().providerID().orElse("");
  }

  @Override
  boolean provisioned(DockerMachine machine) {
    return machine.isProvisioned();
  }

  /**
   * {@code computeDesiredDockerMachine}: a new DockerMachine takes the pool's template; an existing one keeps its
   * image, pre-loaded images and mounts (so an image change never edits a DockerMachine, it replaces it).
   */
  @Override
  DockerMachine desiredMachine(String name, DockerMachinePool pool, MachinePool mp, Optional<DockerMachine> existing,
      List<OwnerReference> owners, Map<String, String> labels, Optional<String> providerID, boolean provisioned) {
    DockerMachine base = existing.orElse(DockerMachine.builder().build());
    Map<String, String> allLabels = new LinkedHashMap<>(base.labels());
    allLabels.putAll(labels);
    DockerMachineSpec spec = base.spec();
    if (existing.isEmpty()) {
      DockerMachinePoolMachineTemplate t = pool.spec().template();
      spec = spec.withCustomImage(t.customImage()).withPreLoadImages(t.preLoadImages()).withExtraMounts(t.extraMounts());
    }
    spec = spec.withProviderID(providerID);
    DockerMachine out = base
        .withMetadata(new ObjectMetaBuilder(base.metadata()).withName(name).withNamespace(pool.namespace())
            .withLabels(allLabels).withOwnerReferences(owners).build())
        .withSpec(spec);
    if (provisioned) {
      DockerMachineStatus st = out.status().orElse(DockerMachineStatus.builder().build());
      out = out.withStatus(st.withInitialization(st.initialization()
          .orElse(DockerMachineInitializationStatus.builder().build()).withProvisioned(true)));
    }
    return out;
  }
}
