package io.capi4j.simulation.controllers;

import io.capi4j.simulation.ObjectStore;
import io.capi4j.simulation.SimulationProfile;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import java.util.random.RandomGenerator;

/** What the simulated controllers share: the clock, the two clusters, the providers, the profile and the seed. */
public record SimContext(
    VirtualClock clock,
    ObjectStore management,
    ObjectStore workload,
    Providers providers,
    SimulationProfile profile,
    RandomGenerator random) {}
