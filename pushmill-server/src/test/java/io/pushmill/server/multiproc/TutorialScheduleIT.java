package io.pushmill.server.multiproc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.RunnerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial on one {@code pushmill server} with two job slots on the default H2 database: the
 * tutorial's Python script, pushed through the API and scheduled every 5 s, runs at least 3 times
 * in 16 s with {@code WM_JOB_PATH} set to its path and pushes to the server's own gateway, which
 * then shows the value the last run printed; after the schedule is disabled, no run starts. The
 * gateway's address reaches the script as the workspace variable {@code PROMETHEUS_GATEWAY_URL}
 * (the API has no route for variables yet, so it is stored through the runner before the server
 * opens the database).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TutorialScheduleIT {
  static final String TOKEN = "tutorial-admin-token-0123456789";
  static final String SCRIPT = "u/admin/random_number_metric_script";
  static final String SCHEDULE = "u/admin/random_number_metric_schedule";
  static final Duration INTERVAL = Duration.ofSeconds(5);
  static final Path TUTORIAL =
      Path.of("src/test/wmill/root/u/admin/random_number_metric_script.py");
  static final Pattern PRINTED = Pattern.compile("Storing metrics value:\\s+(\\d+)");

  @TempDir static Path dir;
  static JarProcess server;
  static RunnerApi api;
  static Gateway gateway;
  static Instant scheduled;

  @BeforeAll
  static void start_the_server() {
    for (int attempt = 1; server == null; attempt++) {
      int port = freePort();
      setGatewayVariable(port);
      JarProcess p = JarProcess.start("tutorial-server", dir.resolve("cwd"), List.of("server",
          "--data-dir=" + dir.resolve("data"), "--worker.slots=2",
          "--web.listen-address=127.0.0.1:" + port, "--api.listen-address=127.0.0.1:0"),
          Map.of("PUSHMILL_ADMIN_TOKEN", TOKEN));
      try {
        server = p.awaitStarted(Duration.ofSeconds(60));
      } catch (IllegalStateException e) {
        p.close();
        if (attempt == 3 || !p.log().contains("already in use")) {
          throw e;
        }
      }
    }
    api = new RunnerApi(server.apiUrl(), TOKEN);
    gateway = new Gateway(server.gatewayAddress());
  }

  @AfterAll
  static void stop_the_server() {
    if (server != null) {
      server.close();
    }
  }

  /** The workspace variable the script reads, stored before the server opens the database. */
  static void setGatewayVariable(int port) {
    RunnerConfig config = RunnerConfig.builder().dataDir(dir.resolve("data")).workerSlots(0)
        .workerEnvironment(Map.of()).build();
    try (Runner runner = Runner.create(config, Map.of())) {
      runner.setVariable("demo", "PROMETHEUS_GATEWAY_URL", "127.0.0.1:" + port);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tutorial's script, its gateway address read from the environment. */
  static String tutorialScript() throws IOException {
    String script = Files.readString(TUTORIAL);
    String literal = "PROMETHEUS_GATEWAY_URL = \"prometheus_gateway:9091\"";
    assertThat(script).contains(literal);
    return script.replace(literal,
        "PROMETHEUS_GATEWAY_URL = os.environ[\"PROMETHEUS_GATEWAY_URL\"]");
  }

  @Test
  @Order(1)
  void scheduled_every_5_s_the_script_runs_3_times_in_16_s_and_pushes_with_its_path_as_job()
      throws IOException {
    api.createScript(SCRIPT, "python3", tutorialScript(), false);
    api.runAndWait(SCRIPT); // a first run prepares the script's environment
    gateway.deleteGroup(SCRIPT);
    scheduled = Instant.now();
    api.createSchedule(SCHEDULE, SCRIPT, "*/5 * * * * *");
    Pause.until(scheduled.plusSeconds(16));

    List<JsonNode> runs = api.jobsOfSchedule(SCHEDULE).stream()
        .filter(j -> j.has("started_at"))
        .filter(j -> Instant.parse(j.get("started_at").asText())
            .isBefore(scheduled.plusSeconds(16)))
        .toList();
    System.out.println(runs.size() + " scheduled runs started in 16 s");
    assertThat(runs).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode run : runs) {
      String id = run.get("id").asText();
      Pause.until(() -> api.job(id).has("success"), Duration.ofSeconds(20), id + " ends");
      assertThat(api.job(id).get("success").asBoolean()).as(api.logs(id)).isTrue();
      assertThat(api.logs(id)).containsPattern(PRINTED);
    }
    // Every run pushed (push_to_gateway raises otherwise) to the group its WM_JOB_PATH named.
    assertThat(gateway.jobLabels("job_records_processed")).containsExactly(SCRIPT);
    assertThat(gateway.scrape()).contains(
        "# HELP job_records_processed Number of records processed for " + SCRIPT + "\n");
  }

  @Test
  @Order(2)
  void after_disabling_no_new_run_starts_and_the_gateway_keeps_the_last_value() {
    api.setEnabled(SCHEDULE, false);
    Instant disabled = Instant.now();
    Pause.of(INTERVAL.multipliedBy(2));

    List<JsonNode> runs = api.jobsOfSchedule(SCHEDULE);
    assertThat(runs).hasSizeGreaterThanOrEqualTo(3).allSatisfy(run -> {
      assertThat(run.get("type").asText()).isEqualTo("CompletedJob");
      assertThat(Instant.parse(run.get("started_at").asText())).isBefore(disabled);
    });
    JsonNode last = runs.getFirst();
    Matcher printed = PRINTED.matcher(api.logs(last.get("id").asText()));
    assertThat(printed.find()).isTrue();
    assertThat(gateway.value("job_records_processed", SCRIPT))
        .isEqualTo(Double.parseDouble(printed.group(1)));
  }
}
