package io.capi4j.providers.aws.asg;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.Processes;
import io.capi4j.providers.aws.api.v1beta2.SuspendProcessesTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ASG scenarios of upstream's {@code TestAWSMachinePoolReconciler} (reconcileNormal with mocked services). */
class AsgPlannerTest {
  static final AWSMachinePoolSpec SPEC = AWSMachinePoolSpec.builder().minSize(0).maxSize(100).build();
  static final ObservedAsg ASG = ObservedAsg.builder().name("name").desiredCapacity(1).minSize(0).maxSize(100).build();

  static ImmutableAsgPlanInputs.Builder inputs() {
    return AsgPlanInputs.builder().asgName("name").clusterName("test").machinePoolKey("default/mp").replicas(1).spec(SPEC)
        .launchTemplateId("lt-1");
  }

  @Test
  void externallyManagedAnnotationCopiesTheDesiredCapacityBack() {
    AsgPlan p = AsgPlanner.plan(inputs().replicas(0).externallyManaged(true).spec(AWSMachinePoolSpec.builder().minSize(0).maxSize(0).build())
        .asg(ObservedAsg.builder().name("an-asg").desiredCapacity(1).build()).build());
    assertThat(p.copyReplicasToMachinePool()).contains(1);
    assertThat(p.update()).isEmpty();
  }

  @Test
  void noNeedToUpdateAsgBecauseAsgNeedsUpdatesIsFalseAndNoSubnetChange() {
    AsgPlan p = AsgPlanner.plan(inputs().subnetIds(List.of("subnet2", "subnet1"))
        .asg(ASG.withSubnets("subnet1", "subnet2")).build());
    assertThat(p.update()).isEmpty();
  }

  @Test
  void updateAsgDueToSubnetChanges() {
    AsgPlan p = AsgPlanner.plan(inputs().subnetIds(List.of("subnet1")).asg(ASG.withSubnets("subnet1", "subnet2")).build());
    assertThat(p.update()).isPresent();
    assertThat(p.updateReasons()).containsExactly("subnets: [subnet1] != [subnet1, subnet2]");
  }

  @Test
  void updateAsgDueToAsgNeedsUpdates() {
    AsgPlan p = AsgPlanner.plan(inputs().subnetIds(List.of("subnet1")).asg(ASG.withMaxSize(2).withSubnets("subnet1")).build());
    assertThat(p.update()).isPresent();
    assertThat(p.update().get().maxSize()).isEqualTo(100);
    assertThat(p.update().get().desiredCapacity()).contains(1);
    assertThat(p.updateReasons()).containsExactly("maxSize: 100 != 2");
  }

  @Test
  void suspendAllProcesses() {
    AsgPlan p = AsgPlanner.plan(inputs().spec(SPEC.withSuspendProcesses(SuspendProcessesTypes.builder().all(true).build()))
        .asg(ASG).build());
    assertThat(p.suspendProcesses().orElseThrow().suspend()).containsExactlyElementsOf(SuspendProcessesPlan.PROCESS_NAMES);
  }

  @Test
  void suspendAndResumeProcessesThatDiffer() {
    AsgPlan p = AsgPlanner.plan(inputs().spec(SPEC.withSuspendProcesses(SuspendProcessesTypes.builder()
            .processes(Processes.builder().launch(true).terminate(true).build()).build()))
        .asg(ASG.withSuspendedProcesses("Launch", "process3")).build());
    assertThat(p.suspendProcesses().orElseThrow().suspend()).containsExactly("Terminate");
    assertThat(p.suspendProcesses().orElseThrow().resume()).containsExactly("process3");
  }

  @Test
  void aCreateThatCannotBeBuiltIsAnError() {
    AsgPlan p = AsgPlanner.plan(inputs().replicas(5).spec(AWSMachinePoolSpec.builder().minSize(1).maxSize(2).build())
        .subnetIds(List.of("subnet1")).build());
    assertThat(p.error()).contains("incorrect number of replicas 5 in MachinePool default/mp");
    assertThat(p.create()).isEmpty();
  }
}
