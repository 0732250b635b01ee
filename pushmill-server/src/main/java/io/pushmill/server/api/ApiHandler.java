package io.pushmill.server.api;

import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.ConflictException;
import io.pushmill.runner.NotFoundException;
import io.pushmill.runner.StorageException;
import io.pushmill.server.api.auth.Authenticator;
import io.pushmill.server.api.auth.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Windmill-shaped API under {@code /api}, and {@code GET /metrics} with this process's own
 * metrics. Every request but {@code GET /api/version} and {@code /metrics} needs the admin token
 * or a running job's token, as {@code Authorization: Bearer} or as the {@code token} cookie; a job
 * token opens only its own workspace. Runner exceptions become 400/404/409 with their message as a
 * text body; anything unexpected is logged once and answered 500 with a generic text.
 */
public final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  /** The largest request body read: a script or a schedule is far smaller. */
  static final int MAX_BODY = 16 * 1024 * 1024;

  private final Routes routes;
  private final Authenticator authenticator;
  private final Supplier<Reply> version;
  private final Supplier<Reply> metrics;

  /**
   * @param routes the authenticated routes, below {@code /api}
   * @param version what {@code GET /api/version} answers, without auth
   * @param metrics what {@code GET /metrics} answers, without auth
   */
  public ApiHandler(Routes routes, Authenticator authenticator, Supplier<Reply> version,
      Supplier<Reply> metrics) {
    this.routes = routes;
    this.authenticator = authenticator;
    this.version = version;
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Reply reply;
    try {
      reply = dispatch(request);
    } catch (RuntimeException e) {
      reply = ErrorReplies.of(e, request.getMethod() + " " + Request.getPathInContext(request));
    }
    Replies.send(reply, response, callback);
    return true;
  }

  private Reply dispatch(Request request) {
    String method = request.getMethod();
    // Jetty keeps the path %-encoded; routes match on the decoded one, as clients encodeURI it.
    String path = URIUtil.decodePath(Request.getPathInContext(request));
    if (path.equals("/metrics") && method.equals("GET")) {
      return metrics.get();
    }
    if (!path.startsWith("/api/")) {
      throw ApiException.notFound("not found: " + path);
    }
    String route = path.substring("/api".length());
    if (route.equals("/version") && method.equals("GET")) {
      return version.get();
    }
    Principal principal = authenticator.authenticate(token(request))
        .orElseThrow(() -> ApiException.unauthorized(
            "Unauthorized: a valid token is required (Authorization: Bearer <token>)"));
    checkScope(principal, route);
    Routes.Match match = routes.match(method, route)
        .orElseThrow(() -> ApiException.notFound("not found: " + method + " " + path));
    ApiRequest apiRequest = new ApiRequest(match.params(), query(request), body(request),
        principal);
    return match.endpoint().handle(apiRequest);
  }

  /** A job's token opens its own workspace's routes and {@code whoami}, nothing global. */
  private static void checkScope(Principal principal, String route) {
    if (principal.isAdmin()) {
      return;
    }
    String ws = principal.workspace().orElseThrow();
    if (route.equals("/users/whoami") || route.startsWith("/w/" + ws + "/")) {
      return;
    }
    throw ApiException.unauthorized(
        "Unauthorized: this job's token is valid only in workspace " + ws);
  }

  static String token(Request request) {
    String header = request.getHeaders().get("Authorization");
    if (header != null) {
      String h = header.strip();
      if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return h.substring(7).strip();
      }
    }
    List<HttpCookie> cookies = Request.getCookies(request);
    Optional<String> cookie = cookies.stream().filter(c -> c.getName().equals("token"))
        .map(HttpCookie::getValue).findFirst();
    return cookie.map(String::strip).orElse("");
  }

  private static Fields query(Request request) {
    return Request.extractQueryParameters(request);
  }

  private static byte[] body(Request request) {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new ApiException(413, "the request body is larger than " + MAX_BODY + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
    }
  }

  /** Maps exceptions to replies; logs only what the client cannot have caused. */
  static final class ErrorReplies {
    private ErrorReplies() {}

    static Reply of(RuntimeException e, String what) {
      return switch (e) {
        case ApiException a -> new Reply.Text(a.status(), a.getMessage());
        case BadRequestException b -> new Reply.Text(400, b.getMessage());
        case NotFoundException n -> new Reply.Text(404, n.getMessage());
        case ConflictException c -> new Reply.Text(409, c.getMessage());
        case StorageException s -> {
          LOG.error("{} failed in the database: {}", what, s.getMessage(), s);
          yield new Reply.Text(500, s.getMessage());
        }
        default -> {
          LOG.error("{} failed unexpectedly", what, e);
          yield new Reply.Text(500, "internal server error; the server's log has the details");
        }
      };
    }
  }
}
