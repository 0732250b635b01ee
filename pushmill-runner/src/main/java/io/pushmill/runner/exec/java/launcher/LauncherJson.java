package io.pushmill.runner.exec.java.launcher;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small JSON reader and writer of the child JVM that runs a Java job. It has no dependency
 * beyond java.base, because loading Jackson would cost the child more than its whole start, and it
 * avoids lambdas and {@code +} on strings, whose first use bootstraps invokedynamic machinery.
 *
 * <p>Reads objects as {@link LinkedHashMap}, arrays as {@link ArrayList}, integers as {@link Long}
 * (or {@link BigInteger}), other numbers as {@link Double}. Writes ASCII-only JSON: maps,
 * iterables, arrays and records as JSON structures, non-finite numbers as null, enums by name,
 * {@link Optional} by its value, anything else by {@code toString()}.
 */
public final class LauncherJson {
  private static final int MAX_DEPTH = 1000;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final String text;
  private int pos;

  private LauncherJson(String text) {
    this.text = text;
  }

  /** Parses one JSON value; throws {@link IllegalArgumentException} naming the offset. */
  public static Object parse(String text) {
    LauncherJson reader = new LauncherJson(text);
    Object value = reader.value(0);
    reader.skipSpace();
    if (reader.pos != text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting too deep");
    }
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    if (c == '{') {
      return object(depth);
    }
    if (c == '[') {
      return array(depth);
    }
    if (c == '"') {
      return string();
    }
    if (text.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return null;
    }
    return number();
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      String key = string();
      skipSpace();
      expect(':');
      map.put(key, value(depth + 1));
      skipSpace();
      char c = next();
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw error("expected , or }");
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value(depth + 1));
      skipSpace();
      char c = next();
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw error("expected , or ]");
      }
    }
  }

  private String string() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short unicode escape");
          }
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> out.append(e);
      }
    }
  }

  private Object number() {
    int start = pos;
    boolean decimal = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '.' || c == 'e' || c == 'E') {
        decimal = true;
      } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
        break;
      }
      pos++;
    }
    String literal = text.substring(start, pos);
    try {
      if (decimal) {
        return Double.valueOf(literal);
      }
      BigInteger big = new BigInteger(literal);
      return big.bitLength() < 64 ? (Object) Long.valueOf(big.longValue()) : big;
    } catch (NumberFormatException e) {
      pos = start;
      throw error("expected a JSON value");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && text.charAt(pos) <= ' ') {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      pos--;
      throw error(new StringBuilder("expected ").append(c).toString());
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        new StringBuilder("invalid JSON at offset ")
            .append(pos)
            .append(": ")
            .append(what)
            .toString());
  }

  /** The value as JSON text. */
  public static String write(Object value) throws ReflectiveOperationException {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, int depth)
      throws ReflectiveOperationException {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("the result nests deeper than 1000 levels (a cycle?)");
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      out.append(Double.isFinite(d) ? value.toString() : "null");
    } else if (value instanceof Number number) {
      writeNumber(number, out);
    } else if (value instanceof CharSequence || value instanceof Character) {
      string(value.toString(), out);
    } else if (value instanceof Enum<?> e) {
      string(e.name(), out);
    } else if (value instanceof Optional<?> optional) {
      write(optional.orElse(null), out, depth + 1);
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, out, depth);
    } else if (value instanceof Iterable<?> iterable) {
      writeIterable(iterable, out, depth);
    } else if (value.getClass().isArray()) {
      writeArray(value, out, depth);
    } else if (value.getClass().isRecord()) {
      writeRecord(value, out, depth);
    } else {
      string(value.toString(), out);
    }
  }

  private static void writeNumber(Number number, StringBuilder out) {
    double d = number.doubleValue();
    out.append(Double.isFinite(d) ? number.toString() : "null");
  }

  private static void writeMap(Map<?, ?> map, StringBuilder out, int depth)
      throws ReflectiveOperationException {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(String.valueOf(entry.getKey()), out);
      out.append(':');
      write(entry.getValue(), out, depth + 1);
    }
    out.append('}');
  }

  private static void writeIterable(Iterable<?> iterable, StringBuilder out, int depth)
      throws ReflectiveOperationException {
    out.append('[');
    boolean first = true;
    for (Object item : iterable) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(item, out, depth + 1);
    }
    out.append(']');
  }

  private static void writeArray(Object array, StringBuilder out, int depth)
      throws ReflectiveOperationException {
    out.append('[');
    int length = Array.getLength(array);
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        out.append(',');
      }
      write(Array.get(array, i), out, depth + 1);
    }
    out.append(']');
  }

  private static void writeRecord(Object record, StringBuilder out, int depth)
      throws ReflectiveOperationException {
    out.append('{');
    RecordComponent[] components = record.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      string(components[i].getName(), out);
      out.append(':');
      java.lang.reflect.Method accessor = components[i].getAccessor();
      accessor.setAccessible(true);
      write(accessor.invoke(record), out, depth + 1);
    }
    out.append('}');
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x20 || c > 0x7e) {
        out.append("\\u")
            .append(HEX[(c >> 12) & 15])
            .append(HEX[(c >> 8) & 15])
            .append(HEX[(c >> 4) & 15])
            .append(HEX[c & 15]);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
