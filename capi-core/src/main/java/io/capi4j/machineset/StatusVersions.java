package io.capi4j.machineset;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.StatusVersion;
import io.capi4j.util.Semver;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code status.versions}: how many replicas run each Kubernetes version (upstream {@code util/version}). */
public final class StatusVersions {
  private StatusVersions() {}

  /**
   * Counts Machines per version: the kubelet version reported in {@code status.nodeInfo}, else
   * {@code spec.version}; Machines with neither are not counted. Sorted by semver ascending (build metadata
   * counts); versions that do not parse go last, by text.
   */
  public static List<StatusVersion> fromMachines(List<Machine> machines) {
    // Upstream walks the Machines oldest first, but the order cannot change the result: the counts do not depend on
    // it, and sortVersions orders distinct version strings totally (semver, then text), so the first-seen order is
    // never consulted. Not sorting (nor parsing 100,000 creation timestamps) keeps this a single O(n) pass.
    List<String> order = new ArrayList<>();
    Map<String, int[]> counters = new HashMap<>(); // a mutable count per version: no boxing per Machine
    for (Machine m : machines) {
      String v =
          m.status()
              .flatMap(s -> s.nodeInfo())
              .map(NodeSystemInfo::getKubeletVersion)
              .filter(s -> !s.isEmpty())
              .orElse(m.spec().version());
      if (v.isEmpty()) {
        continue;
      }
      int[] n = counters.get(v);
      if (n == null) {
        counters.put(v, new int[] {1});
        order.add(v);
      } else {
        n[0]++;
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    counters.forEach((v, n) -> counts.put(v, n[0]));
    return sortVersions(order, counts);
  }

  /** Upstream's {@code AggregateStatusVersions}: sums the replicas of equal versions, then sorts as above. */
  public static List<StatusVersion> aggregate(List<StatusVersion> versions) {
    List<String> order = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (StatusVersion sv : versions) {
      if (sv.version().isEmpty()) {
        continue;
      }
      if (!counts.containsKey(sv.version())) {
        order.add(sv.version());
      }
      counts.merge(sv.version(), sv.replicas(), Integer::sum);
    }
    return sortVersions(order, counts);
  }

  private static List<StatusVersion> sortVersions(List<String> order, Map<String, Integer> counts) {
    record V(String version, Optional<Semver> semver, int order) {}
    List<V> vs = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      vs.add(new V(order.get(i), Semver.parseTolerant(order.get(i)), i));
    }
    vs.sort(
        (a, b) -> {
          if (a.semver().isPresent() && b.semver().isPresent()) {
            int c = Versions.compareWithBuildTags(a.semver().get(), b.semver().get());
            if (c != 0) {
              return c;
            }
          } else if (a.semver().isPresent()) {
            return -1;
          } else if (b.semver().isPresent()) {
            return 1;
          }
          int c = a.version().compareTo(b.version());
          return c != 0 ? c : Integer.compare(a.order(), b.order());
        });
    List<StatusVersion> out = new ArrayList<>(vs.size());
    for (V v : vs) {
      out.add(StatusVersion.of(v.version(), counts.get(v.version())));
    }
    return List.copyOf(out);
  }
}
