package io.pushmill.server.compat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One HTTP response: status, headers (names lower-cased, in arrival order) and the raw body. */
public record HttpReply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

  public HttpReply {
    headers =
        headers.stream()
            .map(h -> Map.entry(h.getKey().toLowerCase(Locale.ROOT), h.getValue()))
            .toList();
    body = body.clone();
  }

  /** The value of a header, several occurrences joined with {@code ", "} as HTTP allows. */
  public Optional<String> header(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    List<String> values =
        headers.stream().filter(h -> h.getKey().equals(wanted)).map(Map.Entry::getValue).toList();
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return status + " " + headers + " " + Texts.quote(body, 300);
  }
}
