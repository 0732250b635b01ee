package io.pushmill.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScriptPath;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Windmill's schedule semantics, with the clock set by the test and jobs run on the test's thread
 * (H2 in memory; the same rules run on PostgreSQL in the contract suite).
 */
class SchedulingTest {
  private static final String WS = "demo";
  private static final Actor ADMIN = new Actor("admin", "admin@example.com");
  private static final ScriptPath SCRIPT = ScriptPath.of("u/admin/random_number_metric_script");
  private static final ScriptPath EVERY_5S = ScriptPath.of("u/admin/every_5s");

  private final SettableClock clock = new SettableClock(t("11:00:01"));
  private final FakeRuntime python = new FakeRuntime(Language.PYTHON3, Optional.of(clock));
  private Runner runner;

  private static Instant t(String hms) {
    return Instant.parse("2026-11-25T" + hms + "Z");
  }

  @BeforeEach
  void open() {
    runner = TestRunners.create(TestRunners.h2MemoryUrl(),
        java.util.Map.of(Language.PYTHON3, python), clock, b -> b);
  }

  @AfterEach
  void close() {
    runner.close();
  }

  private void push(String content) {
    runner.createScript(WS, NewScript.of(SCRIPT, Language.PYTHON3, content), ADMIN);
  }

  private Schedule schedule() {
    return runner.schedule(WS, EVERY_5S);
  }

  private void createEvery5s() {
    runner.createSchedule(WS, NewSchedule.of(EVERY_5S, SCRIPT, "*/5 * * * * *", "Etc/UTC"), ADMIN);
  }

  private List<Job> queued() {
    return runner.jobs(WS, JobQuery.all().withRunning(false));
  }

  private List<Job> finished() {
    return runner.jobs(WS, JobQuery.all().withSchedulePath(EVERY_5S)).stream()
        .filter(Job::finished).toList();
  }

  private int runAt(String hms) {
    clock.set(t(hms));
    return runner.runDueJobs();
  }

  @Test
  void an_enabled_schedule_has_exactly_one_queued_occurrence_at_its_next_slot() {
    push("# result 1");
    createEvery5s();
    List<Job> queued = queued();
    assertThat(queued).hasSize(1);
    Job occurrence = queued.getFirst();
    assertThat(occurrence.scheduledFor()).isEqualTo(t("11:00:05"));
    assertThat(occurrence.schedulePath()).contains(EVERY_5S);
    assertThat(occurrence.createdBy()).isEqualTo("schedule-u-admin-every_5s");
    assertThat(occurrence.permissionedAs()).isEqualTo("u/admin");
    assertThat(schedule().nextRunAt()).contains(t("11:00:05"));
  }

  @Test
  void an_occurrence_does_not_run_before_its_slot() {
    push("# result 1");
    createEvery5s();
    assertThat(runAt("11:00:04.999")).isZero();
    assertThat(runAt("11:00:05")).isEqualTo(1);
  }

  @Test
  void a_finished_run_queues_the_next_slot_strictly_after_now() {
    push("# result 1");
    createEvery5s();
    runAt("11:00:05");
    assertThat(finished()).singleElement().extracting(Job::state).isEqualTo(JobState.SUCCESS);
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:00:10"));
    assertThat(schedule().skippedCount()).isZero();
  }

  @Test
  void a_run_that_outlasts_its_interval_skips_the_slots_it_covered_and_counts_them() {
    push("# advance 12");   // the run of 11:00:05 ends at 11:00:17
    createEvery5s();
    runAt("11:00:05");
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:00:20"));
    assertThat(schedule().skippedCount()).isEqualTo(2);
    runAt("11:00:20");   // ends at 11:00:32: :25 and :30 skipped
    assertThat(schedule().skippedCount()).isEqualTo(4);
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:00:35"));
  }

  @Test
  void a_late_occurrence_runs_once_and_the_next_is_after_now() {
    push("# result 1");
    createEvery5s();
    assertThat(runAt("11:01:00.5")).isEqualTo(1);   // the 11:00:05 slot, 55 s late
    assertThat(finished()).hasSize(1);
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:01:05"));
    assertThat(schedule().skippedCount()).isEqualTo(11);
  }

  @Test
  void disabling_removes_the_queued_occurrence() {
    push("# result 1");
    createEvery5s();
    runner.setScheduleEnabled(WS, EVERY_5S, false, ADMIN);
    assertThat(queued()).isEmpty();
    assertThat(runAt("11:00:05")).isZero();
    assertThat(schedule().enabled()).isFalse();
    assertThat(schedule().nextRunAt()).isEmpty();
  }

  @Test
  void disabling_lets_a_running_occurrence_finish_and_queues_nothing_after_it() {
    python.hooks.put("disable", () -> runner.setScheduleEnabled(WS, EVERY_5S, false, ADMIN));
    push("# hook disable");
    createEvery5s();
    runAt("11:00:05");
    assertThat(finished()).singleElement().extracting(Job::state).isEqualTo(JobState.SUCCESS);
    assertThat(queued()).isEmpty();
  }

