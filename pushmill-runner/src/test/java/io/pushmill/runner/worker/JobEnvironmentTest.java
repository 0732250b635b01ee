package io.pushmill.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobKind;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ScriptPath;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {
  private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
  private static final Instant NOW = Instant.parse("2026-11-25T11:00:05.123Z");

  private final JobEnvironment environment = new JobEnvironment(
      Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8",
          "SECRET_OF_THE_WORKER", "s3cr3t", "JAVA_HOME", "/opt/jdk"),
      "https://pushmill.example", "http://127.0.0.1:8000", "default",
      job -> "token-for-" + job.id(), Clock.fixed(NOW, ZoneOffset.UTC));

  private static Job job(Optional<ScriptPath> schedule, String createdBy) {
    return new Job(ID, "demo", JobKind.SCRIPT, ScriptPath.of("u/admin/random_number_metric_script"),
        "0123456789abcdef", Language.PYTHON3, schedule, Json.object(), JobState.RUNNING,
        Instant.parse("2026-11-25T11:00:05Z"), NOW, createdBy, "u/admin", "admin@example.com",
        Optional.of(NOW), Optional.empty(), OptionalLong.empty(), OptionalInt.empty(),
        Optional.empty(), Optional.empty(), Optional.of("w1"), 1, false, Optional.empty(),
        Optional.empty(), Optional.of(NOW));
  }

  @Test
  void a_scheduled_job_gets_windmills_contextual_variables() {
    Map<String, String> env = environment.build(
        job(Optional.of(ScriptPath.of("u/admin/every_5s")), "schedule-u-admin-every_5s"),
        Map.of());
    assertThat(env).contains(
        entry("WM_JOB_PATH", "u/admin/random_number_metric_script"),
        entry("WM_JOB_ID", ID.toString()),
        entry("WM_SCHEDULE_PATH", "u/admin/every_5s"),
        entry("WM_SCHEDULED_FOR", "2026-11-25T11:00:05Z"),
        entry("WM_WORKSPACE", "demo"),
        entry("WM_PERMISSIONED_AS", "u/admin"),
        entry("WM_USERNAME", "schedule-u-admin-every_5s"),
        entry("WM_EMAIL", "admin@example.com"),
        entry("WM_BASE_URL", "https://pushmill.example"),
        entry("BASE_INTERNAL_URL", "http://127.0.0.1:8000"),
        entry("WM_TOKEN", "token-for-" + ID),
        entry("WM_STATE_PATH", "u/admin/random_number_metric_script/schedule-u-admin-every_5s"),
        entry("WM_OBJECT_PATH", "u_admin_random_number_metric_script/u_admin_every_5s/"
            + NOW.toEpochMilli() + "_" + ID),
        entry("WM_WORKER_GROUP", "default"),
        entry("WM_FLOW_JOB_ID", ""));
  }

  @Test
  void a_manual_run_has_an_empty_schedule_path_and_the_user_trigger() {
    Map<String, String> env = environment.build(job(Optional.empty(), "admin"), Map.of());
    assertThat(env).contains(entry("WM_SCHEDULE_PATH", ""), entry("WM_USERNAME", "admin"),
        entry("WM_STATE_PATH", "u/admin/random_number_metric_script/user"));
    assertThat(env.get("WM_OBJECT_PATH")).startsWith("u_admin_random_number_metric_script/manual/");
  }

  @Test
  void only_path_home_and_the_locale_come_from_the_worker() {
    Map<String, String> env = environment.build(job(Optional.empty(), "admin"), Map.of());
    assertThat(env).contains(entry("PATH", "/usr/bin:/bin"), entry("HOME", "/root"),
        entry("LANG", "C.UTF-8"), entry("LC_ALL", "C.UTF-8"));
    assertThat(env).doesNotContainKeys("SECRET_OF_THE_WORKER", "JAVA_HOME");
  }

  @Test
  void workspace_variables_are_added_but_cannot_replace_a_contextual_one() {
    Map<String, String> env = environment.build(job(Optional.empty(), "admin"),
        Map.of("PUSHGATEWAY_URL", "http://gw:9091", "WM_JOB_PATH", "forged"));
    assertThat(env).contains(entry("PUSHGATEWAY_URL", "http://gw:9091"),
        entry("WM_JOB_PATH", "u/admin/random_number_metric_script"));
  }
}
