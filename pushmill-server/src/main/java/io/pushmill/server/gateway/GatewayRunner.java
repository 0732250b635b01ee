package io.pushmill.server.gateway;

import io.pushmill.gateway.history.HistoryOptions;
import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.http.GatewayOptions;
import io.pushmill.gateway.http.GatewayServer;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.persistence.FileStorePersistence;
import io.pushmill.gateway.store.DefaultMetricStore;
import io.pushmill.gateway.store.MetricStore;
import io.pushmill.gateway.store.StoreOptions;
import io.pushmill.gateway.store.StorePersistence;
import io.pushmill.gateway.store.TtlPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires and runs the gateway: persistence, then the push history and the store (which loads the
 * persisted groups and feeds the history), then the HTTP server; on a stop request ({@code
 * /-/quit} or SIGTERM/SIGINT) the server stops taking requests, then the store drains its queue
 * and persists. Expiry: the default TTL from the flags, and a {@link TtlPolicy} from whoever runs
 * the gateway (the runner gives its schedules' groups one).
 */
public final class GatewayRunner {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayRunner.class);
  private static final int QUEUE_CAPACITY = 1000; // upstream's write queue

  private final GatewayOptions options;
  private final Optional<Path> persistenceFile;
  private final boolean refuseCorrupt;
  private final Duration persistenceInterval;
  private final String externalUrl;
  private final Duration defaultTtl;
  private final HistoryOptions history;
  private final TtlPolicy ttlPolicy;

  GatewayRunner(GatewayCommand flags) {
    this(flags, TtlPolicy.none());
  }

  /** The gateway these flags describe, with a TTL policy between the URL's TTL and the default. */
  GatewayRunner(GatewayCommand flags, TtlPolicy ttlPolicy) {
    this(
        flags.options(),
        flags.persistenceFile(),
        flags.refuseCorrupt(),
        flags.persistenceInterval(),
        flags.externalUrl(),
        flags.defaultTtl(),
        flags.historyOptions(),
        ttlPolicy);
  }

  GatewayRunner(
      GatewayOptions options,
      Optional<Path> persistenceFile,
      boolean refuseCorrupt,
      Duration persistenceInterval,
      String externalUrl) {
    this(
        options,
        persistenceFile,
        refuseCorrupt,
        persistenceInterval,
        externalUrl,
        Duration.ZERO,
        HistoryOptions.defaults(),
        TtlPolicy.none());
  }

  GatewayRunner(
      GatewayOptions options,
      Optional<Path> persistenceFile,
      boolean refuseCorrupt,
      Duration persistenceInterval,
      String externalUrl,
      Duration defaultTtl,
      HistoryOptions history,
      TtlPolicy ttlPolicy) {
    this.options = options;
    this.persistenceFile = persistenceFile;
    this.refuseCorrupt = refuseCorrupt;
    this.persistenceInterval = persistenceInterval;
    this.externalUrl = externalUrl;
    this.defaultTtl = defaultTtl;
    this.history = history;
    this.ttlPolicy = ttlPolicy;
  }

  /** A request to stop, and a latch the JVM's shutdown waits on until the store is closed. */
  public record Stop(CompletableFuture<String> request, CountDownLatch finished) {
    /** A stop requested only by the caller (or by {@code /-/quit}). */
    public static Stop manual() {
      return new Stop(new CompletableFuture<>(), new CountDownLatch(1));
    }

    /**
     * A stop also requested by SIGTERM or SIGINT (handled without starting the JVM's shutdown, see
     * {@link StopSignals}); should the JVM shut down anyway, its exit waits until the store has
     * been closed, so that the final persist is not cut short.
     */
    public static Stop onSignal() {
      Stop stop = manual();
      StopSignals.install(stop.request());
      Runtime.getRuntime()
          .addShutdownHook(
              Thread.ofPlatform()
                  .name("pushmill-shutdown")
                  .unstarted(
                      () -> {
                        stop.request().complete("signal");
                        try {
                          stop.finished().await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }));
      return stop;
    }
  }

  /**
   * The gateway once it serves: its HTTP server, its store, its push history, and whether {@code
   * --web.enable-admin-api} is on (the web UI of {@code pushmill server} shows them).
   */
  public record Started(GatewayServer server, MetricStore store, PushHistory history,
      boolean adminApi) {}

  /**
   * Runs until {@code stop} is requested or a client asks to quit.
   *
   * @param onStarted called once the server listens
   * @return the exit code: 0 after a clean shutdown, 1 when the gateway could not start
   */
  public int run(Consumer<GatewayServer> onStarted, Stop stop) {
    return runWith(started -> onStarted.accept(started.server()), stop);
  }

  /** As {@link #run}, telling {@code onStarted} about the store too. */
  public int runWith(Consumer<Started> onStarted, Stop stop) {
    try {
      return serve(onStarted, stop.request());
    } finally {
      stop.finished().countDown();
    }
  }

  private int serve(Consumer<Started> onStarted, CompletableFuture<String> stop) {
    LOG.atInfo()
        .addKeyValue("version", options.buildInfo().version())
        .log("starting pushmill gateway");
    LOG.atInfo()
        .addKeyValue(
            "build_context",
            "(java="
                + options.buildInfo().runtimeVersion()
                + ", user="
                + options.buildInfo().buildUser()
                + ", date="
                + options.buildInfo().buildDate()
                + ")")
        .log("Build context");
    LOG.atDebug().addKeyValue("url", externalUrl).log("external URL");
    LOG.atDebug()
        .addKeyValue("path", options.effectiveRoutePrefix())
        .log("path prefix for internal routing");
    GatewayMetrics metrics = GatewayMetrics.create(options.buildInfo());
    StorePersistence persistence =
        persistenceFile
            .<StorePersistence>map(
                f -> new LoggedPersistence(new FileStorePersistence(f, refuseCorrupt), f))
            .orElse(StorePersistence.none());
    PushHistory pushHistory = PushHistory.create(history, InstantSource.system());
    DefaultMetricStore store;
    try {
      store =
          new DefaultMetricStore(
              persistence,
              metrics,
              new StoreOptions(persistenceInterval, QUEUE_CAPACITY, InstantSource.system())
                  .withDefaultTtl(defaultTtl)
                  .withTtlPolicy(ttlPolicy)
                  .withListener(pushHistory));
    } catch (Exception e) {
      LOG.atError().addKeyValue("err", e.getMessage()).log("could not load persisted metrics");
      return 1;
    }
    GatewayServer server;
    try {
      server = GatewayServer.create(store, metrics, options, pushHistory);
      server.start();
    } catch (Exception e) {
      LOG.atError().addKeyValue("err", e.getMessage()).log("HTTP server could not start");
      closeStore(store);
      return 1;
    }
    onStarted.accept(new Started(server, store, pushHistory, options.enableAdminApi()));
    server.quitRequested().thenRun(() -> stop.complete("web"));
    if (stop.join().equals("web")) {
      LOG.warn("received termination request via web service, exiting gracefully...");
    } else {
      LOG.info("received SIGINT/SIGTERM; exiting gracefully...");
    }
    try {
      server.stop();
    } catch (Exception e) {
      LOG.atError().addKeyValue("err", e.getMessage()).log("HTTP server stopped with an error");
    }
    return closeStore(store) ? 0 : 1;
  }

  private static boolean closeStore(DefaultMetricStore store) {
    try {
      store.close();
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.atError().addKeyValue("err", e.getMessage()).log("problem shutting down metric storage");
      return false;
    }
  }
}
