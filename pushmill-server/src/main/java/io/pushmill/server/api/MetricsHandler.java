package io.pushmill.server.api;

import io.pushmill.metrics.MetricFamily;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Only {@code GET /metrics}: the listener of a process without the API, e.g. a worker. */
public final class MetricsHandler extends Handler.Abstract {
  private final Supplier<List<MetricFamily>> families;

  public MetricsHandler(Supplier<List<MetricFamily>> families) {
    this.families = families;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    boolean metrics = Request.getPathInContext(request).equals("/metrics")
        && request.getMethod().equals("GET");
    Replies.send(metrics ? WindmillApi.metrics(families.get())
        : new Reply.Text(404, "not found: only GET /metrics is served here"), response, callback);
    return true;
  }
}
