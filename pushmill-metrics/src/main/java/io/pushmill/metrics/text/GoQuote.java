package io.pushmill.metrics.text;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code %q} verb, so that parse errors quote bad input exactly as upstream does: strings as
 * {@code strconv.Quote} ({@code "\xbd"}, {@code "a\tb"}), single bytes as a quoted rune ({@code
 * '+'}, {@code '\n'}).
 *
 * <p>A Java string may carry bytes that were not UTF-8 as lone surrogates U+DC80..U+DCFF (the
 * "surrogateescape" convention of the protobuf reader); {@link #quote(String)} prints each as the
 * byte it stands for ({@code \xff}), as Go prints the raw byte. Any other lone surrogate is printed
 * as U+FFFD, the rune Go decodes from such bytes.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** {@code %q} of a Go string holding these bytes, which need not be valid UTF-8. */
  public static String quote(byte[] b) {
    return quote(b, 0, b.length);
  }

  /** {@code %q} of a Go string holding these bytes, which need not be valid UTF-8. */
  public static String quote(byte[] b, int off, int len) {
    StringBuilder sb = new StringBuilder(len + 2).append('"');
    int i = off;
    int end = off + len;
    while (i < end) {
      int r = Utf8.decode(b, i, end);
      if (r < 0) {
        appendHex2(sb.append("\\x"), b[i] & 0xFF);
        i++;
        continue;
      }
      appendEscapedRune(sb, r, '"');
      i += Utf8.width(r);
    }
    return sb.append('"').toString();
  }

  /** {@code %q} of a Java string, as Go would quote the bytes it stands for. */
  public static String quote(String s) {
    byte[] b = goBytes(s);
    return quote(b, 0, b.length);
  }

  /** The bytes a Java string stands for: UTF-8, with surrogate escapes turned back into bytes. */
  public static byte[] goBytes(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0xDC80 && cp <= 0xDCFF) {
        out.write(cp - 0xDC00);
      } else {
        boolean lone = cp <= 0xFFFF && Character.isSurrogate((char) cp);
        out.writeBytes((lone ? "\uFFFD" : Character.toString(cp)).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** {@code %q} of a Go {@code byte}: the rune with that value, in single quotes. */
  public static String quoteByte(int b) {
    StringBuilder sb = new StringBuilder(8).append('\'');
    appendEscapedRune(sb, b & 0xFF, '\'');
    return sb.append('\'').toString();
  }

  private static void appendEscapedRune(StringBuilder sb, int r, char quote) {
    if (r == quote || r == '\\') {
      sb.append('\\').appendCodePoint(r);
      return;
    }
    if (isPrint(r)) {
      sb.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0B -> sb.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7F) {
          appendHex2(sb.append("\\x"), r);
        } else if (r < 0x10000) {
          appendHex(sb.append("\\u"), r, 4);
        } else {
          appendHex(sb.append("\\U"), r, 8);
        }
      }
    }
  }

  /**
   * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
   */
  public static boolean isPrint(int r) {
    if (r < 0x100) {
      return (r >= 0x20 && r < 0x7F) || (r >= 0xA1 && r != 0xAD);
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

  private static void appendHex2(StringBuilder sb, int b) {
    sb.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }

  private static void appendHex(StringBuilder sb, int r, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(r >> shift) & 0xF]);
    }
  }
}
