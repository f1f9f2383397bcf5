package io.capi4j.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link SimulatedInfrastructure}s on the class path. */
public final class SimulatedInfrastructures {
  private SimulatedInfrastructures() {}

  /** Every registered simulated infrastructure. */
  public static List<SimulatedInfrastructure> load() {
    List<SimulatedInfrastructure> all = new ArrayList<>();
    ServiceLoader.load(SimulatedInfrastructure.class, SimulatedInfrastructures.class.getClassLoader()).forEach(all::add);
    return all;
  }

  /** The one for a provider name. */
  public static Optional<SimulatedInfrastructure> forProvider(String provider) {
    return load().stream().filter(s -> s.provider().equals(provider)).findFirst();
  }

  /** The one offering a profile. */
  public static Optional<SimulatedInfrastructure> forProfile(String profile) {
    return load().stream().filter(s -> s.profiles().contains(profile)).findFirst();
  }
}
