package io.pushmill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.RuntimeConfig;
import io.pushmill.runner.model.Json;
import io.pushmill.server.cli.ApiClient;
import io.pushmill.server.testing.ApiFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole processes as the commands assemble them, on one in-memory database. */
class PushmillProcessTest {
  static final Map<String, String> ENV = Map.of("PUSHMILL_ADMIN_TOKEN", "shared-admin-token");
  @TempDir Path dir;

  private PushmillProcess.Settings settings(String db, int slots, List<String> api,
      List<String> metrics, Optional<String> baseUrl) {
    RuntimeConfig rc = RuntimeConfig.defaults().withCacheDir(dir.resolve("cache"))
        .withJobsDir(dir.resolve("jobs"));
    Map<Language, LanguageRuntime> runtimes = new EnumMap<>(Language.class);
    LanguageRuntimes.create(rc).all().forEach(r -> runtimes.put(r.language(), r));
    RunnerConfig.Builder config = RunnerConfig.builder().databaseUrl(db).workerSlots(slots)
        .workerName("w" + slots).workerEnvironment(ApiFixture.WORKER_ENV)
        .pollInterval(Duration.ofMillis(100)).shutdownGrace(Duration.ofSeconds(2));
    return new PushmillProcess.Settings(config, runtimes, dir.resolve("data"), ENV, api, metrics,
        baseUrl, PushmillProcessTest::ownMetrics);
  }

  private static List<MetricFamily> ownMetrics() {
    return List.of(MetricFamily.of("process_open_fds", Optional.of("Open fds."),
        MetricType.GAUGE, List.of(Metric.of(Labels.of(), new MetricValue.Gauge(7)))));
  }

  @Test
  void a_job_on_a_worker_process_calls_the_server_process_with_its_wm_token() throws Exception {
    String db = "jdbc:h2:mem:process-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (PushmillProcess server = PushmillProcess.start(settings(db, 0,
            List.of("127.0.0.1:0"), List.of(), Optional.empty()));
        PushmillProcess worker = PushmillProcess.start(settings(db, 1, List.of(),
            List.of("127.0.0.1:0"), Optional.of(PushmillProcess.baseUrl(
                server.apiUrl().orElseThrow()))))) {
      ApiClient client = new ApiClient(server.apiUrl().orElseThrow(), "shared-admin-token",
          "demo");
      var script = Json.object().put("path", "u/admin/call_home").put("language", "bash")
          .put("content", "echo \"base=$BASE_INTERNAL_URL\"\n"
              + "curl -s -H \"Authorization: Bearer $WM_TOKEN\" "
              + "\"$WM_BASE_URL/api/w/$WM_WORKSPACE/users/whoami\"\n");
      client.post("scripts/create", script);
      String id = client.post("jobs/run/p/u/admin/call_home", Json.object());

      JsonNode done = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(
          () -> client.getMaybe("jobs_u/completed/get/" + id),
          a -> a.status() == 200).json();

      assertThat(done.get("worker").asText()).isEqualTo("w1");
      assertThat(done.get("logs").asText()).startsWith("base=" + PushmillProcess.baseUrl(
          server.apiUrl().orElseThrow()) + "\n");
      // A bash script's result is its last line, as text: here the API's answer.
      JsonNode whoami = Json.parse(done.get("result").asText());
      assertThat(whoami.get("username").asText()).isEqualTo("admin");
      assertThat(whoami.get("is_admin").asBoolean()).isFalse();
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          worker.metricsUrl().orElseThrow().resolve("/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).contains("process_open_fds 7\n");
    }
  }

  @Test
  void without_an_explicit_base_url_jobs_get_the_apis_bound_address() throws Exception {
    String db = "jdbc:h2:mem:process-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (PushmillProcess p = PushmillProcess.start(settings(db, 1, List.of("127.0.0.1:0"),
        List.of(), Optional.empty()))) {
      URI api = p.apiUrl().orElseThrow();

      assertThat(p.stack().runner().config().baseUrl())
          .isEqualTo("http://127.0.0.1:" + api.getPort());
      assertThat(p.metricsUrl()).isEmpty();
    }
  }

  @Test
  void a_wildcard_listen_address_becomes_localhost_in_the_base_url() {
    assertThat(PushmillProcess.baseUrl(URI.create("http://0.0.0.0:8000/")))
        .isEqualTo("http://localhost:8000");
    assertThat(PushmillProcess.baseUrl(URI.create("http://10.0.0.5:8000/")))
        .isEqualTo("http://10.0.0.5:8000");
  }
}
