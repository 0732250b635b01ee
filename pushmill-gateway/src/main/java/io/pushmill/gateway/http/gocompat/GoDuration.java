package io.pushmill.gateway.http.gocompat;

import io.pushmill.metrics.text.GoQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Go's duration syntax ({@code time.ParseDuration}: {@code 5m}, {@code 1h30m}, {@code 1.5s}, {@code
 * 300ms}) and its printed form ({@code time.Duration.String}: {@code 5m0s}, {@code 1h30m0s}, {@code
 * 300ms}), which upstream's flags use and {@code /api/v1/status} echoes.
 */
public final class GoDuration {
  private static final Map<String, Long> UNIT_NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * Parses Go's duration syntax.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code time: invalid duration "5x"}
   */
  public static Duration parse(String s) {
    String orig = s;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(orig);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration " + GoQuote.quote(orig));
      }
      Long nanos = UNIT_NANOS.get(unit);
      if (nanos == null) {
        throw new IllegalArgumentException(
            "time: unknown unit " + GoQuote.quote(unit) + " in duration " + GoQuote.quote(orig));
      }
      total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(nanos)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(orig);
    }
    long n = total.longValue();
    return Duration.ofNanos(negative ? -n : n);
  }

  private static IllegalArgumentException invalid(String orig) {
    return new IllegalArgumentException("time: invalid duration " + GoQuote.quote(orig));
  }

  /** Go's {@code Duration.String()}: {@code 0s}, {@code 1.5ms}, {@code 5m0s}, {@code 1h30m0s}. */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    BigDecimal abs = BigDecimal.valueOf(nanos).abs();
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) < 0) {
      long a = abs.longValue();
      if (a < 1_000) {
        return sign + a + "ns";
      }
      if (a < 1_000_000) {
        return sign + fraction(abs, 3) + "\u00b5s";
      }
      return sign + fraction(abs, 6) + "ms";
    }
    long a = abs.longValue();
    long hours = a / 3_600_000_000_000L;
    long minutes = a / 60_000_000_000L % 60;
    BigDecimal seconds = BigDecimal.valueOf(a % 60_000_000_000L);
    StringBuilder sb = new StringBuilder(sign);
    if (hours > 0) {
      sb.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      sb.append(minutes).append('m');
    }
    return sb.append(fraction(seconds, 9)).append('s').toString();
  }

  private static String fraction(BigDecimal nanos, int scale) {
    BigDecimal v = nanos.movePointLeft(scale).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }
}
