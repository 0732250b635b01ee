package io.pushmill.gateway.http.gocompat;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.Quote} ({@code %q}), byte for byte, so that error messages quote URL values
 * exactly as upstream does: printable runes as they are, invalid UTF-8 bytes as {@code \xff}, other
 * runes as {@code \n}, {@code &#92;u00a0} or {@code \U0001f600}.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** The quoted form of a Java string. */
  public static String quote(String s) {
    return quote(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The quoted form of raw bytes, which need not be valid UTF-8. */
  public static String quote(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length + 2).append('"');
    int i = 0;
    while (i < bytes.length) {
      int width = Utf8.runeWidth(bytes, i);
      if (width == 0) {
        sb.append("\\x").append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
        i++;
        continue;
      }
      appendRune(sb, Utf8.decodeRune(bytes, i, width));
      i += width;
    }
    return sb.append('"').toString();
  }

  private static void appendRune(StringBuilder sb, int r) {
    if (r == '"' || r == '\\') {
      sb.append('\\').append((char) r);
    } else if (isPrint(r)) {
      sb.appendCodePoint(r);
    } else {
      switch (r) {
        case 0x07 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 0x0b -> sb.append("\\v");
        default -> appendEscaped(sb, r);
      }
    }
  }

  private static void appendEscaped(StringBuilder sb, int r) {
    if (r < ' ' || r == 0x7f) {
      sb.append("\\x").append(HEX[r >> 4]).append(HEX[r & 0xf]);
    } else if (r > 0xffff) {
      sb.append("\\U");
      appendHex(sb, r, 8);
    } else {
      sb.append("\\u");
      appendHex(sb, r, 4);
    }
  }

  private static void appendHex(StringBuilder sb, int r, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(r >> shift) & 0xf]);
    }
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII
   * space.
   */
  static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }
}
