package io.capi4j.simulation;

import io.capi4j.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs controllers the way controller-runtime does, on a virtual clock: every store change is mapped to the keys
 * each controller reconciles; keys wait in a de-duplicating queue; a controller runs at most
 * {@code concurrency} reconciles at once, never two of the same key, and at most one per key per
 * {@code minInterval}; a reconcile occupies its worker for {@code reconcileCost} plus {@code writeCost} per write.
 */
public final class ControllerRuntime implements CostMeter {
  /** How one controller is run. */
  public record ControllerSpec(
      String name,
      Reconciler reconciler,
      Function<ObjectStore.Change, List<ObjectKey>> mapper,
      int concurrency,
      Duration minInterval) {}

  /** Timing of the simulated API server and informers. */
  public record Timing(Duration watchDelay, Duration reconcileCost, Duration writeCost) {
    public static Timing defaults() {
      return new Timing(Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(30));
    }
  }

  private final class Queue {
    final ControllerSpec spec;
    final Deque<ObjectKey> pending = new ArrayDeque<>();
    final Set<ObjectKey> queued = new HashSet<>();
    final Set<ObjectKey> inFlight = new HashSet<>();
    final Set<ObjectKey> dirty = new HashSet<>();
    final Map<ObjectKey, Instant> lastRun = new HashMap<>();
    int busy;
    long reconciles;

    Queue(ControllerSpec spec) {
      this.spec = spec;
    }
  }

  private final VirtualClock clock;
  private final Timing timing;
  private final List<ObjectStore> stores;
  private final Map<String, Queue> queues = new LinkedHashMap<>();

  public ControllerRuntime(VirtualClock clock, Timing timing, List<ObjectStore> stores) {
    this.clock = clock;
    this.timing = timing;
    this.stores = List.copyOf(stores);
    for (ObjectStore s : stores) {
      s.watch(this::onChange);
    }
  }

  /** Adds a controller. */
  public void register(ControllerSpec spec) {
    queues.put(spec.name(), new Queue(spec));
  }

  /** Enqueues a key for a controller now (e.g. an initial reconcile). */
  public void enqueue(String controller, ObjectKey key) {
    Queue q = queues.get(controller);
    if (q == null) {
      throw new IllegalArgumentException("no controller " + controller);
    }
    add(q, key, Duration.ZERO);
  }

  /** Reconciles run so far per controller. */
  public Map<String, Long> reconcileCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    queues.forEach((k, v) -> m.put(k, v.reconciles));
    return m;
  }

  private void onChange(ObjectStore.Change c) {
    for (Queue q : queues.values()) {
      for (ObjectKey k : q.spec.mapper().apply(c)) {
        add(q, k, timing.watchDelay());
      }
    }
  }

  private void add(Queue q, ObjectKey key, Duration delay) {
    clock.schedule(delay, () -> {
      if (q.inFlight.contains(key)) {
        q.dirty.add(key);
        return;
      }
      if (q.queued.add(key)) {
        q.pending.add(key);
      }
      pump(q);
    });
  }

  private void pump(Queue q) {
    while (q.busy < q.spec.concurrency() && !q.pending.isEmpty()) {
      ObjectKey key = q.pending.poll();
      q.queued.remove(key);
      Instant last = q.lastRun.get(key);
      Instant earliest = last == null ? clock.instant() : last.plus(q.spec.minInterval());
      if (earliest.isAfter(clock.instant())) {
        // Rate limited: come back when allowed.
        clock.scheduleAt(earliest, () -> add(q, key, Duration.ZERO));
        continue;
      }
      run(q, key);
    }
  }

  private void run(Queue q, ObjectKey key) {
    q.busy++;
    q.inFlight.add(key);
    q.lastRun.put(key, clock.instant());
    q.reconciles++;
    long writesBefore = stores.stream().mapToLong(ObjectStore::writes).sum();
    Optional<Duration> requeue;
    charged = Duration.ZERO;
    try {
      requeue = q.spec.reconciler().reconcile(key);
    } catch (RuntimeException e) {
      // A failing reconcile is retried with backoff, as controller-runtime does.
      requeue = Optional.of(Duration.ofSeconds(1));
      failures.add(q.spec.name() + " " + key + ": " + e);
    }
    long writes = stores.stream().mapToLong(ObjectStore::writes).sum() - writesBefore;
    Duration cost = timing.reconcileCost().plus(timing.writeCost().multipliedBy(writes)).plus(charged);
    Optional<Duration> again = requeue;
    clock.schedule(cost, () -> {
      q.busy--;
      q.inFlight.remove(key);
      if (q.dirty.remove(key)) {
        add(q, key, Duration.ZERO);
      }
      again.ifPresent(d -> add(q, key, d));
      pump(q);
    });
  }

  private final List<String> failures = new ArrayList<>();
  private Duration charged = Duration.ZERO;

  /** Adds waiting time to the reconcile that runs now. */
  @Override
  public void charge(Duration d) {
    charged = charged.plus(d);
  }

  /** Reconciles that threw, as {@code controller key: exception} (for diagnosis; a simulation should have none). */
  public List<String> failures() {
    return List.copyOf(failures);
  }
}
