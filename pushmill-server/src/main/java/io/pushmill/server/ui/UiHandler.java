package io.pushmill.server.ui;

import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.ConflictException;
import io.pushmill.runner.NotFoundException;
import io.pushmill.server.ui.Sessions.Session;
import io.pushmill.server.ui.view.ErrorView;
import io.pushmill.server.ui.view.PageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.UrlEncoded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's front door. Static files are open; {@code /login} is open; everything else needs a
 * session, else a GET is sent to the login page (an htmx request gets 401 and {@code
 * HX-Redirect}). Every POST must pass the {@link OriginCheck} and carry the session's CSRF token
 * (form field {@code _csrf} or header {@code X-CSRF-Token}), else 403. Failures become an error
 * page; the unexpected ones are logged once, without request bodies (a login form holds the
 * token).
 */
final class UiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(UiHandler.class);
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final int MAX_FORM_BYTES = 1024 * 1024;
  private static final int MAX_FORM_KEYS = 1000;
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
      + " 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
      + " base-uri 'none'; form-action 'self'";

  private final UiRouter router;
  private final LoginPage login;
  private final Sessions sessions;
  private final Templates templates;
  private final Assets assets;
  private final Clock clock;
  private final Supplier<List<String>> workspaces;

  UiHandler(UiRouter router, LoginPage login, Sessions sessions, Templates templates,
      Assets assets, Clock clock, Supplier<List<String>> workspaces) {
    this.router = router;
    this.login = login;
    this.sessions = sessions;
    this.templates = templates;
    this.assets = assets;
    this.clock = clock;
    this.workspaces = workspaces;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    UiResponse reply;
    boolean htmx = request.getHeaders().get("HX-Request") != null;
    try {
      reply = dispatch(request, htmx);
    } catch (RuntimeException e) {
      reply = failure(e, request, htmx);
    }
    send(reply, response, callback);
    return true;
  }

  private UiResponse dispatch(Request request, boolean htmx) {
    String method = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
    String path = URIUtil.decodePath(Request.getPathInContext(request));
    if (Assets.owns(path)) {
      return asset(method, path);
    }
    Map<String, String> cookies = cookies(request);
    Optional<Session> session = sessions.find(cookies.getOrDefault(LoginPage.SESSION_COOKIE, ""));
    boolean unsafe = !method.equals("GET");
    if (unsafe) {
      Optional<String> refused = OriginCheck.refusal(header(request, "Origin"),
          header(request, "Sec-Fetch-Site"), header(request, "Host").orElse(""));
      if (refused.isPresent()) {
        return error(403, "Refused: " + refused.get() + ".", htmx);
      }
    }
    Fields form = unsafe ? form(request) : new Fields();
    UiRequest ui = new UiRequest(method, path, "", Request.extractQueryParameters(request), form,
        session, htmx, clock.instant(), session.isPresent() ? workspaces : List::of, cookies,
        request.isSecure());
    if (path.equals("/login")) {
      return method.equals("POST") ? login.submit(ui) : login.show(ui);
    }
    if (session.isEmpty()) {
      return toLogin(request, method, htmx);
    }
    if (unsafe && !csrfMatches(session.get(), form, request)) {
      return error(403, "Refused: the form's security token is missing or out of date."
          + " Reload the page and try again.", htmx);
    }
    if (path.equals("/logout") && method.equals("POST")) {
      return login.logout(ui);
    }
    return router.route(method, path)
        .map(routed -> routed.action().handle(ui.withRest(routed.rest())))
        .orElseGet(() -> router.knowsPath(path)
            ? error(405, "This address does not take " + method + " requests.", htmx)
            : error(404, "There is no page at " + path + ".", htmx));
  }

  private UiResponse asset(String method, String path) {
    if (!method.equals("GET")) {
      return UiResponse.text(405, "static files take only GET");
    }
    return assets.find(path)
        .map(a -> UiResponse.bytes(a.contentType(), a.body())
            .header("Cache-Control", path.startsWith("/vendor/") ? "public, max-age=86400"
                : "no-cache"))
        .orElseGet(() -> UiResponse.text(404, "no such file: " + path));
  }

  private static boolean csrfMatches(Session session, Fields form, Request request) {
    String presented = Optional.ofNullable(form.getValue(CSRF_FIELD))
        .or(() -> header(request, CSRF_HEADER)).orElse("");
    return !presented.isEmpty() && Secrets.equal(session.csrf(), presented);
  }

  private static UiResponse toLogin(Request request, String method, boolean htmx) {
    if (htmx) {
      return UiResponse.text(401, "Your session has ended; log in again.")
          .header("HX-Redirect", "/login");
    }
    if (!method.equals("GET")) {
      return UiResponse.redirect("/login");
    }
    String target = Request.getPathInContext(request);
    String query = request.getHttpURI().getQuery();
    String next = query == null ? target : target + "?" + query;
    return UiResponse.redirect("/login?next=" + UrlEncoded.encodeString(next));
  }

  private UiResponse failure(RuntimeException e, Request request, boolean htmx) {
    return switch (e) {
      case UiException u -> error(u.status(), u.getMessage(), htmx);
      case BadRequestException b -> error(400, b.getMessage(), htmx);
      case NotFoundException n -> error(404, n.getMessage(), htmx);
      case ConflictException c -> error(409, c.getMessage(), htmx);
      default -> {
        LOG.error("UI {} {} failed unexpectedly", request.getMethod(),
            Request.getPathInContext(request), e);
        yield error(500, "Something went wrong on the server; its log has the details.", htmx);
      }
    };
  }

  /** A page for a browser; for htmx, the bare message (pushmill.js shows it in an alert). */
  private UiResponse error(int status, String message, boolean htmx) {
    if (htmx) {
      return UiResponse.text(status, message);
    }
    String title = status == 404 ? "Not found" : "Error " + status;
    ErrorView view = new ErrorView(PageInfo.bare(title, clock.instant()), status, message);
    return UiResponse.html(status, templates.render("error.jte", view));
  }

  private static Fields form(Request request) {
    Fields fields = new Fields();
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
      return fields;
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      UrlEncoded.decodeUtf8To(in, fields, MAX_FORM_BYTES, MAX_FORM_KEYS);
      return fields;
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw UiException.badRequest("The form could not be read: " + e.getMessage());
    }
  }

  private static Map<String, String> cookies(Request request) {
    Map<String, String> m = new HashMap<>();
    for (HttpCookie c : Request.getCookies(request)) {
      m.putIfAbsent(c.getName(), c.getValue());
    }
    return m;
  }

  private static Optional<String> header(Request request, String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  private static void send(UiResponse reply, Response response, Callback callback) {
    byte[] body = reply.body();
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH,
        body.length));
    response.getHeaders().put("Content-Security-Policy", CSP);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("Referrer-Policy", "same-origin");
    response.getHeaders().put("Cache-Control", "no-store");
    reply.headers().forEach((n, v) -> response.getHeaders().put(n, v));
    reply.cookies().forEach(c -> Response.addCookie(response, c));
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
