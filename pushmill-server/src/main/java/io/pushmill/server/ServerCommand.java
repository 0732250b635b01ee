package io.pushmill.server;

import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.server.gateway.GatewayCommand;
import io.pushmill.server.gateway.GatewayRunner;
import io.pushmill.server.runner.RunnerOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    return server.run(gateway, runner, ready -> { }, GatewayRunner.Stop.onSignal());
  }

  /** The process these flags describe. */
  PushmillProcess.Settings settings() {
    return server.settings(runner);
  }

  static BuildInfo buildInfo() {
    String v = ServerCommand.class.getPackage().getImplementationVersion();
    return BuildInfo.of(v == null ? "unknown" : v);
  }
}
