package io.pushmill.server.expiry;

import io.pushmill.runner.cron.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The interval of a cron schedule, for its TTL: the longest gap between consecutive occurrences
 * from now over the next eight days (at most {@value #MAX_OCCURRENCES} occurrences, and always the
 * first gap). Eight days cover a whole week, so a schedule that pauses at night or on weekends
 * gets the length of its longest pause, and its groups survive it.
 */
public final class ScheduleCadence {
  static final Duration HORIZON = Duration.ofDays(8);
  static final int MAX_OCCURRENCES = 1000;

  private ScheduleCadence() {}

  /** The longest gap; empty for a schedule that fires fewer than twice from {@code now} on. */
  public static Optional<Duration> longestGap(CronSchedule cron, Instant now) {
    Optional<Instant> previous = cron.next(now);
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    Instant end = now.plus(HORIZON);
    Duration longest = Duration.ZERO;
    for (int i = 0; i < MAX_OCCURRENCES; i++) {
      Optional<Instant> next = cron.next(previous.get());
      if (next.isEmpty()) {
        break;
      }
      Duration gap = Duration.between(previous.get(), next.get());
      longest = gap.compareTo(longest) > 0 ? gap : longest;
      previous = next;
      if (!previous.get().isBefore(end)) {
        break;
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }
}
