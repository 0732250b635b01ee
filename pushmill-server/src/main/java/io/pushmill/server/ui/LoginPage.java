package io.pushmill.server.ui;

import io.pushmill.server.api.auth.AdminToken;
import io.pushmill.server.ui.Sessions.Session;
import io.pushmill.server.ui.view.LoginView;
import io.pushmill.server.ui.view.PageInfo;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;

/**
 * Logging in and out. Pushmill has no user accounts: the one login is the admin token. The form
 * carries a nonce that must match a short-lived cookie (so another site cannot log a browser in
 * with its own token), and a success starts a session whose id goes into an HttpOnly,
 * SameSite=Strict cookie (Secure over TLS). The token is never logged nor echoed.
 */
final class LoginPage {
  static final String SESSION_COOKIE = "pushmill_session";
  static final String LOGIN_COOKIE = "pushmill_login";
  private static final Duration LOGIN_FORM_LIFE = Duration.ofMinutes(30);

  private final AdminToken admin;
  private final Sessions sessions;
  private final Templates templates;

  LoginPage(AdminToken admin, Sessions sessions, Templates templates) {
    this.admin = admin;
    this.sessions = sessions;
    this.templates = templates;
  }

  /** The form; a browser that is logged in already goes on to {@code next}. */
  UiResponse show(UiRequest r) {
    String next = safeNext(r.param("next", "/"));
    if (r.session().isPresent()) {
      return UiResponse.redirect(next);
    }
    return form(r, 200, next, Optional.empty());
  }

  UiResponse submit(UiRequest r) {
    String next = safeNext(r.param("next", "/"));
    String nonce = r.param("nonce", "");
    String expected = r.cookie(LOGIN_COOKIE).orElse("");
    if (expected.isEmpty() || !Secrets.equal(expected, nonce)) {
      return form(r, 403, next, Optional.of(
          "This login form has expired or was sent from another page. Please try again."));
    }
    if (!admin.matches(r.param("token", "").strip())) {
      return form(r, 401, next, Optional.of("That is not the admin token."));
    }
    Session s = sessions.create();
    return UiResponse.redirect(next)
        .cookie(cookie(SESSION_COOKIE, s.id(), "/", sessions.maxAge(), r.secure()))
        .cookie(cookie(LOGIN_COOKIE, "", "/login", Duration.ZERO, r.secure()));
  }

  UiResponse logout(UiRequest r) {
    r.cookie(SESSION_COOKIE).ifPresent(sessions::remove);
    return UiResponse.redirect("/login")
        .cookie(cookie(SESSION_COOKIE, "", "/", Duration.ZERO, r.secure()));
  }

  /**
   * The form, with the nonce the browser already holds when it has one, so that two login pages
   * (two tabs, or a request the browser makes on its own) do not spoil each other.
   */
  private UiResponse form(UiRequest r, int status, String next, Optional<String> error) {
    String nonce = r.cookie(LOGIN_COOKIE).filter(n -> n.length() == Secrets.LENGTH)
        .orElseGet(Secrets::random);
    String html = templates.render("login.jte",
        new LoginView(PageInfo.bare("Log in", r.now()), nonce, next, error));
    return UiResponse.html(status, html)
        .cookie(cookie(LOGIN_COOKIE, nonce, "/login", LOGIN_FORM_LIFE, r.secure()));
  }

  /** A local path to go to after the login; anything else (another site) becomes {@code /}. */
  static String safeNext(String next) {
    boolean local = next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
        && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f) && !next.startsWith("/login");
    return local ? next : "/";
  }

  static HttpCookie cookie(String name, String value, String path, Duration life,
      boolean secure) {
    return HttpCookie.build(name, value).path(path).httpOnly(true).secure(secure)
        .sameSite(HttpCookie.SameSite.STRICT).maxAge(life.toSeconds()).build();
  }
}
