package io.capi4j.examples.bench;

import io.capi4j.testing.rollout.ImmutableRolloutScenario;
import io.capi4j.testing.rollout.RolloutScenario;
import io.capi4j.testing.rollout.RolloutSimulation;
import io.capi4j.testing.rollout.RolloutTrace;
import io.capi4j.testing.rollout.ScenarioMachineDeployment;
import io.capi4j.testing.rollout.ScenarioMachineSet;
import io.capi4j.testing.rollout.TaskOrder;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A rolling update of {@code replicas} Machines (maxSurge 10%, maxUnavailable 0) traced to completion by the
 * rollout-trace harness ({@link RolloutSimulation}, default order), trace text included.
 *
 * <p>Goal (issue 3): 1,000 replicas in at most 1 s.
 *
 * <pre>java -jar examples/target/capi-examples.jar bench RolloutTrace</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RolloutTraceBenchmark {
  @Param({"1000"})
  public int replicas;

  private RolloutScenario scenario;

  @Setup(Level.Trial)
  public void setUp() {
    scenario = scenario(replicas);
  }

  /** {@code ms1} (v1) holds {@code m1..m<replicas>}; the MachineDeployment wants v2. */
  public static RolloutScenario scenario(int replicas) {
    List<String> machines = new ArrayList<>(replicas);
    for (int i = 1; i <= replicas; i++) {
      machines.add("m" + i);
    }
    return ImmutableRolloutScenario.builder()
        .name("Regular rollout, " + replicas + " Replicas, maxSurge 10%, maxUnavailable 0")
        .maxSurge(new IntOrString("10%"))
        .maxUnavailable(new IntOrString(0))
        .machineDeployment(ScenarioMachineDeployment.of("v2", replicas))
        .addMachineSets(new ScenarioMachineSet("ms1", "v1", replicas, machines))
        .build();
  }

  @Benchmark
  public RolloutTrace rollingUpdate() {
    RolloutTrace trace = RolloutSimulation.run(scenario, TaskOrder.DEFAULT);
    if (!trace.converged()) {
      throw new IllegalStateException("did not converge: " + trace.failure().orElse(""));
    }
    return trace;
  }
}
