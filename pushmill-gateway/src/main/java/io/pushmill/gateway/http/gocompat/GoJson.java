package io.pushmill.gateway.http.gocompat;

import io.pushmill.metrics.Utf8Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serialises values as Go's {@code encoding/json.Marshal} does: map keys sorted byte-wise, no
 * spaces, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as {@code &#92;u003c} and so
 * on, {@code \b} and {@code \f} as short escapes (Go 1.22+), other control characters as {@code
 * &#92;u00XX}, and unpaired surrogates (Go: invalid UTF-8) replaced by U+FFFD.
 *
 * <p>Values: {@link Map} (keys sorted here; use {@link Ordered} for a struct's field order), {@link
 * List}, {@link String}, {@link Boolean}, {@link Integer}/{@link Long}, {@link BigDecimal} (as a
 * plain decimal) and {@code null}.
 */
public final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** A JSON object whose fields keep the given order, as a Go struct's do. */
  public record Ordered(Map<String, Object> fields) {}

  private GoJson() {}

  /** The JSON text of {@code value}. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(256);
    append(sb, value);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object value) {
    switch (value) {
      case null -> sb.append("null");
      case String s -> appendString(sb, s);
      case Boolean b -> sb.append(b);
      case Integer i -> sb.append(i);
      case Long l -> sb.append(l);
      case BigDecimal d -> sb.append(d.toPlainString());
      case Ordered o -> appendObject(sb, o.fields());
      case Map<?, ?> m -> appendObject(sb, sorted(m));
      case List<?> l -> appendArray(sb, l);
      default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }
  }

  private static Map<String, Object> sorted(Map<?, ?> m) {
    Map<String, Object> sorted = new TreeMap<>(Utf8Order.COMPARATOR);
    m.forEach((k, v) -> sorted.put((String) k, v));
    return sorted;
  }

  private static void appendObject(StringBuilder sb, Map<String, Object> fields) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      appendString(sb, e.getKey());
      sb.append(':');
      append(sb, e.getValue());
    }
    sb.append('}');
  }

  private static void appendArray(StringBuilder sb, List<?> list) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      append(sb, list.get(i));
    }
    sb.append(']');
  }

  /** Appends {@code s} as a Go JSON string literal. */
  public static void appendString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> appendUnicodeEscape(sb, c);
        default -> appendPlain(sb, s, i, c);
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(s.charAt(++i));
      }
    }
    sb.append('"');
  }

  private static void appendPlain(StringBuilder sb, String s, int i, char c) {
    if (c < 0x20) {
      appendUnicodeEscape(sb, c);
    } else if (Character.isHighSurrogate(c)) {
      boolean paired = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      sb.append(paired ? c : '\ufffd');
    } else if (Character.isLowSurrogate(c)) {
      sb.append('\ufffd'); // a low surrogate reached here has no high one before it
    } else {
      sb.append(c);
    }
  }

  private static void appendUnicodeEscape(StringBuilder sb, char c) {
    sb.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
