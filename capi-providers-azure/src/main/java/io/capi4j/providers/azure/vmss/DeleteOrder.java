package io.capi4j.providers.azure.vmss;

import io.capi4j.providers.azure.exp.api.v1beta1.MachineRollingUpdateDeployment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which CAPZ considers machines for deletion, by delete policy. Upstream sorts by creation time with
 * an unstable sort and shuffles with {@code math/rand} otherwise; here {@code Oldest} and {@code Newest} break ties
 * by name, and every other policy (including {@code ""}) is a Fisher-Yates shuffle drawn from the caller's
 * generator, so a seed reproduces a run.
 */
public final class DeleteOrder {
  private DeleteOrder() {}

  private static final Comparator<PoolMachine> OLDEST =
      Comparator.comparing(PoolMachine::creationTimestamp).thenComparing(PoolMachine::name);
  private static final Comparator<PoolMachine> NEWEST =
      Comparator.comparing(PoolMachine::creationTimestamp).reversed().thenComparing(PoolMachine::name);

  /** A new list of {@code machines} in the order of {@code deletePolicy}. */
  public static List<PoolMachine> order(List<PoolMachine> machines, String deletePolicy, RandomGenerator random) {
    List<PoolMachine> out = new ArrayList<>(machines);
    switch (deletePolicy) {
      case MachineRollingUpdateDeployment.OLDEST -> out.sort(OLDEST);
      case MachineRollingUpdateDeployment.NEWEST -> out.sort(NEWEST);
      default -> shuffle(out, random);
    }
    return out;
  }

  static void shuffle(List<PoolMachine> list, RandomGenerator random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      PoolMachine t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
