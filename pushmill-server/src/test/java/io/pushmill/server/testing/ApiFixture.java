package io.pushmill.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.SettableClock;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.model.Json;
import io.pushmill.server.api.ApiServer;
import io.pushmill.server.api.WindmillApi;
import io.pushmill.server.api.auth.AdminToken;
import io.pushmill.server.runner.RunnerStack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;

/**
 * A started runner on H2 in a temp dir, with {@link ScriptedRuntime}s and two worker slots, behind
 * the API on a {@link LocalConnector} (and, when asked, on a free port of 127.0.0.1).
 */
public final class ApiFixture implements AutoCloseable {
  public static final String TOKEN = "test-admin-token-0123456789";
  public static final Map<String, String> WORKER_ENV =
      Map.of("PATH", "/usr/bin:/bin", "HOME", "/tmp", "LANG", "C.UTF-8");

  public final SettableClock tokenClock = new SettableClock(Instant.now());
  public final Map<Language, LanguageRuntime> runtimes;
  public final RunnerStack stack;
  public final ApiServer server;
  private final LocalConnector connector;

  /** Puts something in front of the API's handler, e.g. the web UI. */
  @FunctionalInterface
  public interface Front {
    Handler wrap(Handler api, RunnerStack stack);
  }

  private ApiFixture(Path dataDir, List<String> listen, Map<Language, LanguageRuntime> runtimes)
      throws Exception {
    this(dataDir, listen, runtimes, (api, stack) -> api);
  }

  private ApiFixture(Path dataDir, List<String> listen, Map<Language, LanguageRuntime> runtimes,
      Front front) throws Exception {
    this.runtimes = runtimes;
    RunnerConfig.Builder config = RunnerConfig.builder()
        .dataDir(dataDir)
        .workerSlots(2)
        .workerName("api-test")
        .workerEnvironment(WORKER_ENV)
        .pollInterval(Duration.ofMillis(100))
        .logFlushInterval(Duration.ofMillis(50))
        .metricsCacheTtl(Duration.ZERO)
        .shutdownGrace(Duration.ofSeconds(2))
        .baseUrl("http://127.0.0.1:8000");
    stack = RunnerStack.open(config, runtimes, AdminToken.of(TOKEN), tokenClock);
    server = ApiServer.create(front.wrap(WindmillApi.handler(stack.runner(), runtimes,
        stack.authenticator(), ApiFixture::ownMetrics, stack.clock()), stack), listen,
        "api-test");
    connector = server.localConnector();
    server.start();
    stack.runner().start();
  }

  /** Without a socket. */
  public static ApiFixture start(Path dataDir) throws Exception {
    return new ApiFixture(dataDir, List.of(), ScriptedRuntime.all());
  }

  /** Also on a free port of 127.0.0.1, for clients that need a socket. */
  public static ApiFixture startListening(Path dataDir) throws Exception {
    return new ApiFixture(dataDir, List.of("127.0.0.1:0"), ScriptedRuntime.all());
  }

  /** With {@code front} before the API, on a free port of 127.0.0.1 when {@code listen}. */
  public static ApiFixture start(Path dataDir, boolean listen, Front front) throws Exception {
    return new ApiFixture(dataDir, listen ? List.of("127.0.0.1:0") : List.of(),
        ScriptedRuntime.all(), front);
  }

  /** On a free port of 127.0.0.1 with these (e.g. the real) runtimes. */
  public static ApiFixture startListening(Path dataDir, Map<Language, LanguageRuntime> runtimes)
      throws Exception {
    return new ApiFixture(dataDir, List.of("127.0.0.1:0"), runtimes);
  }

  public io.pushmill.runner.Runner runner() {
    return stack.runner();
  }

  /** The base URL of the socket, e.g. {@code http://127.0.0.1:41234/}. */
  public URI url() {
    return server.uris().getFirst();
  }

  public ScriptedRuntime runtime(Language language) {
    return (ScriptedRuntime) runtimes.get(language);
  }

  /** One gauge, so that {@code /metrics} has a known line. */
  private static List<MetricFamily> ownMetrics() {
    return List.of(MetricFamily.of("process_test_gauge", Optional.of("A test gauge."),
        MetricType.GAUGE, List.of(Metric.of(Labels.of(), new MetricValue.Gauge(1)))));
  }

  /** A request with the admin token. */
  public HttpTester.Response admin(String method, String target, String body) throws Exception {
    return send(method, target, body, Map.of("Authorization", "Bearer " + TOKEN));
  }

  public HttpTester.Response admin(String method, String target) throws Exception {
    return admin(method, target, "");
  }

  public JsonNode json(String method, String target, String body) throws Exception {
    HttpTester.Response r = admin(method, target, body);
    if (r.getStatus() / 100 != 2) {
      throw new AssertionError(method + " " + target + " answered " + r.getStatus() + ": "
          + r.getContent());
    }
    return Json.parse(r.getContent());
  }

  public JsonNode json(String target) throws Exception {
    return json("GET", target, "");
  }

  /** Sends bytes as they are, for requests a client library would refuse to build. */
  public HttpTester.Response raw(String request) throws Exception {
    return HttpTester.parseResponse(connector.getResponse(request));
  }

  public HttpTester.Response send(String method, String target, String body,
      Map<String, String> headers) throws Exception {
    HttpTester.Request r = HttpTester.newRequest();
    r.setMethod(method);
    r.setURI(target);
    r.setVersion("HTTP/1.1");
    r.setHeader("Host", "pushmill");
    r.setHeader("Connection", "close");
    headers.forEach(r::setHeader);
    if (!body.isEmpty()) {
      r.setHeader("Content-Type", "application/json");
      r.setContent(body.getBytes(StandardCharsets.UTF_8));
    }
    return send(r);
  }

  /** Sends a request built by the caller. */
  public HttpTester.Response send(HttpTester.Request r) throws Exception {
    return HttpTester.parseResponse(connector.getResponse(r.generate(), 30,
        java.util.concurrent.TimeUnit.SECONDS));
  }

  /** Pushes a script through the API and answers its hash. */
  public String push(String path, String language, String content) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode body = Json.object();
    body.put("path", path).put("language", language).put("content", content);
    HttpTester.Response r = admin("POST", "/api/w/demo/scripts/create", Json.write(body));
    if (r.getStatus() != 201) {
      throw new AssertionError("push of " + path + " answered " + r.getStatus() + ": "
          + r.getContent());
    }
    return r.getContent();
  }

  /** Runs a script through the API and answers the job id. */
  public String run(String path, String args) throws Exception {
    HttpTester.Response r = admin("POST", "/api/w/demo/jobs/run/p/" + path, args);
    if (r.getStatus() != 201) {
      throw new AssertionError("run of " + path + " answered " + r.getStatus() + ": "
          + r.getContent());
    }
    return r.getContent();
  }

  /** Waits until the job has finished and answers its {@code completed/get} JSON. */
  public JsonNode awaitCompleted(String id) {
    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> {
          HttpTester.Response r = admin("GET", "/api/w/demo/jobs_u/completed/get/" + id);
          return r.getStatus() == 200 ? Json.parse(r.getContent()) : null;
        }, java.util.Objects::nonNull);
  }

  @Override
  public void close() {
    server.close();
    stack.close();
  }
}
