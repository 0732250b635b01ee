package io.pushmill.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.LogSlice;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.runner.store.JobFinish;
import io.pushmill.runner.store.StatsRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The runner's contract on a real database: scripts, the queue, schedules, the reaper, retention,
 * logs and filters. {@link H2RunnerContractTest} and {@link PostgresRunnerContractIT} run it.
 */
abstract class RunnerContract extends RunnerFixture {

  // Scripts.

  @Test
  void pushing_the_same_script_twice_keeps_one_version() {
    Script first = push("# param n integer 1");
    Script again = push("# param n integer 1");
    assertThat(again.hash()).isEqualTo(first.hash());
    assertThat(runner.scriptVersions(WS, SCRIPT)).hasSize(1);
    assertThat(first.hash()).hasSize(16).matches("[0-9a-f]+");
    assertThat(first.parentHash()).isEmpty();
  }

  @Test
  void a_changed_script_gets_a_new_version_whose_parent_is_the_old_head() {
    Script v1 = push("# result 1");
    Script v2 = push("# result 2");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.parentHash()).contains(v1.hash());
    assertThat(runner.script(WS, SCRIPT).hash()).isEqualTo(v2.hash());
    assertThat(runner.scriptByHash(WS, v1.hash()).content()).isEqualTo("# result 1");
    Script back = push("# result 1");
    assertThat(back.hash()).isNotIn(v1.hash(), v2.hash());
    assertThat(back.contentHash()).isEqualTo(v1.contentHash());
  }

  @Test
  void the_schema_is_inferred_from_the_signature_unless_the_client_sends_one() {
    Script inferred = push("# param name string\n# param n integer 3");
    assertThat(Json.write(inferred.schema())).isEqualTo(
        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"properties\":{\"name\":{\"type\":\"string\",\"description\":\"\"},"
            + "\"n\":{\"type\":\"integer\",\"description\":\"\",\"default\":3}},"
            + "\"required\":[\"name\"],\"order\":[\"name\",\"n\"]}");
    Script sent = push(NewScript.of(SCRIPT, Language.PYTHON3, "# param name string")
        .withSchema(object("{\"type\":\"object\",\"x-client\":true}")));
    assertThat(Json.write(sent.schema())).isEqualTo("{\"type\":\"object\",\"x-client\":true}");
    assertThat(sent.params()).extracting(p -> p.name()).containsExactly("name");
  }

  @Test
  void a_script_with_a_syntax_error_or_an_unsupported_language_stores_nothing() {
    assertBadRequest(() -> push("# syntax-error unexpected indent"),
        "script u/admin/random_number_metric_script cannot be run: line 1: unexpected indent");
    assertBadRequest(() -> push(NewScript.of(SCRIPT, Language.JAVA, "class A {}")),
        "language java is not supported by this server (script "
            + "u/admin/random_number_metric_script)");
    assertThat(runner.scripts(WS, ListQuery.all().withShowArchived(true))).isEmpty();
  }

  @Test
  void archived_scripts_leave_the_list_and_cannot_be_run_by_path() {
    push("# result 1");
    runner.archiveScript(WS, SCRIPT);
    assertThat(runner.scripts(WS, ListQuery.all())).isEmpty();
    assertThat(runner.scripts(WS, ListQuery.all().withShowArchived(true))).hasSize(1);
    assertThatThrownBy(() -> run("{}")).isInstanceOf(NotFoundException.class)
        .hasMessage("script u/admin/random_number_metric_script not found in workspace demo");
  }

  @Test
  void scripts_are_listed_by_path_prefix() {
    push("# result 1");
    push(NewScript.of(ScriptPath.of("f/ops/cleanup"), Language.BASH, "# result 2"));
    assertThat(runner.scripts(WS, ListQuery.all().withPathStart("f/")))
        .extracting(s -> s.path().value()).containsExactly("f/ops/cleanup");
    assertThat(runner.scripts(WS, ListQuery.all()))
        .extracting(s -> s.path().value())
        .containsExactly("f/ops/cleanup", "u/admin/random_number_metric_script");
  }

  // The queue.

  @Test
  void a_run_is_queued_claimed_and_finished_with_its_result_log_and_timing() {
    push("# param n integer\n# log hello\n# advance 2\n# result {\"n\":7}");
    UUID id = run("{\"n\": 7}");
    Job queued = job(id);
    assertThat(queued.state()).isEqualTo(JobState.QUEUED);
    assertThat(queued.scheduledFor()).isEqualTo(t("11:00:01"));
    assertThat(Json.write(queued.args())).isEqualTo("{\"n\":7}");
    assertThat(runAt("11:00:01.25")).isEqualTo(1);
    Job done = job(id);
    assertThat(done.state()).isEqualTo(JobState.SUCCESS);
    assertThat(done.startedAt()).contains(t("11:00:01.25"));
    assertThat(done.endedAt()).contains(t("11:00:03.25"));
    assertThat(done.durationMs()).hasValue(2000);
    assertThat(done.exitCode()).hasValue(0);
    assertThat(done.worker()).contains("test-worker");
    assertThat(Json.write(done.result().orElseThrow())).isEqualTo("{\"n\":7}");
    assertThat(runner.result(WS, id)).contains(Json.parse("{\"n\":7}"));
    assertThat(logs(runner, id)).isEqualTo("hello\n");
  }

  @Test
  void a_failed_run_records_the_error_and_windmills_error_object() {
    push("# fail division by zero");
    UUID id = run("{}");
    runAt("11:00:02");
    Job done = job(id);
    assertThat(done.state()).isEqualTo(JobState.FAILURE);
    assertThat(done.exitCode()).hasValue(1);
    assertThat(done.error()).contains("division by zero");
    assertThat(Json.write(done.result().orElseThrow()))
        .isEqualTo("{\"error\":{\"name\":\"ExecutionErr\",\"message\":\"division by zero\"}}");
  }

  @Test
  void a_job_is_claimed_exactly_once_under_concurrent_claimers() throws Exception {
    Script script = push("# result 1");
    int total = 120;
    runner.store().inTransaction(tx -> {
      for (int i = 0; i < total; i++) {
        tx.jobs().insert(Job.queued(UUID.randomUUID(), WS, script, Optional.empty(),
            Json.object(), t("11:00:00").plusMillis(i), t("11:00:00"), "admin", "u/admin", ""));
      }
      return null;
    });
    List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> claimers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String worker = "w" + w;
      claimers.add(pool.submit(() -> {
        int idle = 0;
        while (idle < 5) {
          List<Job> got = runner.store().inTransaction(
              tx -> tx.jobs().claim(worker, t("11:00:01"), 3));
          got.forEach(j -> claimed.add(j.id()));
          idle = got.isEmpty() ? idle + 1 : 0;
        }
      }));
    }
    for (Future<?> f : claimers) {
      f.get();
    }
    pool.shutdown();
    assertThat(claimed).hasSize(total).doesNotHaveDuplicates();
    assertThat(jobs(JobQuery.all().withRunning(true))).hasSize(total);
  }

  @Test
  void claims_take_the_earliest_due_slot_first_and_look_ahead_only_as_far_as_asked() {
    push("# result 1");
    UUID later = runner.runScript(WS, SCRIPT, Json.object(), ADMIN, t("11:00:30"));
    UUID first = runner.runScript(WS, SCRIPT, Json.object(), ADMIN, t("11:00:01"));
    UUID soon = runner.runScript(WS, SCRIPT, Json.object(), ADMIN, t("11:00:02.040"));
    clock.set(t("11:00:02"));
    assertThat(claimAs("w")).extracting(Job::id).containsExactly(first);
    assertThat(job(first).startedAt()).contains(t("11:00:02"));

    List<Job> ahead = runner.store().inOneStatement(
        tx -> tx.jobs().claim("w", clock.instant(), t("11:00:02.050"), 10));
    assertThat(ahead).extracting(Job::id).containsExactly(soon);
    assertThat(job(soon).startedAt()).as("a job claimed ahead starts at its slot")
        .contains(t("11:00:02.040"));
    assertThat(job(later).state()).isEqualTo(JobState.QUEUED);
  }

  @Test
  void a_live_worker_claims_ahead_and_has_the_runtime_start_the_job_at_its_slot() {
    Runner live = open(Clock.systemUTC(), b -> b.workerName("ahead")
        .claimAhead(Duration.ofMillis(500)));
    live.createScript(WS, NewScript.of(SCRIPT, Language.PYTHON3, "# result 1"), ADMIN);
    live.start();
    Instant slot = Instant.now().plusMillis(300).truncatedTo(ChronoUnit.MICROS);
    UUID id = live.runScript(WS, SCRIPT, Json.object(), ADMIN, slot);
    Job done = live.awaitJob(WS, id, Duration.ofSeconds(10));
    assertThat(done.state()).isEqualTo(JobState.SUCCESS);
    assertThat(done.startedAt()).contains(slot);
    assertThat(python.requests).singleElement().satisfies(r -> assertThat(r.startAt())
        .hasValueSatisfying(at -> assertThat(at).isCloseTo(slot, within(20, ChronoUnit.MILLIS))));
    live.stop();
  }

  @Test
  void disabling_a_schedule_whose_occurrence_is_held_for_its_slot_keeps_that_run_from_starting() {
    Runner live = open(Clock.systemUTC(), b -> b.workerName("held")
        .claimAhead(Duration.ofMillis(900)));
    ScriptPath everySecond = ScriptPath.of("u/admin/held_every_second");
    live.createScript(WS, NewScript.of(SCRIPT, Language.PYTHON3, "# hook ran\n# result 1"),
        ADMIN);
    List<Instant> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    python.hooks.put("ran", () -> ran.add(Instant.now()));
    live.createSchedule(WS, NewSchedule.of(everySecond, SCRIPT, "* * * * * *", "Etc/UTC"),
        ADMIN);
    live.start();
    Job held = await().atMost(Duration.ofSeconds(5)).until(
        () -> live.jobs(WS, JobQuery.all()).stream()
            .filter(j -> j.state() == JobState.RUNNING
                && j.startedAt().orElseThrow().isAfter(Instant.now().plusMillis(100)))
            .findFirst(), Optional::isPresent).orElseThrow();
    int ranBefore = ran.size();

    live.setScheduleEnabled(WS, everySecond, false, ADMIN);

    Job done = live.awaitJob(WS, held.id(), Duration.ofSeconds(5));
    assertThat(done.state()).isEqualTo(JobState.CANCELED);
    assertThat(done.canceledReason().orElseThrow()).contains("disabled before its slot");
    assertThat(ran).hasSize(ranBefore);
    assertThat(live.jobs(WS, JobQuery.all()))
        .noneMatch(j -> j.state() == JobState.QUEUED || j.state() == JobState.RUNNING);
    live.stop();
  }

  @Test
  void bad_args_are_refused_and_store_nothing() {
    push("# param n integer");
    assertBadRequest(() -> run("{\"n\": \"seven\"}"), "argument 'n' of script "
        + "u/admin/random_number_metric_script must be an integer, got string \"seven\"");
    assertBadRequest(() -> run("{}"), "missing required argument 'n' for script "
        + "u/admin/random_number_metric_script (type integer)");
    assertBadRequest(() -> run("{\"n\": 1, \"m\": 2}"), "unknown argument 'm' for script "
        + "u/admin/random_number_metric_script; its parameters are n");
    assertNothingStored(runner);
  }

  @Test
  void unknown_workspaces_jobs_and_scripts_are_not_found() {
    assertThatThrownBy(() -> runner.jobs("nope", JobQuery.all()))
        .isInstanceOf(NotFoundException.class).hasMessage("workspace nope not found");
    UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    assertThatThrownBy(() -> runner.job(WS, id)).isInstanceOf(NotFoundException.class)
        .hasMessage("job " + id + " not found in workspace demo");
    assertThatThrownBy(() -> runner.script(WS, SCRIPT)).isInstanceOf(NotFoundException.class)
        .hasMessage("script u/admin/random_number_metric_script not found in workspace demo");
  }

  @Test
  void the_job_list_honours_windmills_filters() {
    push("# param ok boolean true\n# result 1");
    ScriptPath other = ScriptPath.of("f/ops/other");
    push(NewScript.of(other, Language.BASH, "# fail no"));
    UUID ok = run("{}");
    clock.set(t("11:00:10"));
    UUID failed = runner.runScript(WS, other, Json.object(), ADMIN);
    runner.runDueJobs();
    clock.set(t("11:00:20"));
    UUID waiting = run("{}");
    clock.set(t("11:00:21"));
    createEvery5s();
    Job occurrence = queued().stream().filter(j -> j.schedulePath().isPresent()).findFirst()
        .orElseThrow();
    assertThat(ids(JobQuery.all())).containsExactly(occurrence.id(), waiting, failed, ok);
    assertThat(ids(JobQuery.all().withScriptPath(other))).containsExactly(failed);
    assertThat(ids(JobQuery.all().withSchedulePath(EVERY_5S))).containsExactly(occurrence.id());
    assertThat(ids(JobQuery.all().withSuccess(true))).containsExactly(ok);
    assertThat(ids(JobQuery.all().withSuccess(false))).containsExactly(failed);
    assertThat(ids(JobQuery.all().withRunning(false))).containsExactly(occurrence.id(), waiting);
    assertThat(ids(JobQuery.all().withRunning(true))).isEmpty();
    assertThat(ids(JobQuery.all().withCreatedAfter(t("11:00:05"))))
        .containsExactly(occurrence.id(), waiting, failed);
    assertThat(ids(JobQuery.all().withCreatedBefore(t("11:00:05")))).containsExactly(ok);
    assertThat(ids(JobQuery.all().withKinds(scriptKind()))).hasSize(4);
    assertThat(runner.jobs(WS, JobQuery.all().withPage(2, 3)))
        .extracting(Job::id).containsExactly(ok);
  }

  @Test
  void the_job_list_filters_by_state_worker_and_duration() {
    push("# advance 3");
    ScriptPath other = ScriptPath.of("f/ops/other");
    push(NewScript.of(other, Language.BASH, "# fail no"));
    UUID slow = run("{}");
    runner.runDueJobs();
    clock.set(t("11:00:10"));
    UUID failed = runner.runScript(WS, other, Json.object(), ADMIN);
    runner.runDueJobs();
    clock.set(t("11:00:20"));
    UUID queued = run("{}");
    assertThat(claimAs("elsewhere")).extracting(Job::id).containsExactly(queued);
    clock.set(t("11:00:30"));
    UUID waiting = run("{}");

    assertThat(ids(JobQuery.all().withStates(Set.of(JobState.FAILURE)))).containsExactly(failed);
    assertThat(ids(JobQuery.all().withStates(Set.of(JobState.SUCCESS, JobState.RUNNING))))
        .containsExactly(queued, slow);
    assertThat(ids(JobQuery.all().withWorker("elsewhere"))).containsExactly(queued);
    assertThat(ids(JobQuery.all().withWorker("test-worker"))).containsExactly(failed, slow);
    assertThat(ids(JobQuery.all().withMinDuration(Duration.ofSeconds(3)))).containsExactly(slow);
    assertThat(ids(JobQuery.all().withMaxDuration(Duration.ofSeconds(2))))
        .containsExactly(failed);
    assertThat(ids(JobQuery.all().withMinDuration(Duration.ZERO)))
        .doesNotContain(queued, waiting);
    assertThatThrownBy(() -> JobQuery.all().withMinDuration(Duration.ofSeconds(-1)))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("minimum duration must not be negative, got PT-1S");
  }

  private List<UUID> ids(JobQuery q) {
    return jobs(q).stream().map(Job::id).toList();
  }

  @Test
  void a_log_is_capped_at_its_head_and_read_from_any_offset() {
    Runner capped = open(clock, b -> b.workerName("capped").logCapBytes(2048));
    capped.createScript(WS, NewScript.of(SCRIPT, Language.PYTHON3,
        "# log start\n# log-bytes 5000\n# log never shown"), ADMIN);
    UUID id = capped.runScript(WS, SCRIPT, Json.object(), ADMIN);
    capped.runDueJobs();
    String log = logs(capped, id);
    assertThat(log).startsWith("start\nxxxx")
        .contains("[pushmill: log truncated at 2048 bytes; the rest of the output was dropped]")
        .doesNotContain("never shown");
    assertThat(log.indexOf("[pushmill")).isEqualTo(2048 + 1);
    LogSlice tail = capped.logs(WS, id, 2000);
    assertThat(tail.text()).isEqualTo(log.substring(2000));
    assertThat(tail.nextOffset()).isEqualTo(log.length());
    assertThat(capped.logs(WS, id, log.length()).text()).isEmpty();
  }

  @Test
  void canceling_a_finished_job_is_a_conflict() {
    push("# result 1");
    UUID id = run("{}");
    runAt("11:00:02");
    assertThatThrownBy(() -> runner.cancelJob(WS, id, ADMIN, "late"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("job " + id + " has already finished (success)");
  }

  @Test
  void a_queued_job_is_canceled_at_once_with_a_note_in_its_log() {
    push("# result 1");
    UUID id = run("{}");
    Job canceled = runner.cancelJob(WS, id, ADMIN, "");
    assertThat(canceled.state()).isEqualTo(JobState.CANCELED);
    assertThat(canceled.canceledReason()).contains("canceled by admin");
    assertThat(logs(runner, id)).isEqualTo("job canceled before it started: canceled by admin\n");
    assertThat(runAt("11:00:02")).isZero();
  }

  @Test
  void workspace_variables_reach_the_job_environment() {
    runner.setVariable(WS, "PUSHGATEWAY_URL", "http://127.0.0.1:9091");
    assertBadRequest(() -> runner.setVariable(WS, "WM_JOB_PATH", "x"),
        "variable name WM_JOB_PATH is reserved for the runner");
    assertBadRequest(() -> runner.setVariable(WS, "1X", "x"),
        "invalid variable name '1X': use letters, digits and '_', not starting with a digit");
    push("# env");
    UUID id = run("{}");
    runAt("11:00:02");
    var env = job(id).result().orElseThrow();
    assertThat(env.get("PUSHGATEWAY_URL").asText()).isEqualTo("http://127.0.0.1:9091");
    assertThat(env.get("WM_JOB_PATH").asText()).isEqualTo(SCRIPT.value());
    assertThat(env.get("WM_SCHEDULE_PATH").asText()).isEmpty();
    assertThat(runner.variables(WS)).containsEntry("PUSHGATEWAY_URL", "http://127.0.0.1:9091");
  }

  // Schedules.

  @Test
  void a_schedule_chains_one_occurrence_after_another() {
    push("# result 1");
    createEvery5s();
    runAt("11:00:05");
    runAt("11:00:10");
    runAt("11:00:15.5");
    List<Job> runs = jobs(JobQuery.all().withSchedulePath(EVERY_5S).withSuccess(true));
    assertThat(runs).extracting(Job::scheduledFor)
        .containsExactly(t("11:00:15"), t("11:00:10"), t("11:00:05"));
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:00:20"));
  }

  @Test
  void disabling_a_schedule_removes_its_queued_occurrence_and_enabling_re_arms_it() {
    push("# result 1");
    createEvery5s();
    runner.setScheduleEnabled(WS, EVERY_5S, false, ADMIN);
    assertThat(queued()).isEmpty();
    clock.set(t("11:00:06"));
    runner.setScheduleEnabled(WS, EVERY_5S, true, ADMIN);
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:00:10"));
  }

  @Test
  void bad_schedules_are_refused_naming_the_value_and_store_nothing() {
    push("# param n integer");
    NewSchedule good = NewSchedule.of(EVERY_5S, SCRIPT, "*/5 * * * * *", "Etc/UTC")
        .withArgs(object("{\"n\":1}"));
    assertBadRequest(() -> runner.createSchedule(WS, new NewSchedule(EVERY_5S, SCRIPT,
            good.args(), "*/5 * * *", "Etc/UTC", true, Optional.empty(), Optional.empty(),
            Optional.empty(), Json.object()), ADMIN),
        "invalid cron expression '*/5 * * *': it has 4 fields; use 6 (seconds first) or 5"
            + " (seconds = 0)");
    assertBadRequest(() -> runner.createSchedule(WS, new NewSchedule(EVERY_5S, SCRIPT,
            good.args(), "*/5 * * * * *", "Moon/Base", true, Optional.empty(), Optional.empty(),
            Optional.empty(), Json.object()), ADMIN),
        "unknown timezone 'Moon/Base': use an IANA name such as Europe/Berlin or Etc/UTC");
    assertBadRequest(() -> runner.createSchedule(WS,
            NewSchedule.of(EVERY_5S, ScriptPath.of("u/admin/nope"), "*/5 * * * * *", "Etc/UTC"),
            ADMIN),
        "unknown script u/admin/nope in workspace demo");
    assertBadRequest(() -> runner.createSchedule(WS, good.withArgs(object("{\"n\":\"x\"}")),
        ADMIN), "argument 'n' of script u/admin/random_number_metric_script must be an integer,"
        + " got string \"x\"");
    assertBadRequest(() -> runner.createSchedule(WS, NewSchedule.of(
            ScriptPath.of("schedule/every_5s"), SCRIPT, "*/5 * * * * *", "Etc/UTC"), ADMIN),
        "invalid path 'schedule/every_5s': it must start with 'u/' or 'f/'; a path looks like"
            + " u/<user>/<name> or f/<folder>/<name>");
    assertNothingStored(runner);
  }

  @Test
  void a_schedule_path_can_be_taken_once() {
    push("# result 1");
    createEvery5s();
    assertThatThrownBy(this::createEvery5s).isInstanceOf(ConflictException.class)
        .hasMessage("a schedule already exists at path u/admin/every_5s in workspace demo");
    assertThat(queued()).hasSize(1);
  }

  @Test
  void a_schedule_keeps_its_fields_as_sent() {
    push("# param n integer");
    var extra = object("{\"is_flow\":false,\"cron_version\":\"v2\",\"tag\":null}");
    runner.createSchedule(WS, new NewSchedule(EVERY_5S, SCRIPT, object("{\"n\":3}"),
        "*/15 * * * *", "Europe/Berlin", true, Optional.empty(), Optional.of("tutorial"),
        Optional.of("every 15 min"), extra), ADMIN);
    var s = runner.schedule(WS, EVERY_5S);
    assertThat(s.cron()).isEqualTo("*/15 * * * *");
    assertThat(s.timezone()).isEqualTo("Europe/Berlin");
    assertThat(Json.write(s.args())).isEqualTo("{\"n\":3}");
    assertThat(s.summary()).contains("tutorial");
    assertThat(s.extra()).isEqualTo(extra);
    assertThat(s.editedBy()).isEqualTo("admin");
    assertThat(s.email()).isEqualTo("admin@example.com");
    assertThat(s.permissionedAs()).isEqualTo("u/admin");
    assertThat(s.nextRunAt()).contains(t("11:15:00"));
  }

  // Liveness.

  @Test
  void the_reaper_fails_a_job_whose_worker_stopped_pinging() {
    push("# result 1");
    UUID id = claimedBy("ghost");
    clock.set(t("11:01:02"));
    assertThat(runner.reap()).isZero();
    clock.set(t("11:01:02.001"));
    assertThat(runner.reap()).isEqualTo(1);
    Job reaped = job(id);
    assertThat(reaped.state()).isEqualTo(JobState.FAILURE);
    assertThat(reaped.error()).contains("worker ghost stopped responding: no ping for more than"
        + " 60 s (last at 2026-11-25T11:00:02Z); job failed");
    assertThat(logs(runner, id)).contains("[pushmill: worker ghost stopped responding");
    assertThat(runner.reap()).isZero();
  }

  @Test
  void a_verdict_records_its_statistics_only_when_it_applies() {
    push("# result 1");
    UUID id = claimedBy("late");
    StatsRepository.Sample sample = new StatsRepository.Sample(WS, "run", SCRIPT.value(), "",
        "success", 0, 0.5, clock.instant());
    StatsRepository.Sample delay = new StatsRepository.Sample(WS, "delay", SCRIPT.value(), "",
        "success", 0, 0.001, clock.instant());
    JobFinish byLate = new JobFinish(id, JobState.RUNNING, Optional.of("late"), Optional.empty(),
        JobState.SUCCESS, clock.instant(), OptionalLong.of(500), OptionalInt.of(0),
        Optional.of("1"), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(sample, delay));
    clock.set(t("11:01:02.001"));
    assertThat(runner.reap()).isEqualTo(1);
    int before = runner.store().read(tx -> tx.stats().all()).size();

    boolean lateApplied = runner.store().inOneStatement(tx -> tx.jobs().finish(byLate));
    List<StatsRepository.Stat> afterLate = runner.store().read(tx -> tx.stats().all());
    assertThat(lateApplied).isFalse();
    assertThat(afterLate).hasSize(before);

    UUID second = run("{}");
    claimAs("late");
    JobFinish applies = new JobFinish(second, JobState.RUNNING, Optional.of("late"),
        Optional.empty(), JobState.SUCCESS, clock.instant(), OptionalLong.of(500),
        OptionalInt.of(0), Optional.of("1"), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(sample, delay));
    boolean applied = runner.store().inOneStatement(tx -> tx.jobs().finish(applies));
    List<StatsRepository.Stat> stats = runner.store().read(tx -> tx.stats().all());
    assertThat(applied).isTrue();
    assertThat(stats).filteredOn(s -> s.status().equals("success"))
        .extracting(StatsRepository.Stat::kind, StatsRepository.Stat::samples)
        .containsExactlyInAnyOrder(Tuple.tuple("run", 1L),
            Tuple.tuple("delay", 1L));
    assertThat(job(second).state()).isEqualTo(JobState.SUCCESS);
  }

  @Test
  void the_reaper_spares_a_job_that_still_pings() {
    push("# result 1");
    UUID id = run("{}");
    claimAs("slow");
    clock.set(t("11:00:50"));
    runner.store().inTransaction(tx -> {
      tx.jobs().ping(List.of(id), clock.instant());
      return null;
    });
    clock.set(t("11:01:40"));
    assertThat(runner.reap()).isZero();
    assertThat(job(id).state()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void the_reaper_requeues_an_idempotent_job_up_to_the_restart_limit() {
    push(NewScript.of(SCRIPT, Language.PYTHON3, "# result 1").withIdempotent(true));
    UUID id = run("{}");
    for (int restart = 1; restart <= 3; restart++) {
      claimAs("ghost" + restart);
      clock.advance(Duration.ofSeconds(61));
      assertThat(runner.reap()).isEqualTo(1);
      Job requeued = job(id);
      assertThat(requeued.state()).isEqualTo(JobState.QUEUED);
      assertThat(requeued.attempt()).isEqualTo(restart + 1);
      assertThat(requeued.worker()).isEmpty();
    }
    claimAs("ghost4");
    clock.advance(Duration.ofSeconds(61));
    runner.reap();
    assertThat(job(id).state()).isEqualTo(JobState.FAILURE);
    assertThat(job(id).error().orElseThrow()).endsWith("restart limit of 3 reached; job failed");
    assertThat(logs(runner, id)).contains("(restart 1 of 3)", "(restart 3 of 3)");
  }

  @Test
  void a_reaped_occurrence_is_followed_by_the_next_slot() {
    push("# result 1");
    createEvery5s();
    clock.set(t("11:00:05"));
    claimAs("ghost");
    clock.set(t("11:01:06"));
    runner.reap();
    assertThat(queued()).singleElement().extracting(Job::scheduledFor).isEqualTo(t("11:01:10"));
    assertThat(runner.schedule(WS, EVERY_5S).skippedCount()).isEqualTo(12);
  }

  @Test
  void a_restarted_worker_settles_its_own_orphans() {
    push("# result 1");
    UUID id = run("{}");
    claimAs("test-worker");
    runner.start();
    runner.stop();
    Job settled = job(id);
    assertThat(settled.state()).isEqualTo(JobState.FAILURE);
    assertThat(settled.error())
        .contains("worker test-worker restarted while the job was running; job failed");
  }

  // Retention.

  @Test
  void retention_deletes_old_finished_jobs_with_their_logs_and_keeps_the_rest() {
    push("# log kept for a week");
    UUID old = run("{}");
    runAt("11:00:02");
    clock.set(t("11:00:03").plus(Duration.ofDays(8)));
    UUID recent = run("{}");
    runner.runDueJobs();
    UUID waiting = runner.runScript(WS, SCRIPT, Json.object(), ADMIN,
        clock.instant().plus(Duration.ofDays(30)));
    assertThat(runner.applyRetention()).isEqualTo(1);
    assertThatThrownBy(() -> job(old)).isInstanceOf(NotFoundException.class);
    long oldLog = runner.store().read(tx -> tx.logs().length(old));
    assertThat(oldLog).isZero();
    assertThat(job(recent).state()).isEqualTo(JobState.SUCCESS);
    assertThat(logs(runner, recent)).isEqualTo("kept for a week\n");
    assertThat(job(waiting).state()).isEqualTo(JobState.QUEUED);
  }

  // Metrics.

  @Test
  void metrics_come_from_the_database_so_every_process_reports_the_same() throws Exception {
    push("# advance 2");
    createEvery5s();
    runAt("11:00:05.2");
    runAt("11:00:10.0");
    push(NewScript.of(ScriptPath.of("f/ops/broken"), Language.BASH, "# fail no"));
    clock.set(t("11:00:13"));
    runner.runScript(WS, ScriptPath.of("f/ops/broken"), Json.object(), ADMIN);
    runner.runDueJobs();
    runner.runScript(WS, SCRIPT, Json.object(), ADMIN, t("11:05:00"));
    Runner server = open(clock, b -> b.workerSlots(0));
    String expected = new String(getClass().getResourceAsStream("/job-metrics.txt")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(MetricsText.render(runner.metrics())).isEqualTo(expected);
    assertThat(MetricsText.render(server.metrics())).isEqualTo(expected);
  }

  // Storage details.

  @Test
  void the_default_workspace_exists_and_others_can_be_made() {
    assertThat(runner.workspaces()).containsExactly("demo");
    runner.createWorkspace("ops", "Operations");
    assertThat(runner.workspaces()).containsExactly("demo", "ops");
    assertThatThrownBy(() -> runner.createWorkspace("ops", "again"))
        .isInstanceOf(ConflictException.class).hasMessage("workspace ops already exists");
    assertBadRequest(() -> runner.createWorkspace("Ops!", ""),
        "invalid workspace id 'Ops!': use 1 to 50 lowercase letters, digits, '_' and '-'");
  }

  @Test
  void a_job_belongs_to_one_workspace() {
    push("# result 1");
    UUID id = run("{}");
    runner.createWorkspace("ops", "");
    assertThatThrownBy(() -> runner.job("ops", id)).isInstanceOf(NotFoundException.class);
    Set<UUID> demo = new HashSet<>(ids(JobQuery.all()));
    assertThat(demo).containsExactly(id);
    assertThat(runner.jobs("ops", JobQuery.all())).isEmpty();
  }
  // A started runner, on the real clock.

  @Test
  void a_started_runner_runs_a_one_second_schedule_until_it_is_disabled() {
    Runner live = open(Clock.systemUTC(), b -> b.workerName("live"));
    ScriptPath everySecond = ScriptPath.of("u/admin/every_second");
    live.createScript(WS, NewScript.of(SCRIPT, Language.PYTHON3, "# env"), ADMIN);
    live.createSchedule(WS, NewSchedule.of(everySecond, SCRIPT, "* * * * * *", "Etc/UTC"),
        ADMIN);
    live.start();
    await().atMost(Duration.ofSeconds(15)).until(() -> successes(live).size() >= 3);
    live.setScheduleEnabled(WS, everySecond, false, ADMIN);
    Instant disabledAt = Instant.now();
    List<Job> before = live.jobs(WS, JobQuery.all().withPage(1, 1000));
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
        .until(() -> live.jobs(WS, JobQuery.all().withPage(1, 1000)).size() == before.size());
    List<Job> all = live.jobs(WS, JobQuery.all().withPage(1, 1000));
    assertThat(all).allSatisfy(j -> assertThat(j.startedAt().orElseThrow()).isBefore(disabledAt));
    assertThat(all).extracting(Job::scheduledFor).doesNotHaveDuplicates();
    assertThat(successes(live)).allSatisfy(j -> assertThat(
        j.result().orElseThrow().get("WM_JOB_PATH").asText()).isEqualTo(SCRIPT.value()));
    live.stop();
  }

  private static List<Job> successes(Runner r) {
    return r.jobs(WS, JobQuery.all().withSuccess(true).withPage(1, 1000));
  }

  @Test
  void a_job_running_in_another_process_is_canceled_through_its_flag() {
    Runner worker = open(Clock.systemUTC(), b -> b.workerName("busy"));
    Runner api = open(Clock.systemUTC(), b -> b.workerSlots(0));
    api.createScript(WS, NewScript.of(SCRIPT, Language.PYTHON3,
        "# log started\n# until-canceled"), ADMIN);
    worker.start();
    UUID id = api.runScript(WS, SCRIPT, Json.object(), ADMIN);
    awaitState(api, id, JobState.RUNNING);
    await().atMost(Duration.ofSeconds(5)).until(() -> logs(api, id).equals("started\n"));
    assertThat(api.job(WS, id).state()).isEqualTo(JobState.RUNNING);
    api.cancelJob(WS, id, ADMIN, "enough");
    Job done = api.awaitJob(WS, id, Duration.ofSeconds(10));
    assertThat(done.state()).isEqualTo(JobState.CANCELED);
    assertThat(done.canceledBy()).contains("admin");
    assertThat(done.canceledReason()).contains("enough");
    assertThat(logs(api, id)).isEqualTo("started\njob canceled\n");
    worker.stop();
  }

  @Test
  void a_started_worker_runs_a_job_at_once_and_reports_its_heartbeat() {
    Runner live = open(Clock.systemUTC(), b -> b.workerName("quick"));
    live.createScript(WS, NewScript.of(SCRIPT, Language.PYTHON3, "# result 42"), ADMIN);
    live.start();
    UUID id = live.runScript(WS, SCRIPT, Json.object(), ADMIN);
    Job done = live.awaitJob(WS, id, Duration.ofSeconds(10));
    assertThat(done.state()).isEqualTo(JobState.SUCCESS);
    assertThat(live.result(WS, id)).contains(Json.parse("42"));
    assertThat(live.workers()).singleElement().satisfies(w -> {
      assertThat(w.name()).isEqualTo("quick");
      assertThat(w.alive()).isTrue();
      assertThat(w.slots()).isEqualTo(2);
    });
    assertThat(MetricsText.render(live.metrics())).contains("pushmill_workers 1\n");
    live.stop();
    assertThat(live.workers()).isEmpty();
  }
}
