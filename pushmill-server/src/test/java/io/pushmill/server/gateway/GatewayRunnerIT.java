package io.pushmill.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.pushmill.gateway.history.HistoryOptions;
import io.pushmill.gateway.http.GatewayOptions;
import io.pushmill.gateway.http.GatewayServer;
import io.pushmill.gateway.store.TtlPolicy;
import io.pushmill.server.logging.Logging;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired gateway on a real socket: push, quit, the final persist, and a restart that finds the
 * pushed group again; start-up failures exit with 1 and say why.
 */
class GatewayRunnerIT {
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @BeforeEach
  void captureLogs() {
    Logging.configure(Level.INFO, Logging.Format.LOGFMT, logs);
  }

  @AfterEach
  void restoreLogs() {
    Logging.configure(Level.INFO, Logging.Format.LOGFMT, System.err);
  }

  private GatewayRunner runner(Path file, boolean refuseCorrupt, String... listen) {
    GatewayOptions options =
        GatewayOptions.defaults()
            .withListenAddresses(
                List.of(listen.length == 0 ? new String[] {"127.0.0.1:0"} : listen))
            .withApis(true, true)
            .withReport(
                java.util.Map.of("persistence.file", file.toString()), GatewayCommand.buildInfo());
    return new GatewayRunner(options, Optional.of(file), refuseCorrupt, Duration.ofHours(1), "");
  }

  /** Starts a runner on a virtual thread; completes with its server, then with its exit code. */
  private record Running(
      CompletableFuture<GatewayServer> server,
      CompletableFuture<Integer> exit,
      GatewayRunner.Stop stop) {}

  private static Running start(GatewayRunner runner) {
    CompletableFuture<GatewayServer> server = new CompletableFuture<>();
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    GatewayRunner.Stop stop = GatewayRunner.Stop.manual();
    Thread.ofVirtual()
        .start(
            () -> {
              int code = runner.run(server::complete, stop);
              exit.complete(code);
              server.completeExceptionally(new IllegalStateException("exited with " + code));
            });
    return new Running(server, exit, stop);
  }

  private HttpResponse<String> send(String method, URI uri, String body) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_push_survives_quit_and_restart() throws Exception {
    Path file = dir.resolve("gateway.data");
    Running first = start(runner(file, false));
    URI base = first.server().get(30, TimeUnit.SECONDS).uris().getFirst();

    assertThat(
            send("PUT", base.resolve("/metrics/job/e2e/instance/i1"), "e2e_metric 42\n")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> quit = send("PUT", base.resolve("/-/quit"), "");

    assertThat(quit.body()).isEqualTo("Requesting termination... Goodbye!");
    assertThat(first.exit().get(30, TimeUnit.SECONDS)).isZero();
    assertThat(file).exists();
    String log = logs.toString(StandardCharsets.UTF_8);
    assertThat(log)
        .contains("msg=\"starting pushmill gateway\"")
        .contains("msg=\"Listening on\" address=127.0.0.1:")
        .contains(
            "level=warn caller=GatewayRunner msg=\"received termination request via web service,"
                + " exiting gracefully...\"")
        .contains("msg=\"metrics persisted\" file=" + file);

    Running second = start(runner(file, false));
    URI again = second.server().get(30, TimeUnit.SECONDS).uris().getFirst();
    String scrape = send("GET", again.resolve("/metrics"), "").body();
    String api = send("GET", again.resolve("/api/v1/metrics"), "").body();
    second.stop().request().complete("signal");

    assertThat(scrape)
        .contains("e2e_metric{instance=\"i1\",job=\"e2e\"} 42\n")
        .contains("# TYPE pushgateway_build_info gauge\n")
        .contains("jvm_threads_current ");
    assertThat(api).contains("\"labels\":{\"instance\":\"i1\",\"job\":\"e2e\"}");
    assertThat(second.exit().get(30, TimeUnit.SECONDS)).isZero();
    assertThat(logs.toString(StandardCharsets.UTF_8))
        .contains("msg=\"received SIGINT/SIGTERM; exiting gracefully...\"");
  }

  @Test
  void expiry_and_history_are_wired_a_policy_and_the_url_give_ttls() throws Exception {
    GatewayOptions options =
        GatewayOptions.defaults()
            .withListenAddresses(List.of("127.0.0.1:0"))
            .withReport(java.util.Map.of(), GatewayCommand.buildInfo());
    TtlPolicy policy =
        key -> key.job().equals("scheduled") ? Optional.of(Duration.ofHours(2)) : Optional.empty();
    GatewayRunner runner =
        new GatewayRunner(
            options,
            Optional.empty(),
            false,
            Duration.ofHours(1),
            "",
            Duration.ZERO,
            HistoryOptions.defaults(),
            policy);
    Running run = start(runner);
    URI base = run.server().get(30, TimeUnit.SECONDS).uris().getFirst();

    send("PUT", base.resolve("/metrics/job/scheduled"), "a 1\n");
    send("PUT", base.resolve("/metrics/job/short/__ttl__/1s"), "b 2\n");
    send("PUT", base.resolve("/metrics/job/plain"), "c 3\n");
    String api = send("GET", base.resolve("/api/v1/metrics"), "").body();
    String history = send("GET", base.resolve("/api/v1/history?match=b"), "").body();

    assertThat(api).contains("\"source\":\"policy\"").contains("\"ttl\":\"2h0m0s\"");
    assertThat(history)
        .contains("\"metric\":{\"__name__\":\"b\",\"instance\":\"\",\"job\":\"short\"}");
    // The group with a one-second TTL goes by itself; the others stay.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !send("GET", base.resolve("/metrics"), "").body().contains("b{"));
    String scrape = send("GET", base.resolve("/metrics"), "").body();
    assertThat(scrape)
        .contains("a{instance=\"\",job=\"scheduled\"} 1\n")
        .contains("c{instance=\"\",job=\"plain\"} 3\n")
        .contains("pushmill_gateway_groups_with_ttl 1\n");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> logs.toString(StandardCharsets.UTF_8).contains("msg=\"group expired\""));
    assertThat(logs.toString(StandardCharsets.UTF_8))
        .contains(
            "level=info caller=ExpirySweeper msg=\"group expired\" group=\"{job=\\\"short\\\"}\"");
    run.stop().request().complete("signal");
    assertThat(run.exit().get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void a_corrupt_file_with_refuse_corrupt_stops_the_start() throws Exception {
    Path file = dir.resolve("corrupt.data");
    Files.writeString(file, "not a persistence file");

    Running run = start(runner(file, true));

    assertThat(run.exit().get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(logs.toString(StandardCharsets.UTF_8))
        .contains("level=error")
        .contains("msg=\"could not load persisted metrics\"");
  }

  @Test
  void a_port_in_use_stops_the_start() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Running run =
          start(runner(dir.resolve("x.data"), false, "127.0.0.1:" + taken.getLocalPort()));

      assertThat(run.exit().get(30, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(logs.toString(StandardCharsets.UTF_8))
          .contains("msg=\"HTTP server could not start\"");
    }
  }
}
