package io.pushmill.server.ui;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Sends {@code /api}, {@code /api/*} and {@code /metrics} to the API, the rest to the UI. */
final class SiteHandler extends Handler.AbstractContainer {
  private final Handler api;
  private final Handler ui;

  SiteHandler(Handler api, Handler ui) {
    this.api = api;
    this.ui = ui;
    addBean(api, true);
    addBean(ui, true);
  }

  static boolean isApi(String path) {
    return path.equals("/metrics") || path.equals("/api") || path.startsWith("/api/");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Handler target = isApi(Request.getPathInContext(request)) ? api : ui;
    return target.handle(request, response, callback);
  }

  @Override
  public List<Handler> getHandlers() {
    return List.of(api, ui);
  }
}
