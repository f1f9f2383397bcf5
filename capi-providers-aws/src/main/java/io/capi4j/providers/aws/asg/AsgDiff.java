package io.capi4j.providers.aws.asg;

import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.InstancesDistribution;
import io.capi4j.providers.aws.api.v1beta2.MixedInstancesPolicy;
import io.capi4j.providers.aws.api.v1beta2.Overrides;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Upstream's {@code diffASG} and the subnet comparison of {@code updatePool}: whether an existing ASG needs an
 * {@code UpdateAutoScalingGroup}.
 *
 * <p>Compared: the MachinePool's replicas with the desired capacity (unless managed externally), minSize,
 * maxSize, capacityRebalance and the mixed instances policy. A policy without an instances distribution takes the
 * ASG's (AWS fills in defaults). Not compared: suspended processes, cool-down, warm-up, tags, launch template.
 *
 * @param differences each difference found, e.g. {@code maxSize: 1 != 2} (spec first, ASG second); empty when
 *     none
 */
public record AsgDiff(List<String> differences) {
  public AsgDiff {
    differences = List.copyOf(differences);
  }

  /** Whether the ASG needs an update for these fields. */
  public boolean hasDifferences() {
    return !differences.isEmpty();
  }

  /**
   * Compares the pool's wanted state with the ASG.
   *
   * @param replicas the MachinePool's {@code spec.replicas}
   * @param externallyManaged whether an external autoscaler owns the replicas (then they are not compared)
   */
  public static AsgDiff between(Optional<Integer> replicas, boolean externallyManaged, AWSMachinePoolSpec spec, ObservedAsg asg) {
    List<String> d = new ArrayList<>();
    if (!externallyManaged && !replicas.equals(asg.desiredCapacity())) {
      d.add("desiredCapacity: " + print(replicas) + " != " + print(asg.desiredCapacity()));
    }
    if (spec.minSize() != asg.minSize()) {
      d.add("minSize: " + spec.minSize() + " != " + asg.minSize());
    }
    if (spec.maxSize() != asg.maxSize()) {
      d.add("maxSize: " + spec.maxSize() + " != " + asg.maxSize());
    }
    if (spec.capacityRebalanceValue() != asg.capacityRebalance()) {
      d.add("capacityRebalance: " + spec.capacityRebalanceValue() + " != " + asg.capacityRebalance());
    }
    Optional<MixedInstancesPolicy> wanted = spec.mixedInstancesPolicy().map(AsgDiff::plain);
    Optional<MixedInstancesPolicy> actual = asg.mixedInstancesPolicy().map(AsgDiff::plain);
    if (wanted.isPresent() && wanted.get().instancesDistribution().isEmpty() && actual.isPresent()) {
      wanted = Optional.of(wanted.get().withInstancesDistribution(actual.get().instancesDistribution()));
    }
    if (!wanted.equals(actual)) {
      d.add("mixedInstancesPolicy: " + wanted.map(AsgDiff::print).orElse("nil") + " != "
          + actual.map(AsgDiff::print).orElse("nil"));
    }
    return new AsgDiff(d);
  }

  /** Whether the subnet sets differ, order and duplicates ignored. */
  public static boolean subnetsDiffer(List<String> wanted, List<String> actual) {
    return !new TreeSet<>(wanted).equals(new TreeSet<>(actual));
  }

  /** The policy without fields capi4j does not model, so that only what AWS knows is compared. */
  static MixedInstancesPolicy plain(MixedInstancesPolicy p) {
    List<Overrides> overrides = p.overrides().stream().map(o -> Overrides.builder().instanceType(o.instanceType()).build()).toList();
    Optional<InstancesDistribution> dist = p.instancesDistribution().map(x -> x.withUnknownFields(Map.of()));
    return MixedInstancesPolicy.builder().instancesDistribution(dist).overrides(overrides).build();
  }

  private static String print(Optional<Integer> v) {
    return v.map(String::valueOf).orElse("nil");
  }

  private static String print(MixedInstancesPolicy p) {
    String dist = p.instancesDistribution()
        .map(x -> "{" + x.onDemandAllocationStrategy() + " " + x.spotAllocationStrategy() + " "
            + x.onDemandBaseCapacity().map(String::valueOf).orElse("nil") + " "
            + x.onDemandPercentageAboveBaseCapacity().map(String::valueOf).orElse("nil") + "}")
        .orElse("nil");
    return "{distribution: " + dist + ", overrides: "
        + p.overrides().stream().map(Overrides::instanceType).toList() + "}";
  }

  @Override
  public String toString() {
    return differences.isEmpty() ? "no differences" : String.join("; ", differences);
  }
}
