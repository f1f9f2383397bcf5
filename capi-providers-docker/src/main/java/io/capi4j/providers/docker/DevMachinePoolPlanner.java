package io.capi4j.providers.docker;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.providers.docker.api.v1beta2.DevMachine;
import io.capi4j.providers.docker.api.v1beta2.DevMachineBackendSpec;
import io.capi4j.providers.docker.api.v1beta2.DevMachineInitializationStatus;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePool;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePoolInitializationStatus;
import io.capi4j.providers.docker.api.v1beta2.DevMachineStatus;
import io.capi4j.providers.docker.api.v1beta2.Docker;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineBackendSpec;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePoolBackendSpec;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DevMachinePool planner (docker backend): containers plus one {@link DevMachine} each
 * ({@code status.infrastructureMachineKind = DevMachine}, as upstream's DevMachinePool controller sets it), ready
 * through {@code status.initialization.provisioned}. See {@link ContainerPoolPlanner} for the decisions.
 */
public final class DevMachinePoolPlanner extends ContainerPoolPlanner<DevMachinePool, DevMachine> {

  @Override
  Optional<String> backendError(DevMachinePool pool) {
    return pool.spec().backend().docker().isPresent() ? Optional.empty()
        : Optional.of("DockerMachinePoolBackEndReconciler can't be called for DevMachinePools without a Docker backend");
  }

  @Override
  Class<DevMachinePool> poolType() {
    return DevMachinePool.class;
  }

  @Override
  Class<DevMachine> machineType() {
    return DevMachine.class;
  }

  @Override
  String poolKind() {
    return DevMachinePool.KIND;
  }

  @Override
  String machineKind() {
    return DevMachine.KIND;
  }

  @Override
  String poolProviderIDScheme() {
    return "dev";
  }

  @Override
  String finalizer() {
    return Docker.MACHINE_POOL_FINALIZER;
  }

  private static DockerMachinePoolBackendSpec docker(DevMachinePool pool) {
    return pool.spec().backend().docker().orElse(DockerMachinePoolBackendSpec.builder().build());
  }

  @Override
  String machineFinalizer() {
    return Docker.DEV_MACHINE_FINALIZER;
  }

  @Override
  DevMachine withFinalizers(DevMachine machine, List<String> finalizers) {
    return machine.withMetadata(new ObjectMetaBuilder(machine.metadata()).withFinalizers(finalizers).build());
  }

  @Override
  String customImage(DevMachinePool pool) {
    return docker(pool).customImage();
  }

  @Override
  String specProviderID(DevMachinePool pool) {
    return pool.spec().providerID();
  }

  @Override
  String statusMachineKind(DevMachinePool pool) {
    return pool.statusOrEmpty().infrastructureMachineKind();
  }

  @Override
  boolean ready(DevMachinePool pool) {
    return pool.statusOrEmpty().initialization().flatMap(DevMachinePoolInitializationStatus::provisioned).orElse(false);
  }

  @Override
  List<Condition> conditions(DevMachinePool pool) {
    return pool.statusOrEmpty().conditions();
  }

  @Override
  DevMachinePool withContract(DevMachinePool pool, List<String> finalizers, String machineKind, String specProviderID,
      List<String> providerIDList, int replicas, boolean ready, List<Condition> conditions) {
    var status = pool.statusOrEmpty().withInfrastructureMachineKind(machineKind).withReplicas(replicas)
        .withConditions(conditions);
    if (ready) {
      status = status.withInitialization(DevMachinePoolInitializationStatus.builder().provisioned(true).build());
    }
    return pool.withMetadata(new ObjectMetaBuilder(pool.metadata()).withFinalizers(finalizers).build())
        .withSpec(pool.spec().withProviderID(specProviderID).withProviderIDList(providerIDList))
        .withStatus(status);
  }

  @Override
  String providerID(DevMachine machine) {
    return machine.spec().providerID();
  }

  @Override
  boolean provisioned(DevMachine machine) {
    return machine.isProvisioned();
  }

  /** {@code computeDesiredDevMachine}: the docker backend always follows the pool's ({@code backend.docker}). */
  @Override
  DevMachine desiredMachine(String name, DevMachinePool pool, MachinePool mp, Optional<DevMachine> existing,
      List<OwnerReference> owners, Map<String, String> labels, Optional<String> providerID, boolean provisioned) {
    DevMachine base = existing.orElse(DevMachine.builder().build());
    Map<String, String> allLabels = new LinkedHashMap<>(base.labels());
    allLabels.putAll(labels);
    DockerMachinePoolBackendSpec d = docker(pool);
    DockerMachineBackendSpec backend = base.spec().backend().docker().orElse(DockerMachineBackendSpec.builder().build())
        .withCustomImage(d.customImage()).withPreLoadImages(d.preLoadImages()).withExtraMounts(d.extraMounts());
    DevMachine out = base
        .withMetadata(new ObjectMetaBuilder(base.metadata()).withName(name).withNamespace(pool.namespace())
            .withLabels(allLabels).withOwnerReferences(owners).build())
        .withSpec(base.spec().withBackend(DevMachineBackendSpec.builder().docker(backend).build())
            .withProviderID(providerID.orElse("")));
    if (provisioned) {
      DevMachineStatus st = out.status().orElse(DevMachineStatus.builder().build());
      out = out.withStatus(st.withInitialization(st.initialization()
          .orElse(DevMachineInitializationStatus.builder().build()).withProvisioned(true)));
    }
    return out;
  }
}
