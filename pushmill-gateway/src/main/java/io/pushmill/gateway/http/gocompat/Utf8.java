package io.pushmill.gateway.http.gocompat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * UTF-8 decoding with Go's rules ({@code unicode/utf8}): overlong forms, surrogates and code points
 * above U+10FFFF are invalid. URL segments are bytes, so the HTTP layer checks them here before it
 * turns them into Java strings.
 */
public final class Utf8 {
  private Utf8() {}

  /** The string these bytes encode, or empty when they are not valid UTF-8. */
  public static Optional<String> decode(byte[] bytes) {
    return isValid(bytes)
        ? Optional.of(new String(bytes, StandardCharsets.UTF_8))
        : Optional.empty();
  }

  /** True when every byte belongs to a valid UTF-8 sequence. */
  public static boolean isValid(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int w = runeWidth(bytes, i);
      if (w == 0) {
        return false;
      }
      i += w;
    }
    return true;
  }

  /** The length of the valid UTF-8 sequence starting at {@code i}, or 0 when it is invalid. */
  static int runeWidth(byte[] b, int i) {
    int b0 = b[i] & 0xff;
    if (b0 < 0x80) {
      return 1;
    }
    int n;
    int min;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      n = 2;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      n = 3;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      n = 4;
      min = 0x10000;
    } else {
      return 0;
    }
    if (i + n > b.length) {
      return 0;
    }
    for (int k = 1; k < n; k++) {
      if ((b[i + k] & 0xc0) != 0x80) {
        return 0;
      }
    }
    int r = decodeRune(b, i, n);
    if (r < min || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) {
      return 0;
    }
    return n;
  }

  /** The code point of the sequence of {@code width} bytes at {@code i}; the caller checked it. */
  static int decodeRune(byte[] b, int i, int width) {
    int b0 = b[i] & 0xff;
    return switch (width) {
      case 1 -> b0;
      case 2 -> ((b0 & 0x1f) << 6) | (b[i + 1] & 0x3f);
      case 3 -> ((b0 & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      default ->
          ((b0 & 0x07) << 18)
              | ((b[i + 1] & 0x3f) << 12)
              | ((b[i + 2] & 0x3f) << 6)
              | (b[i + 3] & 0x3f);
    };
  }
}
