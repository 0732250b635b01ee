package io.pushmill.gateway.http.config;

import io.pushmill.gateway.http.Exchange;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The exporter-toolkit's request wrapper, in front of every route: 500 while the configuration file
 * does not parse, 429 beyond the rate limit, the configured headers on every answer, and basic auth
 * when users are configured (401 {@code Unauthorized} with {@code WWW-Authenticate: Basic}, and the
 * request goes no further).
 */
public final class WebConfigHandler extends Handler.Wrapper {
  private final WebConfigSource source;
  private final BasicAuth auth = new BasicAuth();
  private final Optional<RateLimiter> limiter;

  public WebConfigHandler(WebConfigSource source, Handler next) {
    super(next);
    this.source = source;
    // Upstream builds the limiter once, from the file as it was at start-up.
    this.limiter =
        source
            .initial()
            .rateLimit()
            .map(r -> new RateLimiter(r.interval(), r.burst(), System::nanoTime));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    WebConfigSource.Loaded loaded = source.current();
    if (loaded.config().isEmpty()) {
      Exchange.of(request, response, callback).error(500, "Internal Server Error");
      return true;
    }
    if (limiter.isPresent() && !limiter.get().allow()) {
      Exchange.of(request, response, callback).error(429, "Too Many Requests");
      return true;
    }
    WebConfig config = loaded.config().get();
    config.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    if (config.basicAuthUsers().isEmpty()) {
      return super.handle(request, response, callback);
    }
    Optional<BasicAuth.Credentials> credentials =
        BasicAuth.parse(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    if (credentials.isPresent() && auth.check(config.basicAuthUsers(), credentials.get())) {
      return super.handle(request, response, callback);
    }
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic");
    Exchange.of(request, response, callback).error(401, "Unauthorized");
    return true;
  }
}
