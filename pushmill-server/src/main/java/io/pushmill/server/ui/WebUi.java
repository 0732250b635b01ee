package io.pushmill.server.ui;

import io.pushmill.runner.Runner;
import io.pushmill.server.api.auth.AdminToken;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;

/**
 * Puts the web UI together and in front of the API: {@code /api/*} and {@code /metrics} go to the
 * API, everything else to the UI.
 */
public final class WebUi {
  private WebUi() {}

  /**
   * The handler of the API's listener.
   *
   * @param api the API's handler
   * @param admin the token the login asks for
   * @param gateway the gateway of this process; empty while it starts, and in a process that
   *     runs none
   */
  public static Handler withApi(Handler api, Runner runner, AdminToken admin,
      Supplier<Optional<GatewayView>> gateway, Clock clock) {
    return new SiteHandler(api, handler(runner, admin, gateway, clock));
  }

  /** The UI alone. */
  static UiHandler handler(Runner runner, AdminToken admin,
      Supplier<Optional<GatewayView>> gateway, Clock clock) {
    Templates templates = new Templates();
    Sessions sessions = Sessions.withDefaults(clock);
    UiRouter router = new UiRouter();
    new OverviewPage(runner, gateway, templates).register(router);
    new GatewayPage(gateway, templates).register(router);
    new ChartsPage(gateway, templates).register(router);
    new ScriptsPage(runner, templates).register(router);
    new SchedulesPage(runner, templates).register(router);
    new JobsPage(runner, templates, clock).register(router);
    new WorkersPage(runner, templates).register(router);
    return new UiHandler(router, new LoginPage(admin, sessions, templates), sessions, templates,
        new Assets(), clock, runner::workspaces);
  }
}
