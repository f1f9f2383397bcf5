package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.cloud.ScalingGroups;
import io.capi4j.cloud.VirtualMachines;
import io.capi4j.simulation.ObjectStore;
import io.capi4j.simulation.SimulationProfile;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.random.RandomGenerator;

/**
 * What the simulated controllers share: the clock, the management and workload clusters, the providers, the cloud
 * ports, the profile and the seeded random source, plus the Cluster and its control plane (kept outside the
 * management store so that object counts show only what the flows create).
 */
public record SimContext(
    VirtualClock clock,
    ObjectStore management,
    ObjectStore workload,
    Providers providers,
    VirtualMachines vms,
    ScalingGroups groups,
    SimulationProfile profile,
    RandomGenerator random,
    Cluster cluster,
    GenericKubernetesResource controlPlane,
    io.capi4j.simulation.CostMeter meter) {}
