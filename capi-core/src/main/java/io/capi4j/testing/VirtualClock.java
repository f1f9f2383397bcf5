package io.capi4j.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A {@link Clock} whose time only moves when told to, and that runs scheduled events in time order. Events at
 * the same instant run in the order they were scheduled. Not thread-safe: a simulation drives it from one thread.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * clock.schedule(Duration.ofSeconds(30), () -> System.out.println("30s later: " + clock.instant()));
 * clock.advance(Duration.ofMinutes(1));   // runs the event at 00:00:30, ends at 00:01:00
 * }</pre>
 */
public final class VirtualClock extends Clock {
  private record Event(Instant at, long seq, Runnable action) {}

  private final PriorityQueue<Event> events =
      new PriorityQueue<>((a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
  private Instant now;
  private long seq;
  private long executed;

  private VirtualClock(Instant start) {
    this.now = start;
  }

  /** A clock that starts at {@code start}. */
  public static VirtualClock at(Instant start) {
    return new VirtualClock(start);
  }

  /** A clock that starts at 2026-01-01T00:00:00Z. */
  public static VirtualClock create() {
    return new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a virtual clock is always UTC");
  }

  /** Runs {@code action} after {@code delay} (at least now). */
  public void schedule(Duration delay, Runnable action) {
    scheduleAt(now.plus(delay.isNegative() ? Duration.ZERO : delay), action);
  }

  /** Runs {@code action} at {@code at}, or now if {@code at} is past. */
  public void scheduleAt(Instant at, Runnable action) {
    events.add(new Event(at.isBefore(now) ? now : at, seq++, action));
  }

  /** Runs every event due until {@code now + d}, then sets the time to {@code now + d}. */
  public void advance(Duration d) {
    advanceTo(now.plus(d));
  }

  /** Runs every event due until {@code t}, then sets the time to {@code t} (if later than now). */
  public void advanceTo(Instant t) {
    while (!events.isEmpty() && !events.peek().at.isAfter(t)) {
      runNext();
    }
    if (t.isAfter(now)) {
      now = t;
    }
  }

  /** Runs the next event, moving the time to it. Returns false when nothing is scheduled. */
  public boolean runNext() {
    Event e = events.poll();
    if (e == null) {
      return false;
    }
    if (e.at.isAfter(now)) {
      now = e.at;
    }
    executed++;
    e.action.run();
    return true;
  }

  /** Runs events until none is left or the next is after {@code limit}. Returns the number run. */
  public long runUntilIdle(Instant limit) {
    long before = executed;
    while (!events.isEmpty() && !events.peek().at.isAfter(limit)) {
      runNext();
    }
    return executed - before;
  }

  /** The number of events scheduled and not yet run. */
  public int pending() {
    return events.size();
  }

  /** The time of the next event, if any. */
  public java.util.Optional<Instant> nextEventTime() {
    return events.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(events.peek().at);
  }

  /** The number of events run so far. */
  public long executedEvents() {
    return executed;
  }
}
