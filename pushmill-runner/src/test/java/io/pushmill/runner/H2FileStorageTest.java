package io.pushmill.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.ScriptPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default storage: an H2 file in the data directory, which outlives the process. */
class H2FileStorageTest {
  private static final Actor ADMIN = new Actor("admin", "admin@example.com");
  private static final ScriptPath SCRIPT = ScriptPath.of("u/admin/random_number_metric_script");

  @TempDir
  Path dir;

  private Runner open(SettableClock clock) {
    RunnerConfig config = TestRunners.config("unused").dataDir(dir.resolve("data")).build();
    return Runner.create(config, FakeRuntime.all(Optional.of(clock)), clock);
  }

  @Test
  void scripts_schedules_and_jobs_survive_a_restart_in_the_data_directory() {
    SettableClock clock = new SettableClock(Instant.parse("2026-11-25T11:00:01Z"));
    String hash;
    try (Runner first = open(clock)) {
      hash = first.createScript("demo",
          NewScript.of(SCRIPT, Language.PYTHON3, "# result 1"), ADMIN).hash();
      first.createSchedule("demo", NewSchedule.of(ScriptPath.of("u/admin/every_5s"), SCRIPT,
          "*/5 * * * * *", "Etc/UTC"), ADMIN);
      first.runScript("demo", SCRIPT, Json.object(), ADMIN);
    }
    assertThat(Files.exists(dir.resolve("data/runner.mv.db"))).isTrue();
    try (Runner second = open(clock)) {
      assertThat(second.script("demo", SCRIPT).hash()).isEqualTo(hash);
      assertThat(second.jobs("demo", JobQuery.all())).hasSize(2)
          .extracting(Job::state).allMatch(s -> s.id().equals("queued"));
      assertThat(second.schedule("demo", ScriptPath.of("u/admin/every_5s")).nextRunAt())
          .contains(Instant.parse("2026-11-25T11:00:05Z"));
    }
  }
}
