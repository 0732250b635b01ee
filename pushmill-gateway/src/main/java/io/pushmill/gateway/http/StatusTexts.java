package io.pushmill.gateway.http;

import java.util.Map;

/** Go's {@code http.StatusText} for the statuses the gateway sends. */
final class StatusTexts {
  private static final Map<Integer, String> TEXTS =
      Map.ofEntries(
          Map.entry(200, "OK"),
          Map.entry(202, "Accepted"),
          Map.entry(301, "Moved Permanently"),
          Map.entry(307, "Temporary Redirect"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(413, "Request Entity Too Large"),
          Map.entry(414, "Request URI Too Long"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(503, "Service Unavailable"));

  private StatusTexts() {}

  static String of(int code) {
    return TEXTS.getOrDefault(code, "Status " + code);
  }
}
