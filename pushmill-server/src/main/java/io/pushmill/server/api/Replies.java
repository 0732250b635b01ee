package io.pushmill.server.api;

import io.pushmill.runner.model.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes a {@link Reply} in one piece with its Content-Type and Content-Length. */
final class Replies {
  static final String TEXT = "text/plain; charset=utf-8";
  static final String JSON = "application/json";

  private Replies() {}

  static void send(Reply reply, Response response, Callback callback) {
    String type;
    byte[] body;
    switch (reply) {
      case Reply.Text t -> {
        type = TEXT;
        body = t.body().getBytes(StandardCharsets.UTF_8);
      }
      case Reply.Json j -> {
        type = JSON;
        body = Json.write(j.body()).getBytes(StandardCharsets.UTF_8);
      }
      case Reply.Binary b -> {
        type = b.contentType();
        body = b.body();
      }
    }
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH,
        body.length));
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
