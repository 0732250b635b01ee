package io.pushmill.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.cron.CronSchedule;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OccurrencesTest {
  private static final CronSchedule EVERY_5S = CronSchedule.parse("*/5 * * * * *", "Etc/UTC");

  private static Instant t(String hms) {
    return Instant.parse("2026-11-25T" + hms + "Z");
  }

  @Test
  void the_first_slot_is_strictly_after_now() {
    assertThat(Occurrences.first(EVERY_5S, t("11:00:05"), Optional.empty()))
        .contains(t("11:00:10"));
    assertThat(Occurrences.first(EVERY_5S, t("11:00:03"), Optional.empty()))
        .contains(t("11:00:05"));
  }

  @Test
  void a_short_run_skips_nothing() {
    var next = Occurrences.afterRun(EVERY_5S, t("11:00:05"), t("11:00:05.300"), Optional.empty());
    assertThat(next).contains(new Occurrences.Next(t("11:00:10"), 0));
  }

  @Test
  void a_run_that_ends_before_its_own_slot_is_followed_by_the_next_slot_not_the_same_one() {
    // A job claimed ahead of its slot that fails before its process starts, or a worker whose
    // clock is behind the one that queued the slot: the run ends before the slot it stood for.
    var next = Occurrences.afterRun(EVERY_5S, t("11:00:05"), t("11:00:04.990"), Optional.empty());
    assertThat(next).contains(new Occurrences.Next(t("11:00:10"), 0));
  }

  @Test
  void a_run_that_outlasts_its_interval_skips_and_counts_the_slots_it_covered() {
    // Slot 11:00:05 ran until 11:00:17: slots :10 and :15 passed meanwhile.
    var next = Occurrences.afterRun(EVERY_5S, t("11:00:05"), t("11:00:17"), Optional.empty());
    assertThat(next).contains(new Occurrences.Next(t("11:00:20"), 2));
  }

  @Test
  void a_run_ending_exactly_on_a_slot_counts_that_slot_as_skipped() {
    var next = Occurrences.afterRun(EVERY_5S, t("11:00:05"), t("11:00:10"), Optional.empty());
    assertThat(next).contains(new Occurrences.Next(t("11:00:15"), 1));
  }

  @Test
  void a_late_occurrence_after_downtime_is_followed_by_the_next_slot_after_now() {
    // The queued slot 11:00:05 ran an hour late: no catch-up, 720 slots skipped.
    var next = Occurrences.afterRun(EVERY_5S, t("11:00:05"), t("12:00:06"), Optional.empty());
    assertThat(next).contains(new Occurrences.Next(t("12:00:10"), 720));
  }

  @Test
  void no_slot_comes_before_paused_until() {
    Optional<Instant> pause = Optional.of(t("11:01:00"));
    assertThat(Occurrences.first(EVERY_5S, t("11:00:03"), pause)).contains(t("11:01:00"));
    assertThat(Occurrences.first(EVERY_5S, t("11:00:03"), Optional.of(t("11:00:58"))))
        .contains(t("11:01:00"));
  }

  @Test
  void a_pause_in_the_past_changes_nothing() {
    assertThat(Occurrences.first(EVERY_5S, t("11:00:03"), Optional.of(t("10:00:00"))))
        .contains(t("11:00:05"));
  }

  @Test
  void slots_inside_a_pause_are_not_counted_as_skipped() {
    // Paused until 11:00:30; the run of 11:00:05 ended at 11:00:22: the next is 11:00:30 and the
    // slots :10 to :20 fell in the pause, so they are not skipped.
    var next = Occurrences.afterRun(EVERY_5S, t("11:00:05"), t("11:00:22"),
        Optional.of(t("11:00:30")));
    assertThat(next).contains(new Occurrences.Next(t("11:00:30"), 0));
  }

  @Test
  void counting_stops_at_the_cap() {
    CronSchedule everySecond = CronSchedule.parse("* * * * * *", "Etc/UTC");
    long count = Occurrences.countSlots(everySecond, t("00:00:00"),
        Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(count).isEqualTo(Occurrences.MAX_COUNTED);
  }
}
