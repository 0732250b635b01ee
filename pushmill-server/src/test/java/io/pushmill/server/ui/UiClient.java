package io.pushmill.server.ui;

import io.pushmill.server.testing.ApiFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpTester;

/**
 * A browser stand-in for handler tests: it keeps cookies, logs in with the login form, and sends
 * forms with the session's CSRF token read from the last page, like a same-origin browser.
 */
final class UiClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

  private final ApiFixture api;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf = "";

  UiClient(ApiFixture api) {
    this.api = api;
  }

  /** Logs in with the admin token; fails the test when that does not work. */
  UiClient login() throws Exception {
    HttpTester.Response r = login(ApiFixture.TOKEN);
    if (r.getStatus() != 303) {
      throw new AssertionError("login answered " + r.getStatus() + ": " + r.getContent());
    }
    get("/");
    return this;
  }

  HttpTester.Response login(String token) throws Exception {
    HttpTester.Response form = get("/login");
    Matcher m = NONCE.matcher(form.getContent());
    String nonce = m.find() ? m.group(1) : "";
    return send("POST", "/login", form("nonce", nonce, "token", token, "next", "/"),
        Map.of("Origin", "http://pushmill"));
  }

  HttpTester.Response get(String target) throws Exception {
    return send("GET", target, "", Map.of());
  }

  /** A form POST with the CSRF token, from this origin. */
  HttpTester.Response post(String target, String... namesAndValues) throws Exception {
    String[] all = new String[namesAndValues.length + 2];
    System.arraycopy(namesAndValues, 0, all, 0, namesAndValues.length);
    all[namesAndValues.length] = "_csrf";
    all[namesAndValues.length + 1] = csrf;
    return send("POST", target, form(all), Map.of("Origin", "http://pushmill"));
  }

  String csrf() {
    return csrf;
  }

  Map<String, String> cookies() {
    return cookies;
  }

  HttpTester.Response send(String method, String target, String body,
      Map<String, String> headers) throws Exception {
    HttpTester.Request r = HttpTester.newRequest();
    r.setMethod(method);
    r.setURI(target);
    r.setVersion("HTTP/1.1");
    r.setHeader("Host", "pushmill");
    r.setHeader("Connection", "close");
    if (!cookies.isEmpty()) {
      StringBuilder c = new StringBuilder();
      cookies.forEach((n, v) -> c.append(c.isEmpty() ? "" : "; ").append(n).append('=').append(v));
      r.setHeader("Cookie", c.toString());
    }
    headers.forEach(r::setHeader);
    if (!body.isEmpty()) {
      r.setHeader("Content-Type", "application/x-www-form-urlencoded");
      r.setContent(body.getBytes(StandardCharsets.UTF_8));
    }
    HttpTester.Response response = api.send(r);
    for (String setCookie : response.getValuesList("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    Matcher m = CSRF.matcher(response.getContent() == null ? "" : response.getContent());
    if (m.find()) {
      csrf = m.group(1);
    }
    return response;
  }

  static String form(String... namesAndValues) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      sb.append(sb.isEmpty() ? "" : "&")
          .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return sb.toString();
  }
}
