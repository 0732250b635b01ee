package io.pushmill.server.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.Runner;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.server.cli.ApiClient;
import io.pushmill.server.testing.ApiFixture;
import io.pushmill.server.testing.ScriptedRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (here SIGTERM, which takes the same path) stops {@code pushmill up} cleanly: a running job
 * that ends within {@code --job.shutdown-grace} finishes, one that does not is ended and marked
 * canceled, and the process exits with 0.
 */
class UpStopIT {
  private static final String TOKEN = "up-stop-it-admin-token";
  @TempDir Path dir;

  @Test
  void a_signal_lets_running_jobs_finish_within_the_grace_and_marks_the_rest() throws Exception {
    String quick;
    String slow;
    try (PushmillUp up = PushmillUp.start(dir, TOKEN,
        List.of("--no-demo", "--job.shutdown-grace=3s"))) {
      ApiClient api = new ApiClient(up.api(), TOKEN, "demo");
      api.post("scripts/create", Json.object().put("path", "u/admin/quick")
          .put("language", "bash").put("content", "sleep 1\necho finished\n"));
      api.post("scripts/create", Json.object().put("path", "u/admin/slow")
          .put("language", "bash").put("content", "sleep 60\n"));
      quick = api.post("jobs/run/p/u/admin/quick", Json.object());
      slow = api.post("jobs/run/p/u/admin/slow", Json.object());
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
          api.getJson("jobs_u/get/" + quick).path("running").asBoolean()
              && api.getJson("jobs_u/get/" + slow).path("running").asBoolean());

      assertThat(up.stop(Duration.ofSeconds(30))).as(up.output()).isZero();
    }

    try (Runner reopened = Runner.create(RunnerConfig.builder().dataDir(dir.resolve("data"))
        .workerSlots(0).workerEnvironment(ApiFixture.WORKER_ENV).build(), ScriptedRuntime.all())) {
      assertThat(reopened.job("demo", UUID.fromString(quick)).state())
          .isEqualTo(JobState.SUCCESS);
      assertThat(reopened.job("demo", UUID.fromString(slow)).state())
          .isEqualTo(JobState.CANCELED);
    }
  }
}
