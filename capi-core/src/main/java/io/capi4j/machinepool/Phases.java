package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachinePoolStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.external.Contracts;
import java.util.List;
import java.util.Optional;

/** Upstream's {@code machinepool_controller_phases.go}: bootstrap, infrastructure and phase. */
final class Phases {
  private Phases() {}

  /** {@code reconcileBootstrap}: copy the bootstrap data secret's name into the template once it exists. */
  static void reconcileBootstrap(PlanScope s) {
    MachineSpec tspec = s.mp.spec().templateOrEmpty().specOrEmpty();
    Bootstrap b = tspec.bootstrapOrEmpty();
    if (b.hasConfigRef()) {
      ContractVersionedObjectReference ref = b.configRef().orElseThrow();
      if (s.in.bootstrapConfig().isEmpty()) {
        s.bootstrapConfigNotFound = true;
        s.error("failed to retrieve " + ref.kind() + " " + key(s.mp, ref.name()) + ": not found");
        return;
      }
      Object config = s.in.bootstrapConfig().get();
      if (Contracts.deleting(config)) {
        s.step("bootstrap: " + ref.kind() + " " + ref.name() + " is being deleted, nothing to do");
        return;
      }
      if (!Contracts.dataSecretCreated(config)) {
        s.initialization(s.initialization().withBootstrapDataSecretCreated(false));
        s.step("bootstrap: waiting for " + ref.kind() + " " + ref.name() + " to create the bootstrap data secret"
            + b.dataSecretName().map(n -> "; instances keep booting from " + n).orElse(""));
        return;
      }
      Optional<String> name = Contracts.dataSecretName(config);
      if (name.isEmpty()) {
        s.error("retrieved empty dataSecretName from bootstrap provider for MachinePool \"" + s.mp.name()
            + "\" in namespace \"" + s.mp.namespace() + "\"");
        return;
      }
      if (!b.dataSecretName().equals(name)) {
        s.step("bootstrap: set spec.template.spec.bootstrap.dataSecretName to " + name.get() + " ("
            + b.dataSecretName().map(n -> "was " + n).orElse("was unset") + "): " + ref.kind() + " " + ref.name()
            + " created its data secret");
        setDataSecretName(s, name.get());
      }
      s.initialization(s.initialization().withBootstrapDataSecretCreated(true));
      return;
    }
    if (b.dataSecretName().isPresent()) {
      s.initialization(s.initialization().withBootstrapDataSecretCreated(true));
      return;
    }
    s.error("expected either spec.template.spec.bootstrap.dataSecretName or spec.template.spec.bootstrap.configRef"
        + " to be populated");
  }

  private static void setDataSecretName(PlanScope s, String name) {
    MachinePoolSpec spec = s.mp.spec();
    MachineTemplateSpec t = spec.templateOrEmpty();
    MachineSpec ms = t.specOrEmpty();
    ms = ms.withBootstrap(ms.bootstrapOrEmpty().withDataSecretName(name));
    s.mp = s.mp.withSpec(spec.withTemplate(t.withSpec(ms)));
  }

