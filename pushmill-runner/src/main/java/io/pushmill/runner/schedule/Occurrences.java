package io.pushmill.runner.schedule;

import io.pushmill.runner.cron.CronSchedule;
import java.time.Instant;
import java.util.Optional;

/**
 * Windmill's rule for a schedule's next slot, as pure functions. A schedule has one occurrence at a
 * time; the next one is the first slot strictly after now (never before {@code paused_until}), so
 * runs never overlap and the slots that passed while a run was going on are skipped and counted.
 */
public final class Occurrences {
  /** Counting stops here, so a long outage of a every-second schedule stays cheap to count. */
  static final long MAX_COUNTED = 100_000;

  private Occurrences() {}

  /** The next slot and how many slots were skipped to reach it. */
  public record Next(Instant at, long skipped) {}

  /** The first slot when a schedule is armed (created, enabled, edited, re-armed). */
  public static Optional<Instant> first(
      CronSchedule cron, Instant now, Optional<Instant> pausedUntil) {
    return cron.next(notBefore(now, pausedUntil));
  }

  /**
   * The slot after a run of {@code previousSlot} that ended at {@code now}: the first after both,
   * since a run can end before its own slot (claimed ahead of it and failed before its process
   * started, or judged by a process whose clock is behind). The skipped slots are those after the
   * previous slot up to now, not counting slots inside the pause.
   */
  public static Optional<Next> afterRun(
      CronSchedule cron, Instant previousSlot, Instant now, Optional<Instant> pausedUntil) {
    Instant after = now.isAfter(previousSlot) ? now : previousSlot;
    return first(cron, after, pausedUntil)
        .map(at -> new Next(at, countSlots(cron, notBefore(previousSlot, pausedUntil), now)));
  }

  /** Slots {@code s} with {@code from < s <= until}, counted up to {@link #MAX_COUNTED}. */
  static long countSlots(CronSchedule cron, Instant from, Instant until) {
    long count = 0;
    Optional<Instant> slot = cron.next(from);
    while (slot.isPresent() && !slot.get().isAfter(until) && count < MAX_COUNTED) {
      count++;
      slot = cron.next(slot.get());
    }
    return count;
  }

  /** The instant after which slots may fire: a slot exactly at {@code paused_until} may. */
  private static Instant notBefore(Instant now, Optional<Instant> pausedUntil) {
    return pausedUntil
        .map(p -> p.minusNanos(1))
        .filter(p -> p.isAfter(now))
        .orElse(now);
  }
}
