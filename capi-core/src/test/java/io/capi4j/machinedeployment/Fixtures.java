package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ImmutableMachine;
import io.capi4j.api.core.v1beta2.ImmutableMachineDeployment;
import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upstream's test helpers ({@code createMD}, {@code createMS}, {@code createM}): the template is reduced to its
 * {@code failureDomain}.
 */
final class Fixtures {
  private Fixtures() {}

  /** {@code createMD(fd, replicas)}: no strategy, status replicas = available = replicas. */
  static MachineDeployment md(String failureDomain, int replicas) {
    return mdWith(failureDomain, replicas, null);
  }

  /** {@code createMD(fd, replicas, withRollingUpdateStrategy(surge, unavailable))}. */
  static MachineDeployment md(String failureDomain, int replicas, int maxSurge, int maxUnavailable) {
    return mdWith(
        failureDomain,
        replicas,
        MachineDeploymentRolloutStrategy.builder()
            .type(MachineDeploymentRolloutStrategy.ROLLING_UPDATE)
            .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(IntOrPercent.of(maxSurge), IntOrPercent.of(maxUnavailable)))
            .build());
  }

  /** {@code createMD(fd, replicas, withOnDeleteStrategy())}. */
  static MachineDeployment mdOnDelete(String failureDomain, int replicas) {
    return mdWith(
        failureDomain, replicas, MachineDeploymentRolloutStrategy.builder().type(MachineDeploymentRolloutStrategy.ON_DELETE).build());
  }

  static MachineDeployment mdWith(String failureDomain, int replicas, MachineDeploymentRolloutStrategy strategy) {
    var spec =
        MachineDeploymentSpec.builder()
            .replicas(replicas)
            .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().failureDomain(failureDomain).build()).build());
    if (strategy != null) {
      spec.rollout(MachineDeploymentRolloutSpec.builder().strategy(strategy).build());
    }
    return ImmutableMachineDeployment.builder()
        .metadata(new ObjectMetaBuilder().withName("md").build())
        .spec(spec.build())
        .status(MachineDeploymentStatus.builder().replicas(replicas).availableReplicas(replicas).build())
        .build();
  }

  /** {@code createMS(name, fd, replicas)}: spec = status.replicas = available = replicas, upToDate unset. */
  static MS ms(String name, String failureDomain, int replicas) {
    return new MS(name, failureDomain, replicas);
  }

  /** A MachineSet under construction. */
  static final class MS {
    final String name;
    final String failureDomain;
    Integer spec;
    Integer statusReplicas;
    Integer available;
    Integer upToDate;
    final Map<String, String> annotations = new LinkedHashMap<>();
    String creationTimestamp;

    MS(String name, String failureDomain, int replicas) {
      this.name = name;
      this.failureDomain = failureDomain;
      this.spec = replicas;
      this.statusReplicas = replicas;
      this.available = replicas;
    }

    /** {@code spec / status.replicas / available}. */
    MS counts(int spec, int status, int available) {
      this.spec = spec;
      this.statusReplicas = status;
      this.available = available;
      return this;
    }

    MS status(Integer replicas) {
      this.statusReplicas = replicas;
      return this;
    }

    MS available(Integer available) {
      this.available = available;
      return this;
    }

    MS upToDate(Integer upToDate) {
      this.upToDate = upToDate;
      return this;
    }

    MS annotation(String key, String value) {
      annotations.put(key, value);
      return this;
    }

    MS created(String rfc3339) {
      this.creationTimestamp = rfc3339;
      return this;
    }

    MachineSet build() {
      var st = MachineSetStatus.builder();
      if (statusReplicas != null) {
        st.replicas(statusReplicas);
      }
      if (available != null) {
        st.availableReplicas(available);
      }
      if (upToDate != null) {
        st.upToDateReplicas(upToDate);
      }
      return ImmutableMachineSet.builder()
          .metadata(
              new ObjectMetaBuilder()
                  .withName(name)
                  .withAnnotations(annotations.isEmpty() ? null : new LinkedHashMap<>(annotations))
                  .withLabels(Map.of(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, name))
                  .withCreationTimestamp(creationTimestamp)
                  .build())
          .spec(
              MachineSetSpec.builder()
                  .replicas(spec)
                  .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().failureDomain(failureDomain).build()).build())
                  .build())
          .status(st.build())
          .build();
    }

    PlannedMachineSet planned() {
      return PlannedMachineSet.of(build());
    }
  }

  /** {@code createM(name, ms, fd)} with the given annotations (value {@code ""}). */
  static Machine m(String name, String machineSet, String failureDomain, String... annotationKeys) {
    Map<String, String> a = new LinkedHashMap<>();
    for (String k : annotationKeys) {
      a.put(k, "");
    }
    return ImmutableMachine.builder()
        .metadata(
            new ObjectMetaBuilder()
                .withName(name)
                .withAnnotations(a.isEmpty() ? null : a)
                .withOwnerReferences(
                    new OwnerReferenceBuilder()
                        .withApiVersion(Capi.API_VERSION)
                        .withKind(MachineSet.KIND)
                        .withName(machineSet)
                        .withController(true)
                        .build())
                .build())
        .spec(MachineSpec.builder().failureDomain(failureDomain).build())
        .build();
  }
}
