package io.pushmill.gateway.http;

import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.store.StoreClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a handler's failure into a response, so that an instrumented handler
 * always knows the status it answered with: {@link HttpException} becomes its status and message,
 * an interrupted wait or a closed store 503, anything else 500 (logged once).
 */
final class Instrumented {
  private static final Logger LOG = LoggerFactory.getLogger(Instrumented.class);

  /** Work that answers the exchange or throws. */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  private Instrumented() {}

  /** Runs {@code action}; a failure is answered here. */
  static void answer(Exchange ex, Action action) {
    try {
      action.run();
    } catch (HttpException e) {
      ex.error(e.status(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.error(503, "the gateway is shutting down");
    } catch (StoreClosedException e) {
      ex.error(503, "the gateway is shutting down");
    } catch (Exception e) {
      LOG.atError().setCause(e).addKeyValue("err", e.toString()).log("request failed");
      ex.error(500, "Internal Server Error");
    }
  }

  /** An endpoint counted in {@code pushgateway_http_requests_total} under {@code handler}. */
  static Router.Endpoint counted(GatewayMetrics metrics, String handler, Router.Endpoint endpoint) {
    return (ex, params) -> {
      ex.beforeSend(status -> metrics.countRequest(handler, status, ex.method()));
      answer(ex, () -> endpoint.handle(ex, params));
    };
  }
}