  /**
   * {@code reconcileInfrastructure}: read the InfraMachinePool's contract fields, reconcile the MachinePool Machines,
   * and copy {@code providerIDList} and {@code status.replicas} once the pool is provisioned.
   */
  static void reconcileInfrastructure(PlanScope s) {
    ContractVersionedObjectReference ref = s.mp.spec().templateOrEmpty().specOrEmpty().infrastructureRefOrEmpty();
    if (s.in.infraMachinePool().isEmpty()) {
      s.infraMachinePoolNotFound = true;
      if (s.initialization().infrastructureProvisioned().orElse(false)) {
        String msg = "MachinePool infrastructure resource " + ref.kind() + " " + key(s.mp, ref.name())
            + " has been deleted after being ready";
        s.v1beta1(s.v1beta1().withFailureReason("InvalidConfiguration").withFailureMessage(msg));
        s.step("infrastructure: " + msg + ": set the v1beta1 failureReason InvalidConfiguration");
      }
      s.error("failed to retrieve " + ref.kind() + " " + key(s.mp, ref.name()) + ": not found");
      return;
    }
    Object infra = s.in.infraMachinePool().get();
    s.infraMachinePool = infra;
    if (Contracts.deleting(infra)) {
      s.step("infrastructure: " + ref.kind() + " " + ref.name() + " is being deleted, nothing to do");
      return;
    }
    boolean provisioned = Contracts.provisioned(infra);
    if (s.initialization().infrastructureProvisioned().orElse(false) != provisioned) {
      s.step("infrastructure: status.initialization.infrastructureProvisioned=" + provisioned + ": read from "
          + ref.kind() + " " + ref.name());
    }
    s.initialization(s.initialization().withInfrastructureProvisioned(provisioned));

    int errorsBefore = s.errors.size();
    if (s.in.nodesListed()) {
      s.nodeRefMap = s.buildNodeRefMap();
    }
    PoolMachines.reconcile(s, infra);
    if (!s.in.nodesListed()) {
      s.error("failed to get nodeRefs for MachinePool " + s.mp.key() + ": the workload cluster's Nodes could not be"
          + " listed");
    }
    if (s.errors.size() > errorsBefore) {
      return;
    }
    if (!provisioned) {
      s.step("infrastructure: waiting for " + ref.kind() + " " + ref.name() + " to set status.initialization"
          + ".provisioned");
      return;
    }

    List<String> ids = Contracts.providerIDList(infra);
    Optional<Integer> replicas = Contracts.replicas(infra);
    if (replicas.isPresent()) {
      if (!s.status().replicas().equals(replicas)) {
        s.step("infrastructure: status.replicas=" + replicas.get() + ": read from " + ref.kind() + " " + ref.name());
      }
      s.status(s.status().withReplicas(replicas.get()));
    }
    if (ids.isEmpty() && s.statusReplicas() != 0) {
      s.step("infrastructure: " + ref.kind() + " reports an empty spec.providerIDList but status.replicas="
          + s.statusReplicas() + ": keep spec.providerIDList as is");
      return;
    }
    if (!ids.equals(s.mp.spec().providerIDList())) {
      s.mp = s.mp.withSpec(s.mp.spec().withProviderIDList(ids));
      s.v1beta1(s.v1beta1().withReadyReplicas(0).withAvailableReplicas(0).withUnavailableReplicas(s.statusReplicas()));
      s.step("infrastructure: set spec.providerIDList to " + ids.size() + " provider IDs copied from " + ref.kind()
          + " " + ref.name() + "; reset the v1beta1 ready/available counters until the Nodes are matched");
    }
  }

  /**
   * {@code reconcilePhase}: the assignments run in order and the last applicable one wins; the phase is never
   * cleared. {@code Failed} is never set.
   */
  static String phase(MachinePool mp) {
    MachinePoolStatus st = mp.status().orElse(MachinePoolStatus.builder().build());
    String phase = st.phase();
    int ready = st.v1beta1OrEmpty().readyReplicas().orElse(0);
    boolean infraOk = st.initialization().flatMap(i -> i.infrastructureProvisioned()).orElse(false);
    boolean bootstrapOk = st.initialization().flatMap(i -> i.bootstrapDataSecretCreated()).orElse(false);
    boolean external = replicasManagedExternally(mp);
    if (phase.isEmpty()) {
      phase = MachinePoolStatus.PHASE_PENDING;
    }
    if (bootstrapOk && !infraOk) {
      phase = MachinePoolStatus.PHASE_PROVISIONING;
    }
    if (!st.nodeRefs().isEmpty()) {
      phase = MachinePoolStatus.PHASE_PROVISIONED;
    }
    Optional<Integer> replicas = mp.spec().replicas();
    if (infraOk && replicas.isPresent() && replicas.get() == ready) {
      phase = MachinePoolStatus.PHASE_RUNNING;
    }
    if (infraOk && replicas.isPresent() && replicas.get() > ready) {
      phase = external ? MachinePoolStatus.PHASE_SCALING : MachinePoolStatus.PHASE_SCALING_UP;
    }
    if (infraOk && replicas.isPresent() && replicas.get() < ready) {
      phase = external ? MachinePoolStatus.PHASE_SCALING : MachinePoolStatus.PHASE_SCALING_DOWN;
    }
    if (mp.isDeleting()) {
      phase = MachinePoolStatus.PHASE_DELETING;
    }
    return phase;
  }

  /** Upstream's {@code annotations.ReplicasManagedByExternalAutoscaler}: present and not {@code "false"}. */
  static boolean replicasManagedExternally(MachinePool mp) {
    return mp.annotation(Capi.REPLICAS_MANAGED_BY_ANNOTATION).map(v -> !v.equals("false")).orElse(false);
  }

  static String key(MachinePool mp, String name) {
    return mp.namespace().isEmpty() ? name : mp.namespace() + "/" + name;
  }
}
