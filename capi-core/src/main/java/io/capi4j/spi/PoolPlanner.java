package io.capi4j.spi;

/**
 * A provider's reconcile of one InfraMachinePool kind, as a pure function: it reads a {@link PoolObservation}
 * and returns a {@link PoolPlan}. It must not call the cloud, read a clock, or keep state between calls (besides
 * facts in the observation's {@link PlannerMemory}, which never change a plan).
 */
@FunctionalInterface
public interface PoolPlanner {
  PoolPlan plan(PoolObservation observation);
}
