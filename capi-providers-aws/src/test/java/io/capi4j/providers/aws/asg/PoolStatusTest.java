package io.capi4j.providers.aws.asg;

import static io.capi4j.providers.aws.AwsTestSupport.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AWSMachinePool status CAPA writes from its ASG. */
class PoolStatusTest {
  static final ObservedAsg ASG = ObservedAsg.builder().name("pool").arn("arn:aws:autoscaling:us-east-1:1:autoScalingGroup:x")
      .addInstance(AsgInstance.of("i-1", "us-east-1a"))
      .addInstance(AsgInstance.builder().instanceId("i-2").availabilityZone("us-east-1b").lifecycleState("Pending").build())
      .build();

  @Test
  void providerIdsCoverEveryInstance() {
    PoolStatus s = PoolStatus.fromAsg(ASG, Map.of("i-1", "v1.32.0"));
    assertThat(s.providerIdList()).containsExactly("aws:///us-east-1a/i-1", "aws:///us-east-1b/i-2");
    assertThat(s.replicas()).isEqualTo(2);
    assertThat(s.ready()).isTrue();
    assertThat(s.instances().get(0).version()).contains("v1.32.0");
    assertThat(s.instances().get(1).version()).isEmpty();
  }

  @Test
  void aDeletingAsgIsNotReady() {
    assertThat(PoolStatus.fromAsg(ASG.withStatus(ObservedAsg.STATUS_DELETE_IN_PROGRESS), Map.of()).ready()).isFalse();
  }

  @Test
  void appliedToThePool() {
    AWSMachinePool pool = PoolStatus.fromAsg(ASG, Map.of()).applyTo(AWSMachinePool.builder().metadata(meta("pool")).build());
    assertThat(pool.spec().providerID()).isEqualTo(ASG.arn());
    assertThat(pool.spec().providerIDList()).hasSize(2);
    assertThat(pool.status().orElseThrow().replicas()).contains(2);
    assertThat(pool.status().orElseThrow().ready()).contains(true);
  }
}
