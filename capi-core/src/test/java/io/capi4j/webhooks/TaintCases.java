package io.capi4j.webhooks;

import static io.capi4j.webhooks.WebhookTestSupport.taint;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The taint table shared by upstream's MachineDeployment and MachineSet tests (TestMachineDeploymentTaintValidation,
 * TestMachineSetTaintValidation), with the exact errors capi4j reports at {@code spec.template.spec.taints}, plus
 * capi4j's extra cases for the gate being off (not upstream tests; they follow from upstream's code, QUIRK Q10).
 */
final class TaintCases {
  private TaintCases() {}

  private static final String P = "spec.template.spec.taints";

  /** name, gate on, taints, expected error texts. */
  static Stream<Arguments> templateCases() {
    return Stream.of(
        arguments("should allow empty taints with feature gate disabled", false, List.of(), List.of()),
        arguments("should allow empty taints with feature gate enabled", true, List.of(), List.of()),
        arguments("should block taint key node.cluster.x-k8s.io/uninitialized", true,
            List.of(taint("node.cluster.x-k8s.io/uninitialized")),
            List.of(P + "[0].key: Invalid value: \"node.cluster.x-k8s.io/uninitialized\": taint key is not allowed")),
        arguments("should block taint key node.cluster.x-k8s.io/outdated-revision", true,
            List.of(taint("node.cluster.x-k8s.io/outdated-revision")),
            List.of(P + "[0].key: Invalid value: \"node.cluster.x-k8s.io/outdated-revision\": taint key is not allowed")),
        arguments("should block taint with key prefix node.kubernetes.io/, which is not `out-of-service`", true,
            List.of(taint("node.kubernetes.io/some-taint")),
            List.of(P + "[0].key: Invalid value: \"node.kubernetes.io/some-taint\": taint key must not have the prefix"
                + " node.kubernetes.io/, except for node.kubernetes.io/out-of-service")),
        arguments("should allow taint node.kubernetes.io/out-of-service", true,
            List.of(taint("node.kubernetes.io/out-of-service")), List.of()),
        arguments("should block taint with key prefix node.cloudprovider.kubernetes.io/", true,
            List.of(taint("node.cloudprovider.kubernetes.io/some-taint")),
            List.of(P + "[0].key: Invalid value: \"node.cloudprovider.kubernetes.io/some-taint\": taint key must not"
                + " have the prefix node.cloudprovider.kubernetes.io/")),
        arguments("should block taint key node-role.kubernetes.io/master", true,
            List.of(taint("node-role.kubernetes.io/master")),
            List.of(P + "[0].key: Invalid value: \"node-role.kubernetes.io/master\": taint is deprecated since 1.24 and"
                + " should not be used anymore")),
        arguments("should block taint key node-role.kubernetes.io/control-plane for worker nodes", true,
            List.of(taint("node-role.kubernetes.io/control-plane")),
            List.of(P + "[0].key: Invalid value: \"node-role.kubernetes.io/control-plane\": taint is not allowed for"
                + " worker Machines")),
        // capi4j extra cases: the gate off.
        arguments("(capi4j) any taint is forbidden with feature gate disabled", false,
            List.of(taint("example.com/gpu")),
            List.of(P + ": Forbidden: taints are not allowed to be set when the feature gate MachineTaintPropagation is"
                + " disabled")),
        arguments("(capi4j) a reserved key gives two errors with feature gate disabled", false,
            List.of(taint("example.com/gpu"), taint("node.cluster.x-k8s.io/uninitialized")),
            List.of(P + ": Forbidden: taints are not allowed to be set when the feature gate MachineTaintPropagation is"
                    + " disabled",
                P + "[1].key: Invalid value: \"node.cluster.x-k8s.io/uninitialized\": taint key is not allowed")),
        arguments("(capi4j) the control-plane taint is not checked with feature gate disabled", false,
            List.of(taint("node-role.kubernetes.io/control-plane")),
            List.of(P + ": Forbidden: taints are not allowed to be set when the feature gate MachineTaintPropagation is"
                + " disabled")));
  }
}
