/**
 * AWS in capi4j simulations: the {@code aws-m5-large} profile, EC2 provider IDs and example flows
 * ({@link io.capi4j.providers.aws.simulation.AwsSimulatedInfrastructure}, registered for
 * {@link java.util.ServiceLoader}), and an ASG instance refresh for simulated scaling groups
 * ({@link io.capi4j.providers.aws.simulation.AsgInstanceRefresh}).
 */
package io.capi4j.providers.aws.simulation;
