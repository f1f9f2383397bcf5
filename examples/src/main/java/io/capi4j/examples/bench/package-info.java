/**
 * JMH benchmarks of capi4j's planners and simulation, run from the shaded jar:
 * {@code java -jar examples/target/capi-examples.jar bench [REGEXP] [JMH options]} ({@code bench -l} lists them,
 * {@code bench -h} shows JMH's options).
 *
 * <ul>
 *   <li>{@link io.capi4j.examples.bench.MdReconcileBenchmark}: one MachineDeployment reconcile (rollout planner plus
 *       MachineSet plans) over 10,000 and 100,000 Machines, against a bare pass over the same Machines;
 *   <li>{@link io.capi4j.examples.bench.RolloutTraceBenchmark}: a 1,000-replica rolling update traced to completion;
 *   <li>{@link io.capi4j.examples.bench.SimulationBenchmark}: 2,000-Node scale-ups in the discrete-event simulation
 *       and its events per second.
 * </ul>
 */
package io.capi4j.examples.bench;
