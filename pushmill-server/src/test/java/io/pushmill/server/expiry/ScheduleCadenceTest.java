package io.pushmill.server.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.runner.cron.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The interval a schedule's TTL is derived from, and the TTL rule. */
class ScheduleCadenceTest {
  /** A Wednesday at noon, UTC. */
  private static final Instant NOW = Instant.parse("2025-03-12T12:00:00Z");

  static Stream<Arguments> cases() {
    return Stream.of(
        // 1. the tutorial's schedule
        Arguments.of("*/5 * * * * *", "Etc/UTC", Optional.of(Duration.ofSeconds(5))),
        // 2. five fields mean second 0
        Arguments.of("*/10 * * * *", "Etc/UTC", Optional.of(Duration.ofMinutes(10))),
        // 3. irregular steps: the longest gap (50 s to the next minute's second 0)
        Arguments.of("0,10 * * * * *", "Etc/UTC", Optional.of(Duration.ofSeconds(50))),
        // 4. weekdays only: the weekend is the longest pause
        Arguments.of("0 0 9 * * MON-FRI", "Europe/Berlin", Optional.of(Duration.ofHours(72))),
        // 5. business hours: the night from 17:45 to 09:00, and the weekend
        Arguments.of("0 */15 9-17 * * MON-FRI", "Etc/UTC",
            Optional.of(Duration.ofHours(63).plusMinutes(15))),
        // 6. once a year: the first gap counts even beyond the eight days looked at
        Arguments.of("0 0 0 1 1 *", "Etc/UTC", Optional.of(Duration.ofDays(365))),
        // 7. a date that does not exist never fires
        Arguments.of("0 0 0 30 2 *", "Etc/UTC", Optional.empty()));
  }

  @ParameterizedTest(name = "{index}: {0} in {1}")
  @MethodSource("cases")
  void the_interval_is_the_longest_gap_between_occurrences_over_the_next_eight_days(
      String cron, String timezone, Optional<Duration> expected) {
    assertThat(ScheduleCadence.longestGap(parse(cron, timezone), NOW)).isEqualTo(expected);
  }

  @Test
  void the_ttl_is_twice_the_interval_plus_the_timeout() {
    assertThat(ScheduleTtl.of(Duration.ofSeconds(5), Duration.ofSeconds(10)))
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(ScheduleTtl.of(Duration.ofHours(72), Duration.ofMinutes(15)))
        .isEqualTo(Duration.ofHours(144).plusMinutes(15));
    assertThatThrownBy(() -> ScheduleTtl.of(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("interval must be positive, got PT0S");
    assertThatThrownBy(() -> ScheduleTtl.of(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .hasMessageContaining("timeout must be positive, got PT-1S");
  }

  private static CronSchedule parse(String cron, String timezone) {
    return CronSchedule.parse(cron, timezone);
  }
}
