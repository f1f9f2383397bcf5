package io.capi4j.examples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The discrete-event simulation (issue 8): the wall time of a scale-up from 0 to {@code nodes} Ready Nodes through
 * the MachineDeployment flow (a Machine, InfraMachine, KubeadmConfig and Secret per Node: the heavy one) and
 * through the MachinePool flow; and the simulated events per second of the MachineDeployment flow.
 *
 * <p>Goal: a 2,000-Node scale-up in at most 2 s on the project's 2-core machine.
 *
 * <pre>java -jar examples/target/capi-examples.jar bench Simulation                    # docker and azure
 * java -jar examples/target/capi-examples.jar bench Simulation -p provider=docker</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SimulationBenchmark {
  /** docker: containers in seconds; azure: the seed's Standard_D2s_v3 profile (per-VM creation, VMSS batches). */
  @Param({"docker", "azure"})
  public String provider;

  @Param({"2000"})
  public int nodes;

  /** The events the virtual clock ran, reported by JMH per second of wall time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  @Benchmark
  public ScaleUp.Result machineDeploymentScaleUp() {
    return check(ScaleUp.run(provider, ScaleUp.Flow.MACHINE_DEPLOYMENT, nodes, 1));
  }

  @Benchmark
  public ScaleUp.Result machinePoolScaleUp() {
    return check(ScaleUp.run(provider, ScaleUp.Flow.MACHINE_POOL, nodes, 1));
  }

  /** Throughput mode: the score is scale-ups per second, the {@code events} counter simulated events per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public ScaleUp.Result machineDeploymentEvents(Events counter) {
    ScaleUp.Result r = check(ScaleUp.run(provider, ScaleUp.Flow.MACHINE_DEPLOYMENT, nodes, 1));
    counter.events += r.events();
    return r;
  }

  private ScaleUp.Result check(ScaleUp.Result r) {
    if (!r.ready()) {
      throw new IllegalStateException("the scale-up did not finish: " + r);
    }
    return r;
  }
}
