package io.pushmill.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobKind;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.LogSlice;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the contract suite: each test gets a fresh database from the subclass, a runner on
 * it with fake runtimes and a settable clock, and helpers to push scripts and read jobs.
 */
abstract class RunnerFixture {
  static final String WS = "demo";
  static final Actor ADMIN = new Actor("admin", "admin@example.com");
  static final ScriptPath SCRIPT = ScriptPath.of("u/admin/random_number_metric_script");
  static final ScriptPath EVERY_5S = ScriptPath.of("u/admin/every_5s");

  final SettableClock clock = new SettableClock(t("11:00:01"));
  final FakeRuntime python = new FakeRuntime(Language.PYTHON3, Optional.of(clock));
  final FakeRuntime bash = new FakeRuntime(Language.BASH, Optional.of(clock));
  private final List<Runner> opened = new ArrayList<>();
  String databaseUrl;
  Runner runner;

  /** A new, empty database for one test. */
  protected abstract String newDatabaseUrl();

  static Instant t(String hms) {
    return Instant.parse("2026-11-25T" + hms + "Z");
  }

  @BeforeEach
  void openRunner() {
    databaseUrl = newDatabaseUrl();
    runner = open(clock, b -> b);
  }

  @AfterEach
  void closeRunners() {
    opened.forEach(Runner::close);
  }

  Runner open(Clock c, UnaryOperator<RunnerConfig.Builder> tweak) {
    Map<Language, LanguageRuntime> runtimes = new EnumMap<>(Language.class);
    runtimes.put(Language.PYTHON3, python);
    runtimes.put(Language.BASH, bash);
    Runner r = TestRunners.create(databaseUrl, runtimes, c, tweak);
    opened.add(r);
    return r;
  }

  Script push(String content) {
    return push(NewScript.of(SCRIPT, Language.PYTHON3, content));
  }

  Script push(NewScript script) {
    return runner.createScript(WS, script, ADMIN);
  }

  UUID run(String args) {
    return runner.runScript(WS, SCRIPT, Json.parse(args), ADMIN);
  }

  Job job(UUID id) {
    return runner.job(WS, id);
  }

  List<Job> jobs(JobQuery query) {
    return runner.jobs(WS, query.withPage(1, 1000));
  }

  List<Job> allJobs() {
    return jobs(JobQuery.all());
  }

  int runAt(String hms) {
    clock.set(t(hms));
    return runner.runDueJobs();
  }

  /** A job of the pushed script, queued now and claimed at 11:00:02 by {@code worker}. */
  UUID claimedBy(String worker) {
    UUID id = run("{}");
    clock.set(t("11:00:02"));
    claimAs(worker);
    return id;
  }

  /** Claims due jobs as another (imaginary) worker, as if it then died. */
  List<Job> claimAs(String worker) {
    return runner.store().inTransaction(tx -> tx.jobs().claim(worker, clock.instant(), 10));
  }

  Schedule createEvery5s() {
    return runner.createSchedule(WS, NewSchedule.of(EVERY_5S, SCRIPT, "*/5 * * * * *", "Etc/UTC"),
        ADMIN);
  }

  List<Job> queued() {
    return jobs(JobQuery.all().withRunning(false));
  }

  static ObjectNode object(String json) {
    return (ObjectNode) Json.parse(json);
  }

  static Set<JobKind> scriptKind() {
    return Set.of(JobKind.SCRIPT);
  }

  static void assertNothingStored(Runner r) {
    assertThat(r.jobs(WS, JobQuery.all())).isEmpty();
    assertThat(r.schedules(WS, ListQuery.all())).isEmpty();
  }

  static void awaitState(Runner r, UUID id, JobState state) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
        .until(() -> r.job(WS, id).state() == state);
  }

  static String logs(Runner r, UUID id) {
    LogSlice slice = r.logs(WS, id, 0);
    return slice.text();
  }

  static void assertBadRequest(Runnable action, String message) {
    assertThatThrownBy(action::run).isInstanceOf(BadRequestException.class).hasMessage(message);
  }
}
