package io.pushmill.server;

import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.server.gateway.GatewayCommand;
import io.pushmill.server.gateway.GatewayRunner;
import io.pushmill.server.runner.RunnerOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pushmill server}: the gateway (every flag of {@code pushmill gateway}), the Windmill-shaped
 * API, and a runner that queues, schedules and reaps; with {@code --worker.slots} above 0 it runs
 * jobs too. Workers in other processes share its database ({@code --database-url}).
 */
@Command(name = "server", sortOptions = false, showDefaultValues = true,
    description = "The push gateway, the API on --api.listen-address and the job runner in one "
        + "process (no worker slots by default: run `pushmill worker` beside it).")
public final class ServerCommand implements Callable<Integer> {
  @Mixin GatewayCommand gateway;
  @Mixin RunnerOptions runner;

  @Option(names = "--api.listen-address", defaultValue = ":8000", paramLabel = "<address>",
      description = "Addresses of the API (Windmill's shapes, under /api). Repeatable.")
  List<String> apiListen;

  @Option(names = "--worker.slots", defaultValue = "0", paramLabel = "<n>",
      description = "Jobs this process runs at once; 0 leaves them to `pushmill worker`.")
  int slots;

  @Override
  public Integer call() {
    GatewayRunner gatewayRunner = gateway.prepare();
    return ServerLifecycle.run(gatewayRunner, settings(), running -> { },
        GatewayRunner.Stop.onSignal());
  }

  /** The process these flags describe. */
  PushmillProcess.Settings settings() {
    return new PushmillProcess.Settings(
        runner.config(slots, "--worker.slots", PushmillProcess.DEFAULT_BASE_URL),
        runner.runtimes(), runner.dataDir(), System.getenv(), apiListen, List.of(),
        runner.baseUrl(), new ProcessMetrics(buildInfo()));
  }

  static BuildInfo buildInfo() {
    String v = ServerCommand.class.getPackage().getImplementationVersion();
    return BuildInfo.of(v == null ? "unknown" : v);
  }
}
