package io.pushmill.gateway.store;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Upstream's timing of saves: never right after a write, but at most once per interval, at the
 * end of the interval that started with the previous save, and only when something changed.
 */
final class PersistenceSchedule {
  private final Duration interval;
  private final InstantSource clock;
  private Instant lastSave;
  private boolean dirty;

  PersistenceSchedule(Duration interval, InstantSource clock) {
    this.interval = interval;
    this.clock = clock;
    this.lastSave = clock.instant();
  }

  void changed() {
    dirty = true;
  }

  boolean isDue() {
    return dirty && !clock.instant().isBefore(lastSave.plus(interval));
  }

  /** How long the writer may wait for the next write before a save is due. */
  long nanosUntilDue() {
    if (!dirty) {
      return Long.MAX_VALUE;
    }
    Duration left = Duration.between(clock.instant(), lastSave.plus(interval));
    return left.isNegative() ? 0 : saturatedNanos(left);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE - 1;
    }
  }

  /** A save that began at {@code started} succeeded: what changed after it waits for the next. */
  void saved(Instant started) {
    lastSave = started;
    dirty = false;
  }

  /** A save failed: try again one interval later. */
  void failed(Instant started) {
    lastSave = started;
  }
}
