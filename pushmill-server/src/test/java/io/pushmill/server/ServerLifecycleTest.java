package io.pushmill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.server.cli.ApiClient;
import io.pushmill.server.gateway.GatewayCommand;
import io.pushmill.server.gateway.GatewayRunner;
import io.pushmill.server.testing.ApiFixture;
import io.pushmill.server.testing.ScriptedRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The gateway, the API and the runner in one process, as {@code pushmill server} runs them. */
class ServerLifecycleTest {
  @TempDir Path dir;

  @Test
  void job_metrics_join_the_gateways_scrape_and_a_stop_ends_running_jobs_within_the_grace()
      throws Exception {
    GatewayCommand flags = new GatewayCommand();
    new CommandLine(flags).parseArgs("--web.listen-address", "127.0.0.1:0");
    var runtimes = ScriptedRuntime.all();
    RunnerConfig.Builder config = RunnerConfig.builder().dataDir(dir).workerSlots(1)
        .workerName("lifecycle").workerEnvironment(ApiFixture.WORKER_ENV)
        .pollInterval(Duration.ofMillis(100)).shutdownGrace(Duration.ofMillis(500))
        .metricsCacheTtl(Duration.ZERO);
    var settings = new PushmillProcess.Settings(config, runtimes, dir,
        Map.of("PUSHMILL_ADMIN_TOKEN", "lifecycle-token"), List.of("127.0.0.1:0"), List.of(),
        Optional.empty(), new ProcessMetrics(ServerCommand.buildInfo()));
    GatewayRunner.Stop stop = GatewayRunner.Stop.manual();
    CompletableFuture<ServerLifecycle.Running> ready = new CompletableFuture<>();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> ServerLifecycle.run(flags.prepare(), settings,
            new ServerLifecycle.Hooks(process -> { }, ready::complete), stop));

    ServerLifecycle.Running running = ready.get();
    ApiClient api = new ApiClient(running.process().apiUrl().orElseThrow(), "lifecycle-token",
        "demo");
    api.post("scripts/create", Json.object().put("path", "u/admin/quick")
        .put("language", "bash").put("content", "# log hi\n"));
    String quick = api.post("jobs/run/p/u/admin/quick", Json.object());
    org.awaitility.Awaitility.await().until(
        () -> api.getMaybe("jobs_u/completed/get/" + quick).status() == 200);
    String scrape = get(running.gateway().uris().getFirst().resolve("/metrics"));
    String own = get(running.process().apiUrl().orElseThrow().resolve("/metrics"));
    api.post("scripts/create", Json.object().put("path", "u/admin/slow")
        .put("language", "bash").put("content", "# hold\n"));
    String slow = api.post("jobs/run/p/u/admin/slow", Json.object());
    org.awaitility.Awaitility.await().until(
        () -> api.getJson("jobs_u/get/" + slow).get("running").asBoolean());
    stop.request().complete("test");

    assertThat(exit.get()).isZero();
    assertThat(scrape).contains("pushmill_job_runs_total{path=\"u/admin/quick\",schedule=\"\","
        + "status=\"success\"} 1");
    assertThat(own).contains("jvm_threads_current", "process_cpu_seconds_total")
        .doesNotContain("pushmill_job_runs_total", "pushgateway_");
    try (Runner reopened = Runner.create(RunnerConfig.builder().dataDir(dir).workerSlots(0)
        .workerEnvironment(ApiFixture.WORKER_ENV).build(), runtimes)) {
      assertThat(reopened.job("demo", UUID.fromString(slow)).state())
          .isEqualTo(JobState.CANCELED);
    }
  }

  @Test
  void the_web_ui_on_the_api_listener_shows_the_gateway_of_the_process() throws Exception {
    GatewayCommand flags = new GatewayCommand();
    new CommandLine(flags).parseArgs("--web.listen-address", "127.0.0.1:0");
    RunnerConfig.Builder config = RunnerConfig.builder().dataDir(dir).workerSlots(0)
        .workerName("ui").workerEnvironment(ApiFixture.WORKER_ENV);
    var settings = new PushmillProcess.Settings(config, ScriptedRuntime.all(), dir,
        Map.of("PUSHMILL_ADMIN_TOKEN", "ui-token"), List.of("127.0.0.1:0"), List.of(),
        Optional.empty(), new ProcessMetrics(ServerCommand.buildInfo()));
    GatewayRunner.Stop stop = GatewayRunner.Stop.manual();
    CompletableFuture<ServerLifecycle.Running> ready = new CompletableFuture<>();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> ServerLifecycle.run(flags.prepare(), settings,
            new ServerLifecycle.Hooks(process -> { }, ready::complete), stop));
    ServerLifecycle.Running running = ready.get();
    URI gateway = running.gateway().uris().getFirst();
    HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager()).build();
    http.send(HttpRequest.newBuilder(gateway.resolve("/metrics/job/ui_lifecycle"))
        .PUT(HttpRequest.BodyPublishers.ofString("ui_probe 7\n")).build(),
        HttpResponse.BodyHandlers.ofString());
    URI ui = running.process().apiUrl().orElseThrow();
    String form = http.send(HttpRequest.newBuilder(ui.resolve("/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher nonce = java.util.regex.Pattern
        .compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(form);
    assertThat(nonce.find()).isTrue();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(ui.resolve("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", "http://" + ui.getAuthority())
        .POST(HttpRequest.BodyPublishers.ofString("nonce=" + nonce.group(1)
            + "&token=ui-token&next=%2Fgateway")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(303);
    String page = http.send(HttpRequest.newBuilder(ui.resolve("/gateway")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    stop.request().complete("test");

    assertThat(exit.get()).isZero();
    assertThat(page).contains("<h1>Gateway</h1>").contains("\"ui_lifecycle\"");
  }

  private static String get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
