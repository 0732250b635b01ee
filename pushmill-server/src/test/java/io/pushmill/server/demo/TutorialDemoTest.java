package io.pushmill.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.Runner;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.Script;
import io.pushmill.server.api.auth.Principal;
import io.pushmill.server.testing.ApiFixture;
import io.pushmill.server.testing.ScriptedRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo {@code up} installs: the tutorial's script and schedule, once, and the variable. */
class TutorialDemoTest {
  /** The tutorial's script exactly as the tutorial prints it (also what WindmillCliIT pushes). */
  private static final Path TUTORIAL_SCRIPT =
      Path.of("src/test/wmill/root/u/admin/random_number_metric_script.py");

  @TempDir Path dir;
  private Runner runner;

  @BeforeEach
  void open() {
    runner = Runner.create(RunnerConfig.builder().dataDir(dir).workerSlots(0)
        .workerEnvironment(ApiFixture.WORKER_ENV).build(), ScriptedRuntime.all());
  }

  @AfterEach
  void close() {
    runner.close();
  }

  @Test
  void the_script_is_the_tutorials_code_except_the_gateway_address_from_the_environment()
      throws IOException {
    List<String> tutorial = Files.readAllLines(TUTORIAL_SCRIPT);
    List<String> demo = TutorialDemo.source().lines().toList();

    assertThat(demo).hasSameSizeAs(tutorial);
    for (int i = 0; i < demo.size(); i++) {
      if (tutorial.get(i).startsWith("PROMETHEUS_GATEWAY_URL = ")) {
        assertThat(tutorial.get(i)).isEqualTo("PROMETHEUS_GATEWAY_URL = \"prometheus_gateway:9091\"");
        assertThat(demo.get(i)).isEqualTo("PROMETHEUS_GATEWAY_URL = "
            + "os.environ.get(\"PROMETHEUS_GATEWAY_URL\", \"prometheus_gateway:9091\")");
      } else {
        assertThat(demo.get(i)).as("line %d", i + 1).isEqualTo(tutorial.get(i));
      }
    }
  }

  @Test
  void the_first_install_creates_the_script_the_schedule_every_5_seconds_and_the_variable() {
    TutorialDemo.Installed installed = TutorialDemo.install(runner, "http://127.0.0.1:9091");

    assertThat(installed).isEqualTo(
        new TutorialDemo.Installed(true, true, true, "http://127.0.0.1:9091"));
    Script script = runner.script("demo", TutorialDemo.SCRIPT);
    assertThat(script.language()).isEqualTo(Language.PYTHON3);
    assertThat(script.content()).isEqualTo(TutorialDemo.source());
    assertThat(script.timeout()).contains(Duration.ofSeconds(10));
    Schedule schedule = runner.schedule("demo", TutorialDemo.SCHEDULE);
    assertThat(schedule.scriptPath()).isEqualTo(TutorialDemo.SCRIPT);
    assertThat(schedule.cron()).isEqualTo("*/5 * * * * *");
    assertThat(schedule.enabled()).isTrue();
    assertThat(runner.variables("demo"))
        .containsEntry("PROMETHEUS_GATEWAY_URL", "http://127.0.0.1:9091");
  }

  @Test
  void a_second_install_duplicates_nothing_keeps_the_users_edits_and_updates_the_address() {
    TutorialDemo.install(runner, "http://127.0.0.1:9091");
    runner.createScript("demo", NewScript.of(TutorialDemo.SCRIPT, Language.PYTHON3,
        "def main():\n    return 1\n"), Principal.ADMIN);
    runner.setScheduleEnabled("demo", TutorialDemo.SCHEDULE, false, Principal.ADMIN);

    TutorialDemo.Installed again = TutorialDemo.install(runner, "http://127.0.0.1:19091");

    assertThat(again).isEqualTo(
        new TutorialDemo.Installed(false, false, false, "http://127.0.0.1:19091"));
    assertThat(runner.scriptVersions("demo", TutorialDemo.SCRIPT)).hasSize(2);
    assertThat(runner.script("demo", TutorialDemo.SCRIPT).content())
        .isEqualTo("def main():\n    return 1\n");
    assertThat(runner.schedules("demo", ListQuery.all())).hasSize(1);
    assertThat(runner.variables("demo"))
        .containsEntry("PROMETHEUS_GATEWAY_URL", "http://127.0.0.1:19091");
  }

  @Test
  void an_archived_script_is_not_brought_back() {
    TutorialDemo.install(runner, "http://127.0.0.1:9091");
    runner.archiveScript("demo", TutorialDemo.SCRIPT);

    TutorialDemo.Installed again = TutorialDemo.install(runner, "http://127.0.0.1:9091");

    assertThat(again.scriptCreated()).isFalse();
    assertThat(runner.script("demo", TutorialDemo.SCRIPT).archived()).isTrue();
  }
}