  @Test
  void enabling_while_an_occurrence_runs_does_not_add_a_second_one() {
    python.hooks.put("toggle", () -> {
      runner.setScheduleEnabled(WS, EVERY_5S, false, ADMIN);
      runner.setScheduleEnabled(WS, EVERY_5S, true, ADMIN);
      assertThat(queued()).isEmpty();
    });
    push("# hook toggle");
    createEvery5s();
    runAt("11:00:05");
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:00:10"));
  }

  @Test
  void an_edit_replaces_the_queued_occurrence_with_the_new_cron() {
    push("# result 1");
    createEvery5s();
    runner.updateSchedule(WS, EVERY_5S,
        NewSchedule.of(EVERY_5S, SCRIPT, "*/5 * * * * *", "Etc/UTC").edit()
            .withCron("0 */10 * * * *"), ADMIN);
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:10:00"));
    assertThat(schedule().cron()).isEqualTo("0 */10 * * * *");
  }

  @Test
  void an_edit_during_a_run_takes_effect_at_the_next_occurrence() {
    python.hooks.put("edit", () -> runner.updateSchedule(WS, EVERY_5S,
        NewSchedule.of(EVERY_5S, SCRIPT, "0 */10 * * * *", "Etc/UTC").edit(), ADMIN));
    push("# hook edit");
    createEvery5s();
    runAt("11:00:05");
    assertThat(finished()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:00:05"));
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:10:00"));
  }

  @Test
  void the_reconciler_re_arms_an_enabled_schedule_that_lost_its_occurrence() {
    push("# result 1");
    createEvery5s();
    runner.store().inTransaction(tx -> tx.jobs().deleteQueuedOccurrence(WS, EVERY_5S));
    assertThat(queued()).isEmpty();
    clock.set(t("11:00:07"));
    assertThat(runner.reconcile()).isEqualTo(1);
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:00:10"));
    assertThat(runner.reconcile()).isZero();
  }

  @Test
  void the_reconciler_leaves_disabled_schedules_alone() {
    push("# result 1");
    createEvery5s();
    runner.setScheduleEnabled(WS, EVERY_5S, false, ADMIN);
    assertThat(runner.reconcile()).isZero();
    assertThat(queued()).isEmpty();
  }

  @Test
  void paused_until_holds_back_the_occurrences() {
    push("# result 1");
    runner.createSchedule(WS, NewSchedule.of(EVERY_5S, SCRIPT, "*/5 * * * * *", "Etc/UTC")
        .withPausedUntil(t("11:02:00")), ADMIN);
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:02:00"));
  }

  @Test
  void canceling_the_queued_occurrence_arms_the_next_slot() {
    push("# result 1");
    createEvery5s();
    Job occurrence = queued().getFirst();
    clock.set(t("11:00:02"));
    Job canceled = runner.cancelJob(WS, occurrence.id(), ADMIN, "not this one");
    assertThat(canceled.state()).isEqualTo(JobState.CANCELED);
    assertThat(canceled.canceledBy()).contains("admin");
    assertThat(canceled.canceledReason()).contains("not this one");
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:00:05"));
  }

  @Test
  void deleting_a_schedule_removes_its_queued_occurrence() {
    push("# result 1");
    createEvery5s();
    runner.deleteSchedule(WS, EVERY_5S);
    assertThat(queued()).isEmpty();
    assertThat(runner.schedules(WS, ListQuery.all())).isEmpty();
  }

  @Test
  void a_schedule_whose_script_was_archived_is_disabled_with_the_reason() {
    push("# result 1");
    createEvery5s();
    runner.archiveScript(WS, SCRIPT);
    runAt("11:00:05");
    Schedule s = schedule();
    assertThat(s.enabled()).isFalse();
    assertThat(s.lastError()).contains(
        "schedule disabled: script u/admin/random_number_metric_script is archived");
    assertThat(queued()).isEmpty();
  }

  @Test
  void the_next_occurrence_runs_the_newest_version_of_the_script() {
    push("# result 1");
    createEvery5s();
    push("# result 2");
    runAt("11:00:05");
    assertThat(finished()).singleElement()
        .satisfies(j -> assertThat(Json.write(j.result().orElseThrow())).isEqualTo("2"));
  }

  @Test
  void a_scheduled_job_sees_its_schedule_and_slot_in_its_environment() {
    push("# env");
    createEvery5s();
    runAt("11:00:05.004");
    var env = finished().getFirst().result().orElseThrow();
    assertThat(env.get("WM_JOB_PATH").asText()).isEqualTo(SCRIPT.value());
    assertThat(env.get("WM_SCHEDULE_PATH").asText()).isEqualTo(EVERY_5S.value());
    assertThat(env.get("WM_SCHEDULED_FOR").asText()).isEqualTo("2026-11-25T11:00:05Z");
    assertThat(env.get("WM_USERNAME").asText()).isEqualTo("schedule-u-admin-every_5s");
  }
}
