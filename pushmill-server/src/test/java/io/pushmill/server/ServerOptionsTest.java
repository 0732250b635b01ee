package io.pushmill.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.api.auth.Principal;
import io.pushmill.server.demo.TutorialDemo;
import io.pushmill.server.gateway.GatewayRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code server}'s and {@code up}'s shared run: the TTL policy bound before the gateway loads. */
class ServerOptionsTest {
  private static final ScriptPath SCRIPT = ScriptPath.of("u/admin/records");
  @TempDir Path dir;

  /** Runs {@code server} with these flags until {@code whileReady} returns. */
  private int serve(Consumer<ServerOptions.Ready> whileReady, String... flags) throws Exception {
    ServerCommand server = new ServerCommand();
    KingpinNegation.apply(new CommandLine(server)).parseArgs(flags);
    GatewayRunner.Stop stop = GatewayRunner.Stop.manual();
    CompletableFuture<ServerOptions.Ready> ready = new CompletableFuture<>();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> server.server.run(server.gateway, server.runner, ready::complete, stop));
    try {
      whileReady.accept(ready.get());
    } finally {
      stop.request().complete("test");
    }
    return exit.get();
  }

  private String[] flags(String... more) {
    String[] base = {"--data-dir", dir.toString(), "--web.listen-address", "127.0.0.1:0",
        "--api.listen-address", "127.0.0.1:0", "--persistence.file",
        dir.resolve("gateway.persistence").toString(), "--log.level", "warn"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void a_disabled_schedules_group_keeps_its_ttl_across_a_restart() throws Exception {
    int first = serve(ready -> {
      Runner runner = ready.running().process().stack().runner();
      runner.createScript("demo", NewScript.of(SCRIPT, Language.BASH, "echo hi\n")
          .withTimeout(Duration.ofSeconds(10)), Principal.ADMIN);
      runner.createSchedule("demo", NewSchedule.of(ScriptPath.of("u/admin/every_5s"), SCRIPT,
          "*/5 * * * * *", "Etc/UTC").withEnabled(false), Principal.ADMIN);
      ready.ttlPolicy().orElseThrow().refresh();
      URI gateway = ready.running().gateway().uris().getFirst();
      // A job name with slashes travels in base64, as the Python client sends it.
      String job = Base64.getUrlEncoder().encodeToString(SCRIPT.value().getBytes(UTF_8));
      send(HttpRequest.newBuilder(gateway.resolve("/metrics/job@base64/" + job))
          .PUT(HttpRequest.BodyPublishers.ofString("records 7\n")).build());
      assertThat(expiry(gateway).path("source").asText()).isEqualTo("policy");
    }, flags("--push.schedule-ttl"));

    JsonNode[] reloaded = new JsonNode[1];
    int second = serve(ready -> reloaded[0] = expiry(ready.running().gateway().uris().getFirst()),
        flags("--push.schedule-ttl"));

    assertThat(first).isZero();
    assertThat(second).isZero();
    assertThat(reloaded[0].path("source").asText()).isEqualTo("policy");
    assertThat(reloaded[0].path("ttl").asText()).isEqualTo("20s");
  }

  @Test
  void server_with_demo_installs_it_and_tells_jobs_the_gateways_address() throws Exception {
    int code = serve(ready -> {
      assertThat(ready.demo()).isPresent();
      assertThat(ready.ttlPolicy()).isEmpty();
      Runner runner = ready.running().process().stack().runner();
      assertThat(runner.schedule("demo", TutorialDemo.SCHEDULE).enabled()).isTrue();
      assertThat(runner.variables("demo")).containsEntry("PROMETHEUS_GATEWAY_URL",
          "http://127.0.0.1:" + ready.running().gateway().uris().getFirst().getPort());
    }, flags("--demo"));

    assertThat(code).isZero();
  }

  private static JsonNode expiry(URI gateway) {
    JsonNode groups = Json.parseInput(send(HttpRequest.newBuilder(
        gateway.resolve("/api/v1/metrics")).build()), "groups");
    assertThat(groups.at("/data/0/labels/job").asText()).isEqualTo(SCRIPT.value());
    return groups.at("/data/0/pushmill_expiry");
  }

  private static String send(HttpRequest request) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(request,
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isLessThan(300);
      return r.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
