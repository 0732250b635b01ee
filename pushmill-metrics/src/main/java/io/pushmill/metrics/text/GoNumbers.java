package io.pushmill.metrics.text;

import java.nio.charset.StandardCharsets;

/**
 * The number syntax of the text parser: Go's {@code strconv.ParseFloat(s, 64)} without hex floats
 * and underscores (expfmt rejects any {@code p}, {@code P} or {@code _}), and {@code
 * strconv.ParseInt(s, 10, 64)}. Both work on bytes and fail with a {@link NumberFormatException}
 * whose text the caller replaces with upstream's message.
 */
final class GoNumbers {
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final long MAX_EXACT = 1L << 53;

  private GoNumbers() {}

  /** Parses a float as expfmt's {@code parseFloat} does; out of range ({@code 1e400}) fails. */
  static double parseFloat(byte[] b, int off, int len) {
    if (len == 0) {
      throw bad();
    }
    int end = off + len;
    int i = off;
    boolean negative = false;
    if (b[i] == '+' || b[i] == '-') {
      negative = b[i] == '-';
      i++;
    }
    if (i < end && (b[i] | 0x20) == 'i') {
      if (equalsIgnoreCase(b, i, end, "inf") || equalsIgnoreCase(b, i, end, "infinity")) {
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      throw bad();
    }
    if (i == off && (b[i] | 0x20) == 'n') {
      if (equalsIgnoreCase(b, i, end, "nan")) {
        return Double.NaN;
      }
      throw bad();
    }
    return parseDecimal(b, off, i, end, negative);
  }

  private static double parseDecimal(byte[] b, int off, int i, int end, boolean negative) {
    long mantissa = 0;
    int digits = 0; // significant digits gathered into mantissa
    int exp10 = 0; // adjusts mantissa for digits dropped or after the point
    boolean sawDigits = false;
    boolean sawDot = false;
    boolean exact = true; // mantissa holds every significant digit
    for (; i < end; i++) {
      int c = b[i];
      if (c == '.') {
        if (sawDot) {
          throw bad();
        }
        sawDot = true;
        continue;
      }
      if (c < '0' || c > '9') {
        break;
      }
      sawDigits = true;
      if (c == '0' && digits == 0) {
        if (sawDot) {
          exp10--;
        }
        continue;
      }
      if (digits < 18) {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (sawDot) {
          exp10--;
        }
      } else {
        exact &= c == '0';
        if (!sawDot) {
          exp10++;
        }
      }
    }
    if (!sawDigits) {
      throw bad();
    }
    if (i < end) {
      exp10 += parseExponent(b, i, end);
    }
    if (exact && mantissa < MAX_EXACT && exp10 >= -22 && exp10 <= 22) {
      // Both operands are exact, so one IEEE operation rounds correctly (Clinger's fast path).
      double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
      return negative ? -v : v;
    }
    double v = Double.parseDouble(new String(b, off, end - off, StandardCharsets.ISO_8859_1));
    if (Double.isInfinite(v)) {
      throw bad(); // Go's ErrRange
    }
    return v;
  }

  /** The exponent that ends a decimal float: {@code e}, an optional sign, at least one digit. */
  private static int parseExponent(byte[] b, int i, int end) {
    if ((b[i] | 0x20) != 'e' || ++i >= end) {
      throw bad();
    }
    boolean negative = false;
    if (b[i] == '+' || b[i] == '-') {
      negative = b[i] == '-';
      i++;
    }
    if (i >= end) {
      throw bad();
    }
    int e = 0;
    for (; i < end; i++) {
      int c = b[i];
      if (c < '0' || c > '9') {
        throw bad();
      }
      if (e < 100_000) {
        e = e * 10 + (c - '0');
      }
    }
    return negative ? -e : e;
  }

  /** Parses a signed decimal int64 as {@code strconv.ParseInt(s, 10, 64)} does. */
  static long parseInt(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    boolean negative = false;
    if (i < end && (b[i] == '+' || b[i] == '-')) {
      negative = b[i] == '-';
      i++;
    }
    if (i >= end) {
      throw bad();
    }
    long v = 0; // accumulated negatively, so that Long.MIN_VALUE fits
    for (; i < end; i++) {
      int c = b[i];
      if (c < '0' || c > '9') {
        throw bad();
      }
      if (v < Long.MIN_VALUE / 10) {
        throw bad();
      }
      v *= 10;
      if (v < Long.MIN_VALUE + (c - '0')) {
        throw bad();
      }
      v -= c - '0';
    }
    if (negative) {
      return v;
    }
    if (v == Long.MIN_VALUE) {
      throw bad();
    }
    return -v;
  }

  private static boolean equalsIgnoreCase(byte[] b, int i, int end, String word) {
    if (end - i != word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if ((b[i + k] | 0x20) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static NumberFormatException bad() {
    return new NumberFormatException("invalid syntax");
  }
}
