package io.pushmill.metrics.text;

import java.math.BigDecimal;

/**
 * Formats doubles exactly as Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} with the text
 * format's shortcuts ({@code 0}, {@code 1}, {@code -1}, {@code NaN}, {@code +Inf}, {@code -Inf}),
 * so that scrapes and API answers match upstream byte for byte.
 *
 * <p>Java's {@link Double#toString(double)} (JDK 19 and later) gives the shortest digits that
 * round-trip, as Go does, except for a few subnormals (see {@code shortenSubnormal}); otherwise
 * only the layout differs: Go switches to exponent form when the decimal exponent is below -4 or at
 * least 6, and writes the exponent with a sign and at least two digits ({@code 1e+06}, {@code
 * 1.5e-05}, {@code 250000}).
 */
public final class GoFloat {
  private GoFloat() {}

  /** The text-format rendering of {@code f}. */
  public static String format(double f) {
    StringBuilder sb = new StringBuilder(24);
    append(sb, f);
    return sb.toString();
  }

  /** Appends the text-format rendering of {@code f}. */
  public static void append(StringBuilder sb, double f) {
    if (f == 1) {
      sb.append('1');
    } else if (f == 0) {
      sb.append('0'); // also -0, as Go's text writer does
    } else if (f == -1) {
      sb.append("-1");
    } else if (Double.isNaN(f)) {
      sb.append("NaN");
    } else if (f == Double.POSITIVE_INFINITY) {
      sb.append("+Inf");
    } else if (f == Double.NEGATIVE_INFINITY) {
      sb.append("-Inf");
    } else {
      appendShortest(sb, f);
    }
  }

  /**
   * Appends {@code f} as OpenMetrics' {@code writeOpenMetricsFloat} does: the text rendering, with
   * {@code .0} added when it has neither a point nor an exponent ({@code 1.0}, {@code 0.0}).
   */
  public static void appendOpenMetrics(StringBuilder sb, double f) {
    int start = sb.length();
    append(sb, f);
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      return;
    }
    for (int i = start; i < sb.length(); i++) {
      char c = sb.charAt(i);
      if (c == '.' || c == 'e') {
        return;
      }
    }
    sb.append(".0");
  }

  /**
   * Go's {@code %g} with the shortest precision, without the text format's shortcuts: {@code NaN},
   * {@code +Inf} and {@code -Inf} as Go's {@code fmt.Sprint} prints them, {@code -0} as {@code -0}.
   */
  public static String formatG(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return (Double.doubleToRawLongBits(f) < 0) ? "-0" : "0";
    }
    StringBuilder sb = new StringBuilder(24);
    appendShortest(sb, f);
    return sb.toString();
  }

  private static void appendShortest(StringBuilder sb, double f) {
    double abs = Math.abs(f);
    if (f < 0) {
      sb.append('-');
    }
    if (abs < 1e6 && abs == Math.rint(abs)) {
      sb.append((long) abs); // an integer below the exponent form: its digits are the shortest
      return;
    }
    // Split Java's "d.dddE±n" or "ddd.ddd" into significant digits and a decimal point position:
    // the value is 0.digits * 10^dp.
    String s = Double.toString(abs);
    char[] digits = new char[s.length()];
    int nd = 0;
    int dp = 0;
    boolean afterDot = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        afterDot = true;
      } else if (c == 'E') {
        dp += Integer.parseInt(s, i + 1, s.length(), 10);
        break;
      } else if (c == '0' && nd == 0) {
        dp -= afterDot ? 1 : 0; // a leading zero
      } else {
        digits[nd++] = c;
        dp += afterDot ? 0 : 1;
      }
    }
    while (nd > 1 && digits[nd - 1] == '0') {
      nd--;
    }
    if (nd == 2 && abs < Double.MIN_NORMAL) {
      StringBuilder shorter = new StringBuilder().append(digits, 0, nd);
      dp = shortenSubnormal(shorter, dp, abs);
      nd = shorter.length();
      shorter.getChars(0, nd, digits, 0);
    }
    appendLayout(sb, digits, nd, dp);
  }

  // Go's %g layout of 0.digits * 10^dp with the shortest precision.
  private static void appendLayout(StringBuilder sb, char[] digits, int nd, int dp) {
    int exp = dp - 1;
    if (exp < -4 || exp >= 6) {
      sb.append(digits[0]);
      if (nd > 1) {
        sb.append('.').append(digits, 1, nd - 1);
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        sb.append('0');
      }
      sb.append(a);
    } else if (dp <= 0) {
      sb.append("0.");
      for (int i = dp; i < 0; i++) {
        sb.append('0');
      }
      sb.append(digits, 0, nd);
    } else if (dp >= nd) {
      sb.append(digits, 0, nd);
      for (int i = nd; i < dp; i++) {
        sb.append('0');
      }
    } else {
      sb.append(digits, 0, dp).append('.').append(digits, dp, nd - dp);
    }
  }

  /**
   * Java picks among decimals of one <em>or two</em> digits the one closest to the value, Go the
   * closest of the shortest; they differ only for subnormals, where one digit can already round
   * back ({@code 5e-324}, which Java prints as {@code 4.9E-324}). Rewrites {@code digits} to Go's
   * choice and returns the new decimal point position.
   */
  private static int shortenSubnormal(StringBuilder digits, int dp, double abs) {
    int d1 = digits.charAt(0) - '0';
    BigDecimal exact = new BigDecimal(abs);
    BigDecimal best = null;
    for (int d : new int[] {d1, d1 + 1}) {
      BigDecimal candidate = BigDecimal.valueOf(d).scaleByPowerOfTen(dp - 1);
      if (candidate.doubleValue() != abs) {
        continue;
      }
      if (best == null
          || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
        best = candidate;
      }
    }
    if (best == null) {
      return dp;
    }
    BigDecimal unscaled = best.stripTrailingZeros();
    digits.setLength(0);
    digits.append(unscaled.unscaledValue());
    // unscaled = digits * 10^-scale, and the value is 0.digits * 10^dp.
    return digits.length() - unscaled.scale();
  }
}
