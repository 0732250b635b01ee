package io.pushmill.server.ui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;

/** What a UI route answers: a status, a typed body, extra headers and cookies to set. */
final class UiResponse {
  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";

  private final int status;
  private final String contentType;
  private final byte[] body;
  private final Map<String, String> headers;
  private final List<HttpCookie> cookies;

  private UiResponse(int status, String contentType, byte[] body, Map<String, String> headers,
      List<HttpCookie> cookies) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = Map.copyOf(headers);
    this.cookies = List.copyOf(cookies);
  }

  static UiResponse html(String html) {
    return html(200, html);
  }

  static UiResponse html(int status, String html) {
    return new UiResponse(status, HTML, html.getBytes(StandardCharsets.UTF_8), Map.of(),
        List.of());
  }

  static UiResponse json(String json) {
    return new UiResponse(200, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of(), List.of());
  }

  static UiResponse text(int status, String text) {
    return new UiResponse(status, TEXT, text.getBytes(StandardCharsets.UTF_8), Map.of(),
        List.of());
  }

  static UiResponse bytes(String contentType, byte[] body) {
    return new UiResponse(200, contentType, body, Map.of(), List.of());
  }

  /** 303 See Other: after a form, the browser follows with a GET. */
  static UiResponse redirect(String location) {
    return new UiResponse(303, TEXT, new byte[0], Map.of("Location", location), List.of());
  }

  /**
   * Where to go after a form: 303 for a browser, and for htmx a 200 with {@code HX-Redirect}, so
   * that htmx loads the page instead of swapping it into the form.
   */
  static UiResponse after(UiRequest request, String location) {
    return request.htmx() ? text(200, "").header("HX-Redirect", location) : redirect(location);
  }

  UiResponse header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new UiResponse(status, contentType, body, h, cookies);
  }

  UiResponse cookie(HttpCookie cookie) {
    List<HttpCookie> c = new ArrayList<>(cookies);
    c.add(cookie);
    return new UiResponse(status, contentType, body, headers, c);
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  byte[] body() {
    return body.clone();
  }

  Map<String, String> headers() {
    return headers;
  }

  List<HttpCookie> cookies() {
    return cookies;
  }

  /** The body as text, for tests and logs. */
  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
