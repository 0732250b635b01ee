package io.pushmill.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.RuntimeConfig;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.ScriptPath;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Python, bash and Java jobs through the runner, with the language runtimes of this machine. */
class RealScriptsIT {
  private static final String WS = "demo";
  private static final Actor ADMIN = new Actor("admin", "admin@example.com");

  @TempDir
  Path dir;

  private Runner runner;

  @BeforeEach
  void start() {
    RuntimeConfig runtimeConfig = RuntimeConfig.defaults()
        .withCacheDir(dir.resolve("cache")).withJobsDir(dir.resolve("jobs"))
        .withGracePeriod(Duration.ofMillis(500));
    Map<Language, LanguageRuntime> runtimes = LanguageRuntimes.create(runtimeConfig).all()
        .stream().collect(Collectors.toMap(LanguageRuntime::language, r -> r));
    runner = TestRunners.create(TestRunners.h2MemoryUrl(), runtimes, Clock.systemUTC(), b -> b);
    runner.start();
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private Job runAndWait(ScriptPath path, String args) {
    UUID id = runner.runScript(WS, path, Json.parse(args), ADMIN);
    return runner.awaitJob(WS, id, Duration.ofSeconds(60));
  }

  @Test
  void the_tutorials_script_pushes_to_a_gateway_under_its_job_path() throws Exception {
    List<String> pushes = new CopyOnWriteArrayList<>();
    HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext("/", exchange -> {
      pushes.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    gateway.start();
    try {
      ScriptPath script = ScriptPath.of("u/admin/random_number_metric_script");
      runner.createScript(WS, NewScript.of(script, Language.PYTHON3, """
          import os
          import random
          from prometheus_client import CollectorRegistry, Gauge, push_to_gateway

          def main(gateway: str):
              registry = CollectorRegistry()
              gauge = Gauge("random_number", "A random number", registry=registry)
              gauge.set(random.random())
              push_to_gateway(gateway, job=os.environ["WM_JOB_PATH"], registry=registry)
              return os.environ["WM_JOB_PATH"]
          """), ADMIN);
      ScriptPath schedule = ScriptPath.of("u/admin/every_second");
      String address = "127.0.0.1:" + gateway.getAddress().getPort();
      runner.createSchedule(WS, NewSchedule.of(schedule, script, "* * * * * *", "Etc/UTC")
          .withArgs((com.fasterxml.jackson.databind.node.ObjectNode)
              Json.parse("{\"gateway\":\"" + address + "\"}")), ADMIN);
      await().atMost(Duration.ofSeconds(60)).until(() -> pushes.size() >= 3);
      runner.setScheduleEnabled(WS, schedule, false, ADMIN);
      String encoded = Base64.getUrlEncoder().encodeToString(
          script.value().getBytes(StandardCharsets.UTF_8));
      assertThat(pushes).allSatisfy(p -> assertThat(p)
          .isIn("PUT /metrics/job@base64/" + encoded, "PUT /metrics/job@base64/"
              + encoded.replace("=", "")));
      List<Job> runs = runner.jobs(WS, JobQuery.all().withSuccess(true));
      assertThat(runs).isNotEmpty().allSatisfy(j ->
          assertThat(j.result().orElseThrow().asText()).isEqualTo(script.value()));
    } finally {
      gateway.stop(0);
    }
  }

  @Test
  void bash_and_java_scripts_run_with_args_and_return_their_results() {
    ScriptPath bash = ScriptPath.of("u/admin/greet");
    runner.createScript(WS, NewScript.of(bash, Language.BASH, """
        name="$1"
        count="${2:-3}"
        echo "hello $name"
        echo "{\\"name\\":\\"$name\\",\\"count\\":$count}" > result.json
        """), ADMIN);
    Job greeted = runAndWait(bash, "{\"name\":\"world\"}");
    assertThat(greeted.state()).isEqualTo(JobState.SUCCESS);
    assertThat(Json.write(greeted.result().orElseThrow()))
        .isEqualTo("{\"name\":\"world\",\"count\":3}");
    assertThat(runner.logs(WS, greeted.id(), 0).text()).contains("hello world");

    ScriptPath java = ScriptPath.of("u/admin/double");
    runner.createScript(WS, NewScript.of(java, Language.JAVA, """
        public class Double {
          public static Object main(String name, int n) {
            return java.util.Map.of("name", name, "twice", n * 2);
          }
        }
        """), ADMIN);
    Job doubled = runAndWait(java, "{\"name\":\"x\",\"n\":21}");
    assertThat(doubled.state()).isEqualTo(JobState.SUCCESS);
    assertThat(doubled.result().orElseThrow().get("twice").asInt()).isEqualTo(42);
  }

  @Test
  void a_timeout_ends_the_whole_process_tree() throws Exception {
    Path pids = dir.resolve("pids");
    ScriptPath script = ScriptPath.of("u/admin/sleepy");
    runner.createScript(WS, NewScript.of(script, Language.BASH, """
        out="$1"
        sleep 60 & echo $! >> "$out"
        (sleep 60 & echo $! >> "$out"; wait) &
        wait
        """).withTimeout(Duration.ofSeconds(2)), ADMIN);
    Job done = runAndWait(script, "{\"out\":\"" + pids + "\"}");
    assertThat(done.state()).isEqualTo(JobState.CANCELED);
    assertThat(done.canceledBy()).contains("timeout");
    assertThat(done.canceledReason()).contains("duration > 2");
    List<Long> children = Files.readAllLines(pids).stream().map(Long::parseLong).toList();
    assertThat(children).hasSize(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> children.stream()
        .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
  }

  @Test
  void a_running_job_is_canceled_and_keeps_its_log() {
    ScriptPath script = ScriptPath.of("u/admin/long");
    runner.createScript(WS, NewScript.of(script, Language.BASH, "echo started\nsleep 60\n"),
        ADMIN);
    UUID id = runner.runScript(WS, script, Json.object(), ADMIN);
    await().atMost(Duration.ofSeconds(20))
        .until(() -> runner.logs(WS, id, 0).text().contains("started"));
    runner.cancelJob(WS, id, ADMIN, "no longer needed");
    Job done = runner.awaitJob(WS, id, Duration.ofSeconds(20));
    assertThat(done.state()).isEqualTo(JobState.CANCELED);
    assertThat(done.canceledReason()).contains("no longer needed");
    assertThat(runner.logs(WS, id, 0).text()).startsWith("started\n").endsWith("job canceled\n");
  }
}
