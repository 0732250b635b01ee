package io.pushmill.server;

import io.pushmill.gateway.http.GatewayServer;
import io.pushmill.server.gateway.GatewayRunner;
import io.pushmill.server.ui.GatewayView;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the gateway and a {@link PushmillProcess} side by side, as {@code pushmill server} and
 * {@code pushmill up} do: first the process's API and database (so that the gateway's TTL policy
 * can read the schedules while the gateway loads its persisted groups), then the gateway, then the
 * runner, with the runner's job metrics added to the gateway's scrape. On a stop (a signal, or the
 * gateway's {@code /-/quit}) the API stops taking requests and running jobs finish (they may still
 * push to the gateway); then the gateway stops and its store persists; then the runner's database
 * closes.
 */
public final class ServerLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycle.class);

  private ServerLifecycle() {}

  /** What runs once the server is ready: the gateway's HTTP server and the runner's process. */
  public record Running(GatewayServer gateway, PushmillProcess process) {}

  /** What to do at two points of the start: the database is open; everything serves. */
  public record Hooks(Consumer<PushmillProcess> onOpen, Consumer<Running> onReady) {
    /** Nothing. */
    public static Hooks none() {
      return new Hooks(process -> { }, running -> { });
    }
  }

  /**
   * Runs until {@code signal} asks to stop.
   *
   * @param hooks {@code onOpen} runs before the gateway starts (e.g. to bind the TTL policy to the
   *     runner); {@code onReady} once everything serves (e.g. to load the demo of {@code up})
   * @return the exit code: 0 after a clean stop, 1 when something could not start
   */
  public static int run(GatewayRunner gateway, PushmillProcess.Settings settings, Hooks hooks,
      GatewayRunner.Stop signal) {
    try {
      return serve(gateway, settings, hooks, signal.request());
    } finally {
      signal.finished().countDown();
    }
  }

  /** What the web UI shows of the gateway: its store, and charts of its push history. */
  static GatewayView gatewayView(GatewayRunner.Started gw) {
    return GatewayView.of(gw.store(), gw.adminApi(), GatewayView.charts(gw.store(),
        gw.history()));
  }

  private static int serve(GatewayRunner gateway, PushmillProcess.Settings settings, Hooks hooks,
      CompletableFuture<String> signal) {
    PushmillProcess process;
    try {
      process = PushmillProcess.open(settings);
    } catch (Exception e) {
      LOG.error("pushmill could not start: {}", e.getMessage(), e);
      return 1;
    }
    try {
      hooks.onOpen().accept(process);
    } catch (RuntimeException e) {
      LOG.error("pushmill could not start: {}", e.getMessage(), e);
      process.close();
      return 1;
    }
    GatewayRunner.Stop gatewayStop = GatewayRunner.Stop.manual();
    CompletableFuture<GatewayRunner.Started> started = new CompletableFuture<>();
    CompletableFuture<Integer> gatewayExit = new CompletableFuture<>();
    Thread.ofPlatform().name("gateway").start(() -> {
      int code = gateway.runWith(started::complete, gatewayStop);
      started.cancel(false);
      gatewayExit.complete(code);
    });
    GatewayServer server;
    try {
      GatewayRunner.Started gw = started.join();
      server = gw.server();
      process.showGateway(gatewayView(gw));
    } catch (RuntimeException e) {
      process.close();
      return gatewayExit.join();
    }
    server.quitRequested().thenRun(() -> signal.complete("web"));
    server.addMetricSource(process.stack().runner()::metrics);
    process.startRunner();
    try {
      hooks.onReady().accept(new Running(server, process));
    } catch (RuntimeException e) {
      LOG.error("pushmill could not get ready: {}", e.getMessage(), e);
      signal.complete("error");
    }
    String why = signal.join();
    LOG.info("stopping ({}): running jobs may finish", why);
    process.stop();
    gatewayStop.request().complete(why);
    int code = gatewayExit.join();
    process.close();
    return why.equals("error") ? 1 : code;
  }
}
