package io.pushmill.server.compat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP request exactly as it goes on the wire: the method and request target are sent
 * verbatim, so odd methods and un-normalised paths ({@code //}, {@code %2F}) reach the server.
 */
public record HttpCall(String method, String target, List<Header> headers, byte[] body) {

  /** One request header. */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    if (!target.startsWith("/") && !target.equals("*")) {
      throw new IllegalArgumentException("request target must start with '/': " + target);
    }
    headers = List.copyOf(headers);
    body = body.clone();
  }

  public static HttpCall of(String method, String target) {
    return new HttpCall(method, target, List.of(), new byte[0]);
  }

  public static HttpCall get(String target) {
    return of("GET", target);
  }

  public static HttpCall put(String target, String body) {
    return of("PUT", target).withBody(body);
  }

  public static HttpCall post(String target, String body) {
    return of("POST", target).withBody(body);
  }

  public static HttpCall delete(String target) {
    return of("DELETE", target);
  }

  public HttpCall withBody(String text) {
    return withBody(text.getBytes(StandardCharsets.UTF_8));
  }

  public HttpCall withBody(byte[] bytes) {
    return new HttpCall(method, target, headers, bytes);
  }

  public HttpCall withHeader(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new HttpCall(method, target, more, body);
  }

  public HttpCall withTarget(String newTarget) {
    return new HttpCall(method, newTarget, headers, body);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Whether a Content-Length goes out: always for PUT and POST (curl sends 0), else for a body. */
  boolean sendsLength() {
    return method.equals("PUT") || method.equals("POST") || body.length > 0;
  }

  @Override
  public String toString() {
    String shown = Texts.quote(body, 120);
    return method + " " + target + (headers.isEmpty() ? "" : " " + headers) + " " + shown;
  }
}
