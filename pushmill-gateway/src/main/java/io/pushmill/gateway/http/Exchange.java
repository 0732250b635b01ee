package io.pushmill.gateway.http;

import io.pushmill.gateway.http.gocompat.GoHtml;
import io.pushmill.gateway.http.gocompat.GoPath;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its response, answered in one piece with a {@code Content-Length}, in the shapes
 * upstream's Go server produces: {@code http.Error} bodies, empty answers, redirects.
 */
public final class Exchange {
  /** The Content-Type Go gives plain-text bodies. */
  public static final String TEXT_PLAIN = "text/plain; charset=utf-8";

  private final Request request;
  private final Response response;
  private final Callback callback;
  private RequestBody body;
  private int status;
  private final java.util.List<java.util.function.IntConsumer> beforeSend =
      new java.util.ArrayList<>();

  /** An exchange for a Jetty request; the callback is completed when the response is sent. */
  public static Exchange of(Request request, Response response, Callback callback) {
    return new Exchange(request, response, callback);
  }

  Exchange(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  public Request request() {
    return request;
  }

  public String method() {
    return request.getMethod();
  }

  /** The first value of a request header. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  /** The request body, decompressed and size-limited; opened by the gateway before routing. */
  public RequestBody body() {
    if (body == null) {
      throw new IllegalStateException("the request body was not opened");
    }
    return body;
  }

  void body(RequestBody body) {
    this.body = body;
  }

  /** The status sent, or 0 before the response. */
  public int status() {
    return status;
  }

  /**
   * Runs {@code listener} with the status just before the response goes out, so that what it
   * records (request counters) is there before the client can see the answer.
   */
  public void beforeSend(java.util.function.IntConsumer listener) {
    beforeSend.add(listener);
  }

  /** Sets a response header; for headers that must be present whatever the answer is. */
  public void header(String name, String value) {
    response.getHeaders().put(name, value);
  }

  /** Go's {@code http.Error}: plain text, {@code nosniff}, the message and a newline. */
  public void error(int code, String message) {
    // Go writes headers sorted by name: Content-Type before X-Content-Type-Options.
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, TEXT_PLAIN);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    send(code, null, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** An answer without a body: {@code Content-Length: 0} and no Content-Type. */
  public void empty(int code) {
    send(code, null, new byte[0]);
  }

  /** A plain-text body without the trailing newline of {@link #error}. */
  public void text(int code, String body) {
    send(code, TEXT_PLAIN, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Go's {@code http.Redirect} to a byte-string path: the path escaped into {@code Location} with
   * the request's query, and for GET a small HTML body.
   */
  public void redirect(int code, String byteStringPath) {
    String query = request.getHttpURI().getQuery();
    String location = GoPath.escape(byteStringPath) + (query == null ? "" : "?" + query);
    response.getHeaders().put(HttpHeader.LOCATION, location);
    String method = method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      empty(code);
      return;
    }
    String body =
        "<a href=\"" + GoHtml.escape(location) + "\">" + StatusTexts.of(code) + "</a>.\n\n";
    send(code, "text/html; charset=utf-8", method.equals("GET") ? utf8(body) : new byte[0]);
  }

  /** Sends the whole response; a null {@code contentType} sends none. */
  public void send(int code, String contentType, byte[] body) {
    send(code, contentType, ByteBuffer.wrap(body));
  }

  /** Sends the remaining bytes of {@code body} as the whole response, without copying them. */
  public void send(int code, String contentType, ByteBuffer body) {
    if (status != 0) {
      throw new IllegalStateException("response already sent with status " + status);
    }
    status = code;
    for (java.util.function.IntConsumer l : beforeSend) {
      l.accept(code);
    }
    response.setStatus(code);
    HttpFields.Mutable headers = response.getHeaders();
    if (contentType != null) {
      headers.put(HttpHeader.CONTENT_TYPE, contentType);
    }
    headers.put(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, body.remaining()));
    response.write(true, body, callback);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
