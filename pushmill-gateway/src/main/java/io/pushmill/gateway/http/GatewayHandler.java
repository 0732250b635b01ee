package io.pushmill.gateway.http;

import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.http.gocompat.GoPath;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.http.web.StatusPage;
import io.pushmill.gateway.http.web.WebAssets;
import io.pushmill.gateway.store.MetricStore;
import io.pushmill.gateway.store.PushMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the gateway, arranged as upstream arranges them: a Go {@code ServeMux} in front
 * (301 for paths with {@code //}, {@code /./} or {@code /../}; {@code <prefix>/api/v1/} to the API
 * router, without body decoding), then the main router behind the {@code Content-Encoding} decoder.
 */
public final class GatewayHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);

  private final Router main = new Router();
  private final Router api = new Router();
  private final String apiPath;
  private final long maxBodySize;

  /**
   * @param onQuit what {@code PUT /-/quit} triggers (with the lifecycle API), after it answered
   */
  public GatewayHandler(
      MetricStore store, GatewayMetrics metrics, GatewayOptions options, Runnable onQuit) {
    this(store, metrics, options, onQuit, PushHistory.disabled());
  }

  /**
   * @param onQuit what {@code PUT /-/quit} triggers (with the lifecycle API), after it answered
   * @param history what {@code /api/v1/history} serves
   */
  public GatewayHandler(
      MetricStore store,
      GatewayMetrics metrics,
      GatewayOptions options,
      Runnable onQuit,
      PushHistory history) {
    String p = options.effectiveRoutePrefix();
    Instant startTime = options.clock().instant();
    this.apiPath = p + "/api/v1";
    this.maxBodySize = options.maxBodySize();
    AdminEndpoints admin = new AdminEndpoints(store, metrics, options, startTime, onQuit, history);
    PushEndpoints push = new PushEndpoints(store, metrics, options);

    main.add("GET", p + "/-/healthy", admin.health("healthy"))
        .add("GET", p + "/-/ready", admin.health("ready"))
        .add("GET", GoPath.join(p, options.telemetryPath()), new ScrapeEndpoint(store, metrics))
        .add(
            "GET",
            p + "/static/*filepath",
            Instrumented.counted(metrics, "static", GatewayHandler::asset))
        .add("GET", p + "/status", statusPage(store, metrics, options, startTime))
        .add("GET", p + "/", statusPage(store, metrics, options, startTime));
    for (String suffix : new String[] {"", "@base64"}) {
      boolean base64 = !suffix.isEmpty();
      for (String rest : new String[] {"/:job", "/:job/*labels"}) {
        String pattern = p + "/metrics/job" + suffix + rest;
        main.add("PUT", pattern, push.push(PushMode.REPLACE, base64))
            .add("POST", pattern, push.push(PushMode.MERGE, base64))
            .add("DELETE", pattern, push.delete(base64));
      }
    }
    for (String method : new String[] {"PUT", "POST", "DELETE"}) {
      main.quirkRedirect(method, p + "/metrics/job/", p + "/metrics/job");
    }
    main.add("PUT", p + "/-/quit", admin.quit())
        .add("POST", p + "/-/quit", admin.quit())
        .add("GET", "/-/quit", admin.quitGet());

    api.add("OPTIONS", apiPath + "/*path", admin.apiOptions())
        .add("GET", apiPath + "/status", admin.apiStatus())
        .add("GET", apiPath + "/metrics", admin.apiMetrics())
        .add("GET", apiPath + "/history", admin.apiHistory());
    if (options.enableAdminApi()) {
      api.add("PUT", apiPath + "/admin/wipe", admin.wipe());
    }
  }

  private static Router.Endpoint statusPage(
      MetricStore store, GatewayMetrics metrics, GatewayOptions options, Instant start) {
    return Instrumented.counted(
        metrics,
        "status",
        (ex, params) -> {
          StatusPage.Model model =
              new StatusPage.Model(
                  store.groups(),
                  options.flags(),
                  options.buildInfo(),
                  start,
                  options.externalPathPrefix(),
                  options.enableAdminApi());
          String html = StatusPage.render(model);
          ex.send(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        });
  }

  private static void asset(Exchange ex, java.util.Map<String, String> params) {
    Optional<WebAssets.Asset> asset = WebAssets.find(params.get("filepath").substring(1));
    if (asset.isEmpty()) {
      ex.error(404, "404 page not found");
      return;
    }
    ex.send(200, asset.get().contentType(), asset.get().bytes());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Exchange ex = new Exchange(request, response, callback);
    try {
      dispatch(ex);
    } catch (HttpException e) {
      if (ex.status() == 0) {
        ex.error(e.status(), e.getMessage());
      }
    } catch (Exception e) {
      LOG.atError().setCause(e).addKeyValue("err", e.toString()).log("request failed");
      if (ex.status() == 0) {
        ex.error(500, "Internal Server Error");
      }
    }
    if (ex.status() == 0) {
      LOG.error("no response for {} {}", request.getMethod(), request.getHttpURI().getPath());
      ex.error(500, "Internal Server Error");
    }
    return true;
  }

  private void dispatch(Exchange ex) throws Exception {
    String raw = ex.request().getHttpURI().getPath();
    Optional<String> decoded = raw == null ? Optional.empty() : GoPath.decode(raw);
    if (decoded.isEmpty()) {
      ex.error(400, "400 Bad Request");
      return;
    }
    String path = decoded.get();
    if (!ex.method().equals("CONNECT")) {
      String cleaned = GoPath.cleanKeepingTrailingSlash(path);
      if (!cleaned.equals(path)) {
        ex.redirect(301, cleaned);
        return;
      }
    }
    if (path.equals(apiPath)) {
      ex.redirect(301, apiPath + "/");
      return;
    }
    if (path.startsWith(apiPath + "/")) {
      route(api, ex, path);
      return;
    }
    ex.body(
        RequestBody.open(
            Content.Source.asInputStream(ex.request()),
            ex.header("Content-Encoding"),
            maxBodySize));
    route(main, ex, path);
  }

  private static void route(Router router, Exchange ex, String path) throws Exception {
    switch (router.route(ex.method(), path)) {
      case Router.Outcome.Handle h -> h.endpoint().handle(ex, h.params());
      case Router.Outcome.Redirect r -> ex.redirect(r.status(), r.path());
      case Router.Outcome.Options o -> {
        ex.header("Allow", o.allow());
        ex.empty(200);
      }
      case Router.Outcome.MethodNotAllowed m -> {
        ex.header("Allow", m.allow());
        ex.error(405, "Method Not Allowed");
      }
      case Router.Outcome.NotFound n -> ex.error(404, "404 page not found");
    }
  }
}
