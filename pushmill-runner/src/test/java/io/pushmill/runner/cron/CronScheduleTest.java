package io.pushmill.runner.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.runner.BadRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {
  private static final Instant BASE = Instant.parse("2026-11-25T11:00:01Z");

  /** Each case: expression, timezone, then the next three slots after {@link #BASE}. */
  @ParameterizedTest(name = "{index}: {0} in {1}")
  @CsvSource(delimiter = '|', textBlock = """
      */5 * * * * *           | Etc/UTC | 2026-11-25T11:00:05Z 2026-11-25T11:00:10Z 2026-11-25T11:00:15Z
      */15 * * * *            | Etc/UTC | 2026-11-25T11:15:00Z 2026-11-25T11:30:00Z 2026-11-25T11:45:00Z
      0 0 12 ? * 5#3          | Etc/UTC | 2026-12-18T12:00:00Z 2027-01-15T12:00:00Z 2027-02-19T12:00:00Z
      0 0 0 L * *             | Etc/UTC | 2026-11-30T00:00:00Z 2026-12-31T00:00:00Z 2027-01-31T00:00:00Z
      0 0 0 LW * ?            | Etc/UTC | 2026-11-30T00:00:00Z 2026-12-31T00:00:00Z 2027-01-29T00:00:00Z
      0 0 0 ? * 5L            | Etc/UTC | 2026-11-27T00:00:00Z 2026-12-25T00:00:00Z 2027-01-29T00:00:00Z
      0 0 0 14W * ?           | Etc/UTC | 2026-12-14T00:00:00Z 2027-01-14T00:00:00Z 2027-02-15T00:00:00Z
      0 30 9 * JAN-MAR MON-FRI| Etc/UTC | 2027-01-01T09:30:00Z 2027-01-04T09:30:00Z 2027-01-05T09:30:00Z
      0 0 8 * * 0             | Etc/UTC | 2026-11-29T08:00:00Z 2026-12-06T08:00:00Z 2026-12-13T08:00:00Z
      0 0 8 * * 7             | Etc/UTC | 2026-11-29T08:00:00Z 2026-12-06T08:00:00Z 2026-12-13T08:00:00Z
      0 0 8 * * SUN           | Etc/UTC | 2026-11-29T08:00:00Z 2026-12-06T08:00:00Z 2026-12-13T08:00:00Z
      0 0 12 1 * ?            | Etc/UTC | 2026-12-01T12:00:00Z 2027-01-01T12:00:00Z 2027-02-01T12:00:00Z
      0 0 12 * * *            | Europe/Berlin | 2026-11-26T11:00:00Z 2026-11-27T11:00:00Z 2026-11-28T11:00:00Z
      0 0 9 * * *             | America/New_York | 2026-11-25T14:00:00Z 2026-11-26T14:00:00Z 2026-11-27T14:00:00Z
      """)
  void next_slots_follow_croner_syntax(String expression, String zone, String expected) {
    CronSchedule cron = CronSchedule.parse(expression.trim(), zone.trim());
    List<Instant> slots = new ArrayList<>();
    Instant t = BASE;
    for (int i = 0; i < 3; i++) {
      t = cron.next(t).orElseThrow();
      slots.add(t);
    }
    assertThat(slots).containsExactlyElementsOf(
        Arrays.stream(expected.trim().split(" ")).map(Instant::parse).toList());
  }

  @Test
  void next_is_strictly_after_even_on_a_slot() {
    CronSchedule every5 = CronSchedule.parse("*/5 * * * * *", "Etc/UTC");
    assertThat(every5.next(Instant.parse("2026-11-25T11:00:05Z")))
        .contains(Instant.parse("2026-11-25T11:00:10Z"));
    assertThat(every5.next(Instant.parse("2026-11-25T11:00:04.999Z")))
        .contains(Instant.parse("2026-11-25T11:00:05Z"));
  }

  @Test
  void a_specific_time_swallowed_by_the_spring_forward_gap_fires_where_it_would_have_been() {
    // Berlin jumps from 02:00 to 03:00 on 2027-03-28: 02:30 does not exist; like croner and
    // Vixie cron it fires at 01:30Z (03:30 local), the instant 02:30 CET would have been.
    CronSchedule cron = CronSchedule.parse("0 30 2 * * *", "Europe/Berlin");
    Instant first = cron.next(Instant.parse("2027-03-27T12:00:00Z")).orElseThrow();
    Instant second = cron.next(first).orElseThrow();
    assertThat(first).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    assertThat(second).isEqualTo(Instant.parse("2027-03-29T00:30:00Z"));
  }

  @Test
  void a_local_time_repeated_in_the_fall_back_overlap_fires_once() {
    // Berlin repeats 02:00-03:00 on 2026-10-25: 02:30 exists at +02:00 and at +01:00.
    CronSchedule cron = CronSchedule.parse("0 30 2 * * *", "Europe/Berlin");
    Instant first = cron.next(Instant.parse("2026-10-24T12:00:00Z")).orElseThrow();
    Instant second = cron.next(first).orElseThrow();
    assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    assertThat(second).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
  }

  @Test
  void a_frequent_schedule_fires_at_every_real_slot_through_the_repeated_hour() {
    CronSchedule cron = CronSchedule.parse("0 */30 * * * *", "Europe/Berlin");
    Instant t = Instant.parse("2026-10-25T00:10:00Z");
    List<Instant> slots = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      t = cron.next(t).orElseThrow();
      slots.add(t);
    }
    assertThat(slots).containsExactly(Instant.parse("2026-10-25T00:30:00Z"),
        Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T01:30:00Z"),
        Instant.parse("2026-10-25T02:00:00Z"));
  }

  @Test
  void an_hourly_schedule_keeps_firing_every_real_hour_across_the_spring_gap() {
    CronSchedule cron = CronSchedule.parse("0 0 * * * *", "Europe/Berlin");
    Instant t = Instant.parse("2027-03-28T00:30:00Z");
    List<Instant> slots = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      t = cron.next(t).orElseThrow();
      slots.add(t);
    }
    // 02:00 CET (01:00Z) is 03:00 CEST: the hour exists once, as 03:00 local.
    assertThat(slots).containsExactly(Instant.parse("2027-03-28T01:00:00Z"),
        Instant.parse("2027-03-28T02:00:00Z"), Instant.parse("2027-03-28T03:00:00Z"));
  }

  @ParameterizedTest(name = "{index}: ''{0}''")
  @CsvSource(delimiter = '|', textBlock = """
      1 | * * * *             | invalid cron expression '* * * *': it has 4 fields; use 6 (seconds first) or 5 (seconds = 0)
      2 | */5 * * * * * 2026  | invalid cron expression '*/5 * * * * * 2026': it has 7 fields; use 6 (seconds first) or 5 (seconds = 0)
      3 | 61 * * * * *        | invalid cron expression '61 * * * * *':
      4 | 0 0 12 ? * 9        | invalid cron expression '0 0 12 ? * 9':
      5 | every 5 seconds     | invalid cron expression 'every 5 seconds':
      """)
  void bad_expressions_are_refused_naming_the_expression(int n, String expr, String message) {
    assertThatThrownBy(() -> CronSchedule.parse(expr, "Etc/UTC"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void an_empty_expression_is_refused() {
    assertThatThrownBy(() -> CronSchedule.parse(" ", "Etc/UTC"))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("it is empty");
  }

  @ParameterizedTest
  @CsvSource({"Mars/Olympus", "+02:00", "CEST", "europe/berlin"})
  void timezones_must_be_iana_names(String zone) {
    assertThatThrownBy(() -> CronSchedule.parse("* * * * * *", zone))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("unknown timezone '" + zone
            + "': use an IANA name such as Europe/Berlin or Etc/UTC");
  }

  @Test
  void the_expression_and_timezone_are_kept_as_given() {
    CronSchedule cron = CronSchedule.parse("*/15 * * * *", "Etc/UTC");
    assertThat(cron.expression()).isEqualTo("*/15 * * * *");
    assertThat(cron.timezone()).isEqualTo("Etc/UTC");
  }

  @Test
  void an_expression_that_never_fires_has_no_next_slot() {
    assertThat(CronSchedule.parse("0 0 0 30 2 *", "Etc/UTC").next(BASE)).isEmpty();
  }
}
