package io.pushmill.gateway.http;

import io.pushmill.gateway.http.api.ApiJson;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.store.MetricStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small routes: {@code /-/healthy}, {@code /-/ready}, {@code /-/quit}, the JSON API and the
 * admin wipe, each answering exactly as upstream's handler of the same name.
 */
final class AdminEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoints.class);
  private static final String[][] CORS = {
    {"Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, Origin"},
    {"Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS"},
    {"Access-Control-Allow-Origin", "*"},
    {"Access-Control-Expose-Headers", "Date"},
    {"Cache-Control", "no-cache, no-store, must-revalidate"},
  };

  private final MetricStore store;
  private final GatewayMetrics metrics;
  private final GatewayOptions options;
  private final Instant startTime;
  private final Runnable onQuit;

  AdminEndpoints(
      MetricStore store,
      GatewayMetrics metrics,
      GatewayOptions options,
      Instant startTime,
      Runnable onQuit) {
    this.store = store;
    this.metrics = metrics;
    this.options = options;
    this.startTime = startTime;
    this.onQuit = onQuit;
  }

  /** {@code /-/healthy} or {@code /-/ready}: the store's health, 200 {@code OK} or 500. */
  Router.Endpoint health(String handler) {
    return Instrumented.counted(
        metrics,
        handler,
        (ex, params) -> {
          if (store.healthy()) {
            ex.text(200, "OK");
          } else {
            LOG.warn("write queue is full");
            ex.error(500, "write queue is full");
          }
        });
  }

  /** PUT/POST {@code /-/quit}: shuts down with the lifecycle API, else 403. Not counted. */
  Router.Endpoint quit() {
    return (ex, params) -> {
      if (!options.enableLifecycle()) {
        ex.text(403, "Lifecycle API is not enabled.");
        return;
      }
      ex.text(200, "Requesting termination... Goodbye!");
      onQuit.run();
    };
  }

  /** GET {@code /-/quit} (never prefixed): upstream's own 405, without Allow. Not counted. */
  Router.Endpoint quitGet() {
    return (ex, params) -> ex.text(405, "Only POST or PUT requests allowed.");
  }

  /** PUT {@code /api/v1/admin/wipe}: 202 first, then one delete per group present. */
  Router.Endpoint wipe() {
    return Instrumented.counted(
        metrics,
        "wipe",
        (ex, params) -> {
          LOG.debug("start wiping metric store");
          store.wipe();
          ex.empty(202);
        });
  }

  Router.Endpoint apiStatus() {
    return api(
        "api/v1/status", ex -> ApiJson.status(options.buildInfo(), options.flags(), startTime));
  }

  Router.Endpoint apiMetrics() {
    return api("api/v1/metrics", ex -> ApiJson.metrics(store.groups()));
  }

  Router.Endpoint apiOptions() {
    return Instrumented.counted(
        metrics,
        "api/v1/options",
        (ex, params) -> {
          cors(ex);
          ex.empty(200);
        });
  }

  private Router.Endpoint api(String handler, java.util.function.Function<Exchange, String> body) {
    return Instrumented.counted(
        metrics,
        handler,
        (ex, params) -> {
          cors(ex);
          ex.send(200, "application/json", body.apply(ex).getBytes(StandardCharsets.UTF_8));
        });
  }

  private static void cors(Exchange ex) {
    for (String[] h : CORS) {
      ex.header(h[0], h[1]);
    }
  }
}
