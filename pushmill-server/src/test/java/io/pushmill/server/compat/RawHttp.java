package io.pushmill.server.compat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket, one connection per request. Unlike
 * java.net.http it sends any method and any request target byte for byte.
 */
public final class RawHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private RawHttp() {}

  /** Sends {@code call} to 127.0.0.1:{@code port} and reads the whole response. */
  public static HttpReply send(int port, HttpCall call) {
    return send(port, call, TIMEOUT);
  }

  /** As {@link #send(int, HttpCall)}, failing when no byte arrives for {@code timeout}. */
  public static HttpReply send(int port, HttpCall call, Duration timeout) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(head(port, call).getBytes(StandardCharsets.ISO_8859_1));
      out.write(call.body());
      out.flush();
      return read(socket.getInputStream(), call.method().equals("HEAD"));
    } catch (IOException e) {
      throw new UncheckedIOException("no HTTP answer from port " + port + " to " + call, e);
    }
  }

  private static String head(int port, HttpCall call) {
    StringBuilder head = new StringBuilder();
    head.append(call.method()).append(' ').append(call.target()).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    for (HttpCall.Header h : call.headers()) {
      head.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    if (call.sendsLength()) {
      head.append("Content-Length: ").append(call.body().length).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  private static HttpReply read(InputStream in, boolean headRequest) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
    }
    HttpReply noBody = new HttpReply(status, headers, new byte[0]);
    if (headRequest || status == 204 || status == 304 || status / 100 == 1) {
      return noBody;
    }
    byte[] body;
    if (noBody.header("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT)).orElse("")
        .contains("chunked")) {
      body = chunked(in);
    } else if (noBody.header("content-length").isPresent()) {
      body = in.readNBytes(Integer.parseInt(noBody.header("content-length").orElseThrow()));
    } else {
      body = in.readAllBytes();
    }
    return new HttpReply(status, headers, body);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in);
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        while (!line(in).isEmpty()) {
          // trailers are not used by either gateway; skip them
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length < size) {
        throw new EOFException("chunk cut short");
      }
      body.write(chunk);
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new EOFException("connection closed inside the response head");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
