package io.pushmill.metrics.text;

/**
 * UTF-8 decoding with Go's rules ({@code utf8.DecodeRune}): no overlongs, surrogates or > U+10FFFF.
 * Push bodies and URL segments are bytes, so the parser and the HTTP layer check them here before
 * they turn them into Java strings.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * The code point starting at {@code b[i]}, or -1 where Go would decode {@code RuneError} of width
   * 1.
   */
  public static int decode(byte[] b, int i, int end) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return b0;
    }
    if (b0 < 0xC2 || b0 > 0xF4) {
      return -1;
    }
    if (b0 < 0xE0) {
      return i + 1 < end && isCont(b[i + 1]) ? ((b0 & 0x1F) << 6) | (b[i + 1] & 0x3F) : -1;
    }
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 == 0xE0) {
      lo = 0xA0;
    } else if (b0 == 0xED) {
      hi = 0x9F;
    } else if (b0 == 0xF0) {
      lo = 0x90;
    } else if (b0 == 0xF4) {
      hi = 0x8F;
    }
    if (i + 1 >= end || (b[i + 1] & 0xFF) < lo || (b[i + 1] & 0xFF) > hi) {
      return -1;
    }
    if (i + 2 >= end || !isCont(b[i + 2])) {
      return -1;
    }
    if (b0 < 0xF0) {
      return ((b0 & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
    }
    if (i + 3 >= end || !isCont(b[i + 3])) {
      return -1;
    }
    return ((b0 & 0x07) << 18)
        | ((b[i + 1] & 0x3F) << 12)
        | ((b[i + 2] & 0x3F) << 6)
        | (b[i + 3] & 0x3F);
  }

  /** The number of bytes UTF-8 needs for code point {@code r}. */
  public static int width(int r) {
    return r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
  }

  /** Go's {@code utf8.Valid}. */
  public static boolean isValid(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end) {
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int r = decode(b, i, end);
      if (r < 0) {
        return false;
      }
      i += width(r);
    }
    return true;
  }

  /** Go's {@code utf8.Valid} of a whole array. */
  public static boolean isValid(byte[] b) {
    return isValid(b, 0, b.length);
  }

  /** The string these bytes encode, or empty when they are not valid UTF-8. */
  public static java.util.Optional<String> decode(byte[] b) {
    return isValid(b)
        ? java.util.Optional.of(new String(b, java.nio.charset.StandardCharsets.UTF_8))
        : java.util.Optional.empty();
  }

  private static boolean isCont(byte x) {
    return (x & 0xC0) == 0x80;
  }
}
