package io.pushmill.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.util.Map;

/**
 * {@code --log.format=logfmt}: {@code ts=… level=info caller=… msg="…" key=value}, values quoted
 * (with Go's escapes) when they are empty or hold spaces, {@code =}, quotes or control characters.
 */
public final class LogfmtLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder sb = new StringBuilder(160);
    for (Map.Entry<String, String> f : LogFields.of(event)) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(f.getKey()).append('=');
      appendValue(sb, f.getValue());
    }
    return sb.append('\n').toString();
  }

  static void appendValue(StringBuilder sb, String v) {
    if (!needsQuotes(v)) {
      sb.append(v);
      return;
    }
    sb.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean needsQuotes(String v) {
    if (v.isEmpty()) {
      return true;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c == '=' || c == '"' || c == 0x7f || Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }
}
