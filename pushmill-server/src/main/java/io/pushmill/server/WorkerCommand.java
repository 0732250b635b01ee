package io.pushmill.server;

import io.pushmill.server.gateway.GatewayRunner;
import io.pushmill.server.gateway.VersionProvider;
import io.pushmill.server.runner.RunnerOptions;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pushmill worker}: runs jobs from the shared database ({@code --database-url}), with no
 * API; optionally serves its own JVM and process metrics on {@code --metrics.listen-address}.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, showDefaultValues = true,
    description = "Runs jobs from the database shared with `pushmill server` (--database-url).")
public final class WorkerCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

  @Mixin RunnerOptions runner;
  @Mixin LogOptions log;

  @Option(names = "--worker.slots", defaultValue = "4", paramLabel = "<n>",
      description = "Jobs this worker runs at once.")
  int slots;

  @Option(names = "--metrics.listen-address", paramLabel = "<address>",
      description = "Serve this process's own metrics on GET /metrics here, e.g. :9100. "
          + "Repeatable; none by default.")
  List<String> metricsListen = List.of();

  @Override
  public Integer call() throws Exception {
    log.configure();
    PushmillProcess.Settings settings = settings();
    GatewayRunner.Stop signal = GatewayRunner.Stop.onSignal();
    try {
      PushmillProcess process;
      try {
        process = PushmillProcess.start(settings);
      } catch (Exception e) {
        LOG.error("pushmill worker could not start: {}", e.getMessage(), e);
        return 1;
      }
      LOG.info("worker running; stop it with SIGTERM or Ctrl-C");
      signal.request().join();
      process.close();
      return 0;
    } finally {
      signal.finished().countDown();
    }
  }

  /** The process these flags describe: no API, slots, maybe a metrics listener. */
  PushmillProcess.Settings settings() {
    return new PushmillProcess.Settings(
        runner.config(slots, "--worker.slots", PushmillProcess.DEFAULT_BASE_URL),
        runner.runtimes(), runner.dataDir(), System.getenv(), List.of(), metricsListen,
        runner.baseUrl(), new ProcessMetrics(ServerCommand.buildInfo()));
  }
}
