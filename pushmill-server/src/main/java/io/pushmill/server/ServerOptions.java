package io.pushmill.server;

import io.pushmill.gateway.store.TtlPolicy;
import io.pushmill.server.demo.TutorialDemo;
import io.pushmill.server.expiry.ScheduleTtlPolicy;
import io.pushmill.server.gateway.GatewayCommand;
import io.pushmill.server.gateway.GatewayRunner;
import io.pushmill.server.runner.RunnerOptions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The flags {@code pushmill server} and {@code pushmill up} have beside the gateway's and the
 * runner's (the same names; {@code up} gives them other defaults), and how both run: the TTL
 * policy of the schedules' groups bound once the database is open, the demo installed once
 * everything serves.
 */
public final class ServerOptions {
  @Option(names = "--api.listen-address", defaultValue = ":8000", paramLabel = "<address>",
      description = "Addresses of the API (Windmill's shapes, under /api). Repeatable.")
  List<String> apiListen;

  @Option(names = "--worker.slots", defaultValue = "0", paramLabel = "<n>",
      description = "Jobs this process runs at once; 0 leaves them to `pushmill worker`.")
  int slots;

  @Option(names = "--demo", negatable = true, arity = "0..1", paramLabel = "<bool>",
      fallbackValue = "true", defaultValue = "false",
      description = "Install the tutorial's job when absent: the script "
          + "u/admin/random_number_metric_script and a schedule running it every 5 s.")
  boolean demo;

  @Option(names = "--demo.gateway-url", paramLabel = "<url>",
      description = "The gateway as the demo's jobs reach it, set in the workspace variable "
          + "PROMETHEUS_GATEWAY_URL (default: the gateway's first listen address; a wildcard "
          + "host becomes localhost).")
  String demoGatewayUrl;

  @Option(names = "--push.schedule-ttl", negatable = true, arity = "0..1", paramLabel = "<bool>",
      fallbackValue = "true", defaultValue = "false",
      description = "Groups whose job label is the script path of a schedule expire 2 × the "
          + "schedule's interval + the script's timeout after their last push.")
  boolean scheduleTtl;

  /** What {@code up} prints once everything serves. */
  public record Ready(ServerLifecycle.Running running, Optional<TutorialDemo.Installed> demo,
      Optional<ScheduleTtlPolicy> ttlPolicy) {}

  /** The process these flags describe. */
  PushmillProcess.Settings settings(RunnerOptions runner) {
    return new PushmillProcess.Settings(
        runner.config(slots, "--worker.slots", PushmillProcess.DEFAULT_BASE_URL),
        runner.runtimes(), runner.dataDir(), System.getenv(), apiListen, List.of(),
        runner.baseUrl(), new ProcessMetrics(ServerCommand.buildInfo()));
  }

  /** Runs the gateway, the API and the runner until {@code signal}; answers the exit code. */
  int run(GatewayCommand gateway, RunnerOptions runner, Consumer<Ready> onReady,
      GatewayRunner.Stop signal) {
    PushmillProcess.Settings settings = settings(runner);
    Optional<ScheduleTtlPolicy> policy = scheduleTtl
        ? Optional.of(new ScheduleTtlPolicy(Clock.systemUTC())) : Optional.empty();
    GatewayRunner gatewayRunner = gateway.prepare(
        policy.<TtlPolicy>map(p -> p).orElse(TtlPolicy.none()));
    ServerLifecycle.Hooks hooks = new ServerLifecycle.Hooks(
        process -> policy.ifPresent(p -> p.bind(process.stack().runner())),
        running -> {
          Optional<TutorialDemo.Installed> installed = demo
              ? Optional.of(TutorialDemo.install(running.process().stack().runner(),
                  demoGatewayUrl(running, gateway)))
              : Optional.empty();
          policy.ifPresent(ScheduleTtlPolicy::refresh);
          onReady.accept(new Ready(running, installed, policy));
        });
    return ServerLifecycle.run(gatewayRunner, settings, hooks, signal);
  }

  private String demoGatewayUrl(ServerLifecycle.Running running, GatewayCommand gateway) {
    if (demoGatewayUrl != null && !demoGatewayUrl.isBlank()) {
      return demoGatewayUrl;
    }
    return PushmillProcess.baseUrl(running.gateway().uris().getFirst()) + gateway.routePrefix();
  }
}
