package io.pushmill.gateway.http;

import io.pushmill.gateway.history.HistoryQuery;
import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.http.api.ApiJson;
import io.pushmill.gateway.http.api.HistoryJson;
import io.pushmill.gateway.http.api.HistoryParams;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.store.MetricStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small routes: {@code /-/healthy}, {@code /-/ready}, {@code /-/quit}, the JSON API and the
 * admin wipe, each answering exactly as upstream's handler of the same name; and the history API,
 * an extension.
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
  private final PushHistory history;

  AdminEndpoints(
      MetricStore store,
      GatewayMetrics metrics,
      GatewayOptions options,
      Instant startTime,
      Runnable onQuit,
      PushHistory history) {
    this.store = store;
    this.metrics = metrics;
    this.options = options;
    this.startTime = startTime;
    this.onQuit = onQuit;
    this.history = history;
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

  /** GET {@code /api/v1/history} (an extension): the push history, see {@code docs/api.md}. */
  Router.Endpoint apiHistory() {
    return Instrumented.counted(
        metrics,
        "api/v1/history",
        (ex, params) -> {
          cors(ex);
          HistoryQuery query;
          try {
            query = HistoryParams.parse(queryParameters(ex));
          } catch (IllegalArgumentException e) {
            ex.send(400, "application/json", utf8(HistoryJson.badData(e.getMessage())));
            return;
          }
          ex.send(200, "application/json", utf8(HistoryJson.body(history, history.query(query))));
        });
  }

  private static Map<String, List<String>> queryParameters(Exchange ex) {
    Fields fields;
    try {
      fields = Request.extractQueryParameters(ex.request(), StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the query string is not valid: " + e.getMessage());
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Fields.Field f : fields) {
      out.put(f.getName(), f.getValues());
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
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
