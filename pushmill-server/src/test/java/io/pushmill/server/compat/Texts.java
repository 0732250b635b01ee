package io.pushmill.server.compat;

import java.nio.charset.StandardCharsets;

/** Renders bytes for failure messages: printable ASCII as is, everything else escaped. */
final class Texts {
  private Texts() {}

  static String quote(byte[] bytes, int limit) {
    StringBuilder out = new StringBuilder("\"");
    int shown = Math.min(bytes.length, limit);
    for (int i = 0; i < shown; i++) {
      int b = bytes[i] & 0xFF;
      switch (b) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (b >= 0x20 && b < 0x7F) {
            out.append((char) b);
          } else {
            out.append(String.format("\\x%02x", b));
          }
        }
      }
    }
    out.append('"');
    if (bytes.length > limit) {
      out.append("…(").append(bytes.length).append(" bytes)");
    }
    return out.toString();
  }

  static String quote(String text) {
    return quote(text.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
  }
}
