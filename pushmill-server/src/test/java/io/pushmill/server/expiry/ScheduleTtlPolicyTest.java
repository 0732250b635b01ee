package io.pushmill.server.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.runner.Runner;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.SettableClock;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.api.auth.Principal;
import io.pushmill.server.testing.ApiFixture;
import io.pushmill.server.testing.ScriptedRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which groups the runner's schedules give a TTL, and how the snapshot follows the schedules. */
class ScheduleTtlPolicyTest {
  private static final ScriptPath SCRIPT = ScriptPath.of("u/admin/records");
  @TempDir Path dir;
  private final SettableClock clock = new SettableClock(Instant.parse("2025-03-12T12:00:00Z"));
  private Runner runner;
  private ScheduleTtlPolicy policy;

  @BeforeEach
  void open() {
    runner = Runner.create(RunnerConfig.builder().dataDir(dir).workerSlots(0)
        .workerEnvironment(ApiFixture.WORKER_ENV).defaultTimeout(Duration.ofMinutes(15)).build(),
        ScriptedRuntime.all());
    policy = new ScheduleTtlPolicy(clock);
  }

  @AfterEach
  void close() {
    runner.close();
  }

  private void script(ScriptPath path, Optional<Duration> timeout) {
    NewScript s = NewScript.of(path, Language.BASH, "# log hi\n");
    runner.createScript("demo", timeout.map(s::withTimeout).orElse(s), Principal.ADMIN);
  }

  private void schedule(String path, ScriptPath script, String cron, boolean enabled) {
    runner.createSchedule("demo", NewSchedule.of(ScriptPath.of(path), script, cron, "Etc/UTC")
        .withEnabled(enabled), Principal.ADMIN);
  }

  @Test
  void a_group_whose_job_is_an_enabled_schedules_script_gets_twice_the_interval_plus_the_timeout() {
    script(SCRIPT, Optional.of(Duration.ofSeconds(10)));
    schedule("u/admin/every_5s", SCRIPT, "*/5 * * * * *", true);
    policy.bind(runner);

    assertThat(policy.ttlFor(GroupingKey.of("job", SCRIPT.value())))
        .contains(Duration.ofSeconds(20));
    assertThat(policy.ttlFor(GroupingKey.of("job", SCRIPT.value(), "instance", "host-1")))
        .as("other grouping labels do not matter").contains(Duration.ofSeconds(20));
    assertThat(policy.ttlFor(GroupingKey.of("job", "u/admin/other"))).isEmpty();
    assertThat(policy.ttlFor(GroupingKey.of("job", "batch", "script", SCRIPT.value()))).isEmpty();
  }

  @Test
  void a_script_without_a_timeout_counts_the_default_and_disabled_schedules_count_too() {
    ScriptPath daily = ScriptPath.of("u/admin/daily");
    ScriptPath unscheduled = ScriptPath.of("u/admin/unscheduled");
    script(SCRIPT, Optional.empty());
    script(daily, Optional.of(Duration.ofMinutes(1)));
    script(unscheduled, Optional.of(Duration.ofMinutes(1)));
    schedule("u/admin/every_minute", SCRIPT, "0 * * * * *", true);
    schedule("u/admin/daily_off", daily, "0 0 3 * * *", false);
    policy.bind(runner);

    assertThat(policy.ttls()).containsOnlyKeys(SCRIPT.value(), daily.value());
    assertThat(policy.ttlForJob(SCRIPT.value())).contains(Duration.ofMinutes(17));
    assertThat(policy.ttlForJob(daily.value())).contains(Duration.ofHours(48).plusMinutes(1));
  }

  @Test
  void a_script_run_by_several_schedules_gets_the_longest_ttl() {
    script(SCRIPT, Optional.of(Duration.ofSeconds(30)));
    schedule("u/admin/every_5s", SCRIPT, "*/5 * * * * *", true);
    schedule("u/admin/hourly", SCRIPT, "0 0 * * * *", true);
    policy.bind(runner);

    assertThat(policy.ttlForJob(SCRIPT.value())).contains(Duration.ofHours(2).plusSeconds(30));
  }

  @Test
  void no_opinion_before_the_runner_is_bound() {
    script(SCRIPT, Optional.of(Duration.ofSeconds(10)));
    schedule("u/admin/every_5s", SCRIPT, "*/5 * * * * *", true);

    assertThat(policy.ttlForJob(SCRIPT.value())).isEmpty();
  }

  @Test
  void a_push_after_the_snapshot_aged_refreshes_it_in_the_background() {
    script(SCRIPT, Optional.of(Duration.ofSeconds(10)));
    schedule("u/admin/every_5s", SCRIPT, "*/5 * * * * *", true);
    policy.bind(runner);
    runner.deleteSchedule("demo", ScriptPath.of("u/admin/every_5s"));

    assertThat(policy.ttlForJob(SCRIPT.value()))
        .as("a young snapshot is used as it is").contains(Duration.ofSeconds(20));
    clock.advance(Duration.ofSeconds(ScheduleTtlPolicy.REFRESH_SECONDS + 1));
    assertThat(policy.ttlForJob(SCRIPT.value()))
        .as("the push that finds it old gets the old answer").contains(Duration.ofSeconds(20));
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> policy.ttlForJob(SCRIPT.value()).isEmpty());
  }

  @Test
  void refresh_takes_in_a_new_schedule_at_once() {
    policy.bind(runner);
    script(SCRIPT, Optional.of(Duration.ofSeconds(10)));
    schedule("u/admin/every_5s", SCRIPT, "*/5 * * * * *", true);
    assertThat(policy.ttlForJob(SCRIPT.value())).isEmpty();

    policy.refresh();

    assertThat(policy.ttlForJob(SCRIPT.value())).contains(Duration.ofSeconds(20));
  }
}
