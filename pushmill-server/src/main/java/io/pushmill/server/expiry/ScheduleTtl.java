package io.pushmill.server.expiry;

import java.time.Duration;

/**
 * The TTL a schedule's groups get: {@code 2 × interval + timeout}. A healthy schedule pushes once
 * per interval; its run may take up to the script's timeout before it pushes; and one occurrence
 * may be skipped because the previous run was still going on, or start late on a busy worker,
 * which the second interval covers. So a group expires only when a schedule has missed more than
 * one push, never between two pushes of a schedule that keeps running.
 */
public final class ScheduleTtl {
  private ScheduleTtl() {}

  /**
   * The TTL for a schedule whose occurrences are at most {@code interval} apart, running a script
   * that may run for {@code timeout}.
   */
  public static Duration of(Duration interval, Duration timeout) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("a schedule's interval must be positive, got " + interval);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a script's timeout must be positive, got " + timeout);
    }
    return interval.multipliedBy(2).plus(timeout);
  }
}
