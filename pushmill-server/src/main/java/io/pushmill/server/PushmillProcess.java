package io.pushmill.server;

import io.pushmill.metrics.MetricFamily;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.server.api.ApiServer;
import io.pushmill.server.api.MetricsHandler;
import io.pushmill.server.api.SwitchableHandler;
import io.pushmill.server.api.WindmillApi;
import io.pushmill.server.api.auth.AdminToken;
import io.pushmill.server.runner.RunnerStack;
import io.pushmill.server.ui.GatewayView;
import io.pushmill.server.ui.WebUi;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Pushmill process, as {@code pushmill server}, {@code worker} and {@code up} assemble it: a
 * runner (with or without worker slots), optionally the API with the web UI, optionally a listener
 * serving only
 * the process's own metrics. Started in that order: the API binds first (so jobs learn its real
 * address), then the runner opens the database, then the API serves and the runner starts.
 * {@link #close()} stops accepting requests, lets running jobs finish within the shutdown grace,
 * and closes the database.
 */
public final class PushmillProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushmillProcess.class);
  static final String DEFAULT_BASE_URL = "http://localhost:8000";

  /**
   * What to run.
   *
   * @param runner the runner's configuration; its base URL is replaced when {@code baseUrl} is
   *     empty and the API listens
   * @param runtimes the language runtimes
   * @param dataDir where the admin token is kept when the environment has none
   * @param env the process environment ({@code PUSHMILL_ADMIN_TOKEN})
   * @param apiListen the API's listen addresses; none for a process without API
   * @param metricsListen addresses serving only {@code /metrics}; for a worker
   * @param baseUrl {@code WM_BASE_URL} when given explicitly
   * @param ownMetrics this process's own metrics (JVM, process)
   */
  public record Settings(
      RunnerConfig.Builder runner,
      Map<Language, LanguageRuntime> runtimes,
      Path dataDir,
      Map<String, String> env,
      List<String> apiListen,
      List<String> metricsListen,
      Optional<String> baseUrl,
      Supplier<List<MetricFamily>> ownMetrics) {}

  private final RunnerStack stack;
  private final Optional<ApiServer> api;
  private final Optional<ApiServer> metrics;
  private final String jobBaseUrl;
  private final AtomicReference<GatewayView> gateway;

  private PushmillProcess(RunnerStack stack, Optional<ApiServer> api,
      Optional<ApiServer> metrics, String jobBaseUrl, AtomicReference<GatewayView> gateway) {
    this.stack = stack;
    this.api = api;
    this.metrics = metrics;
    this.jobBaseUrl = jobBaseUrl;
    this.gateway = gateway;
  }

  /** Starts everything; on a failure, closes what was started and rethrows. */
  public static PushmillProcess start(Settings s) throws Exception {
    PushmillProcess process = open(s);
    process.startRunner();
    return process;
  }

  /**
   * Binds the API, opens (and migrates) the database and serves the API, but runs no job and no
   * schedule until {@link #startRunner()}: {@code server} and {@code up} open the database first so
   * that the gateway's TTL policy can read the schedules while the gateway loads its persisted
   * groups, and start the runner once the gateway listens. On a failure, closes what was opened and
   * rethrows.
   */
  public static PushmillProcess open(Settings s) throws Exception {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      AdminToken admin = AdminToken.resolve(s.env(), s.dataDir());
      LOG.info("admin token from {}", admin.source());
      if (admin.generated() && s.runner().build().databaseUrl().isPresent()) {
        LOG.warn("this process generated its own admin token, but it shares a database: give every"
            + " server and worker the same {} so that they accept each other's job tokens",
            AdminToken.ENV);
      }
      SwitchableHandler apiHandler = new SwitchableHandler();
      Optional<ApiServer> api = s.apiListen().isEmpty() ? Optional.empty()
          : Optional.of(startServer(apiHandler, s.apiListen(), "api", started));
      Optional<String> derived = api.map(a -> baseUrl(a.uris().getFirst()));
      String baseUrl = s.baseUrl().or(() -> derived).orElse(DEFAULT_BASE_URL);
      RunnerStack stack = RunnerStack.open(s.runner().baseUrl(baseUrl), s.runtimes(), admin,
          Clock.systemUTC());
      started.addFirst(stack);
      AtomicReference<GatewayView> gateway = new AtomicReference<>();
      apiHandler.set(WebUi.withApi(WindmillApi.handler(stack.runner(), s.runtimes(),
          stack.authenticator(), s.ownMetrics(), Clock.systemUTC()), stack.runner(), admin,
          () -> Optional.ofNullable(gateway.get()), Clock.systemUTC()));
      Optional<ApiServer> metrics = s.metricsListen().isEmpty() ? Optional.empty()
          : Optional.of(startServer(new MetricsHandler(s.ownMetrics()), s.metricsListen(),
              "metrics", started));
      return new PushmillProcess(stack, api, metrics, baseUrl, gateway);
    } catch (Exception | Error e) {
      for (AutoCloseable c : started) {
        closeQuietly(c);
      }
      throw e;
    }
  }

  /** Lets the web UI show the gateway of this process, once it serves. */
  public void showGateway(GatewayView view) {
    gateway.set(view);
  }

  /** Starts running jobs (with worker slots), schedules, the reaper and retention. */
  public void startRunner() {
    stack.runner().start();
    LOG.info("pushmill runner started: {} (jobs see WM_BASE_URL={})", stack.runner().config(),
        jobBaseUrl);
  }

  private static ApiServer startServer(Handler handler, List<String> listen, String name,
      List<AutoCloseable> started) throws Exception {
    ApiServer server = ApiServer.create(handler, listen, name);
    started.addFirst(server);
    server.start();
    return server;
  }

  /**
   * {@code scheme://host:port} of a bound address, as a process on this machine reaches it; a
   * wildcard host becomes {@code localhost}.
   */
  public static String baseUrl(URI bound) {
    String host = bound.getHost();
    if (host == null || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::")) {
      host = "localhost";
    }
    return bound.getScheme() + "://" + host + ":" + bound.getPort();
  }

  public RunnerStack stack() {
    return stack;
  }

  /** The API's base URL, when this process serves it. */
  public Optional<URI> apiUrl() {
    return api.map(a -> a.uris().getFirst());
  }

  /** The metrics listener's base URL, when this process has one. */
  public Optional<URI> metricsUrl() {
    return metrics.map(m -> m.uris().getFirst());
  }

  /**
   * Stops taking API requests and lets running jobs finish (within the shutdown grace; the rest
   * are ended and marked). The database stays open for {@link #close()}. Idempotent.
   */
  public void stop() {
    api.ifPresent(PushmillProcess::closeQuietly);
    stack.runner().stop();
  }

  /** {@link #stop()}, then closes the database and the metrics listener. */
  @Override
  public void close() {
    stop();
    closeQuietly(stack);
    metrics.ifPresent(PushmillProcess::closeQuietly);
    LOG.info("pushmill stopped");
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
    }
  }
}
