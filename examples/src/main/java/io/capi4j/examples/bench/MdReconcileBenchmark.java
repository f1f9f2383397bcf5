package io.capi4j.examples.bench;

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
 * One MachineDeployment reconcile over an immutable mid-rollout snapshot ({@link MdSnapshot}): the rollout plan,
 * its application and the MachineSet plan of both MachineSets ({@link #reconcile}); and, for scale, a bare pass
 * that reads every Machine of the same snapshot once ({@link #barePass}); {@link #rolloutPlanOnly} shows the
 * MachineDeployment planner's share.
 *
 * <p>Goals (issue 3): {@code reconcile} at most 3x {@code barePass}; time per Machine at 100,000 within 1.5x of
 * the time per Machine at 10,000. Sample mode, so JMH reports the median ({@code p0.50}).
 *
 * <pre>java -jar examples/target/capi-examples.jar bench MdReconcile</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MdReconcileBenchmark {
  @Param({"10000", "100000"})
  public int machines;

  private MdSnapshot snapshot;

  @Setup(Level.Trial)
  public void setUp() {
    snapshot = MdSnapshot.build(machines);
  }

  @Benchmark
  public MdSnapshot.Reconcile reconcile() {
    return snapshot.reconcile();
  }

  /** For reference: the rollout planner and its application alone, without the MachineSet plans. */
  @Benchmark
  public io.capi4j.machinedeployment.AppliedRollout rolloutPlanOnly() {
    return io.capi4j.machinedeployment.RolloutPlanner.apply(snapshot.rolloutPlan());
  }

  @Benchmark
  public long barePass() {
    return snapshot.barePass();
  }

  /** For reference: touches three fields of each Machine (name, MachineSet label, Ready). */
  @Benchmark
  public long touchPass() {
    return snapshot.touchPass();
  }
}
