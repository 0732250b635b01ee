package io.pushmill.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.RuntimeConfig;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.testing.ApiFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windmill's own CLI ({@code wmill}, npm {@code windmill-cli}, pinned in {@code src/test/wmill})
 * against Pushmill's API with the real runtimes: workspace add, whoami, script push (twice: the
 * second is a no-op), script run of the tutorial's script (it pushes to a stub gateway), schedule
 * push, and sync push of an unchanged tree. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WindmillCliIT {
  static final String SCRIPT = "u/admin/random_number_metric_script";
  static final String SCHEDULE = "u/admin/random_number_metric_schedule";
  static final Path WMILL_SOURCES = Path.of("src/test/wmill");
  static final Path WMILL_INSTALL = Path.of("target/wmill");

  @TempDir static Path dir;
  static ApiFixture api;
  static HttpServer gateway;
  static final List<String> pushes = new CopyOnWriteArrayList<>();
  static Path root;
  static Path home;

  /** What a {@code wmill} command printed (stdout and stderr merged) and returned. */
  record Run(int code, String output) {}

  @BeforeAll
  static void start() throws Exception {
    Path wmill = installWmill();
    assertThat(wmill).exists();
    gateway = stubGateway();
    RuntimeConfig runtime = RuntimeConfig.defaults().withCacheDir(dir.resolve("cache"))
        .withJobsDir(dir.resolve("jobs"));
    Map<Language, LanguageRuntime> runtimes = new EnumMap<>(Language.class);
    LanguageRuntimes.create(runtime).all().forEach(r -> runtimes.put(r.language(), r));
    api = ApiFixture.startListening(dir.resolve("data"), runtimes);
    root = syncRoot(gateway.getAddress().getPort());
    home = Files.createDirectories(dir.resolve("home"));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (gateway != null) {
      gateway.stop(0);
    }
  }

  /** {@code npm ci} of the pinned CLI into {@code target/wmill}, once. */
  static Path installWmill() throws Exception {
    Path bin = WMILL_INSTALL.resolve("node_modules/.bin/wmill");
    if (Files.exists(bin)) {
      return bin;
    }
    Files.createDirectories(WMILL_INSTALL);
    for (String f : List.of("package.json", "package-lock.json")) {
      Files.copy(WMILL_SOURCES.resolve(f), WMILL_INSTALL.resolve(f),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Process p = new ProcessBuilder("npm", "ci", "--prefix", WMILL_INSTALL.toString(),
        "--no-audit", "--no-fund").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new AssertionError("npm ci of windmill-cli failed:\n" + out);
    }
    return bin;
  }

  /** Answers every push with 200 and keeps the bodies. */
  static HttpServer stubGateway() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      pushes.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    return server;
  }

  /** A copy of the sync root, the tutorial's script pointed at the stub gateway. */
  static Path syncRoot(int gatewayPort) throws IOException {
    Path target = dir.resolve("root");
    Path source = WMILL_SOURCES.resolve("root");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = target.resolve(source.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.writeString(to, Files.readString(f).replace("prometheus_gateway:9091",
            "127.0.0.1:" + gatewayPort));
      }
    }
    return target;
  }

  static Run wmill(String... args) {
    List<String> command = new ArrayList<>();
    command.add(WMILL_INSTALL.resolve("node_modules/.bin/wmill").toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
        .redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("NO_COLOR", "1");
    pb.environment().put("FORCE_COLOR", "0");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("wmill " + String.join(" ", args) + " hung:\n" + out);
      }
      System.out.println("$ wmill " + String.join(" ", args) + " -> " + p.exitValue() + "\n"
          + out);
      return new Run(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  @Order(1)
  void workspace_add_and_whoami_work() {
    Run add = wmill("workspace", "add", "demo", "demo", api.url().toString(), "--token",
        ApiFixture.TOKEN);
    Run whoami = wmill("workspace", "whoami");

    assertThat(add.code()).as(add.output()).isZero();
    assertThat(whoami.code()).as(whoami.output()).isZero();
    assertThat(whoami.output()).contains("admin@pushmill.local");
  }

  @Test
  @Order(2)
  void script_push_creates_the_script_and_a_second_push_is_a_no_op() throws Exception {
    Run first = wmill("script", "push", SCRIPT + ".py");
    String hash = api.json("/api/w/demo/scripts/get/p/" + SCRIPT).get("hash").asText();
    Run second = wmill("script", "push", SCRIPT + ".py");

    assertThat(first.code()).as(first.output()).isZero();
    assertThat(first.output()).contains("Created new script " + SCRIPT);
    assertThat(second.code()).as(second.output()).isZero();
    assertThat(second.output()).contains("Script " + SCRIPT + " is up to date");
    assertThat(api.json("/api/w/demo/scripts/get/p/" + SCRIPT).get("hash").asText())
        .isEqualTo(hash);
    assertThat(api.runner().scriptVersions("demo", ScriptPath.of(SCRIPT))).hasSize(1);
  }

  @Test
  @Order(3)
  void script_run_prints_the_log_and_the_script_pushes_its_metric() {
    Run run = wmill("script", "run", SCRIPT);

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).contains("Storing metrics value: ");
    assertThat(pushes).anySatisfy(p -> assertThat(p).startsWith("PUT /metrics/job")
        .contains("job_records_processed"));
  }

  @Test
  @Order(4)
  void schedule_push_creates_the_schedule_and_it_runs_the_script() throws Exception {
    Run push = wmill("schedule", "push", SCHEDULE + ".schedule.yaml", SCHEDULE);
    JsonNode stored = api.json("/api/w/demo/schedules/get/" + SCHEDULE);
    Run again = wmill("schedule", "push", SCHEDULE + ".schedule.yaml", SCHEDULE);

    assertThat(push.code()).as(push.output()).isZero();
    assertThat(stored.get("schedule").asText()).isEqualTo("*/5 * * * * *");
    assertThat(stored.get("enabled").asBoolean()).isTrue();
    assertThat(again.code()).as(again.output()).isZero();
    assertThat(api.json("/api/w/demo/schedules/get/" + SCHEDULE).get("edited_at"))
        .isEqualTo(stored.get("edited_at"));
    JsonNode jobs = await().atMost(Duration.ofSeconds(20)).until(() -> api.json(
        "/api/w/demo/jobs/list?schedule_path=" + SCHEDULE + "&success=true"), j -> !j.isEmpty());
    assertThat(jobs.get(0).get("script_path").asText()).isEqualTo(SCRIPT);
  }

  @Test
  @Order(5)
  void sync_push_of_the_unchanged_tree_changes_nothing() {
    Run sync = wmill("sync", "push", "--yes");

    assertThat(sync.code()).as(sync.output()).isZero();
    assertThat(sync.output()).contains("0 changes");
  }

  @Test
  @Order(6)
  void sync_push_of_a_disabled_schedule_disables_it() throws Exception {
    Path file = root.resolve(SCHEDULE + ".schedule.yaml");
    Files.writeString(file, Files.readString(file).replace("enabled: true", "enabled: false"));

    Run sync = wmill("sync", "push", "--yes");

    assertThat(sync.code()).as(sync.output()).isZero();
    assertThat(api.json("/api/w/demo/schedules/get/" + SCHEDULE).get("enabled").asBoolean())
        .isFalse();
  }

  @Test
  @Order(7)
  void job_and_list_commands_read_what_ran() throws Exception {
    JsonNode scheduled = api.json("/api/w/demo/jobs/list?schedule_path=" + SCHEDULE
        + "&success=true").get(0);
    String id = scheduled.get("id").asText();

    Run jobs = wmill("job", "list", "--script-path", SCRIPT, "--limit", "5");
    Run get = wmill("job", "get", id);
    Run logs = wmill("job", "logs", id);
    Run result = wmill("job", "result", id);
    Run scripts = wmill("script", "list");
    Run schedules = wmill("schedule", "list");
    Run pull = wmill("sync", "pull", "--yes");

    assertThat(List.of(jobs, get, logs, result, scripts, schedules, pull))
        .allSatisfy(r -> assertThat(r.code()).as(r.output()).isZero());
    assertThat(jobs.output()).contains(id, "success");
    assertThat(get.output()).contains("Schedule:", SCHEDULE);
    assertThat(logs.output()).contains("Storing metrics value: ");
    assertThat(result.output().strip()).isEqualTo("null");
    assertThat(scripts.output()).contains(SCRIPT);
    assertThat(schedules.output()).contains(SCHEDULE, "*/5 * * * * *");
    assertThat(pull.output()).contains("0 changes to apply");
  }

  @Test
  @Order(8)
  void version_answers_the_backend_version() {
    Run version = wmill("version");

    assertThat(version.output()).contains("Backend Version: CE v1.819.0");
  }
}
