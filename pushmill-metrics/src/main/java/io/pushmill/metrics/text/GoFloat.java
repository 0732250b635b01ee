package io.pushmill.metrics.text;

import java.math.BigDecimal;

/**
 * Formats doubles exactly as Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} with the text
 * format's shortcuts ({@code 0}, {@code 1}, {@code -1}, {@code NaN}, {@code +Inf}, {@code -Inf}),
 * so that scrapes and API answers match upstream byte for byte.
 *
 * <p>Java's {@link Double#toString(double)} (JDK 19 and later) gives the shortest digits that
 * round-trip, as Go does, except for a few subnormals (see {@code shortenSubnormal}); otherwise only
 * the layout differs: Go switches to exponent form when the decimal
 * exponent is below -4 or at least 6, and writes the exponent with a sign and at least two digits
 * ({@code 1e+06}, {@code 1.5e-05}, {@code 250000}).
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
    String s = Double.toString(Math.abs(f));
    // Split Java's "d.dddE±n" or "ddd.ddd" into digits and a decimal point position.
    int e = s.indexOf('E');
    String mantissa = e < 0 ? s : s.substring(0, e);
    int exp10 = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String intPart = mantissa.substring(0, dot);
    String fracPart = mantissa.substring(dot + 1);
    StringBuilder digits = new StringBuilder(intPart.length() + fracPart.length());
    digits.append(intPart).append(fracPart);
    int dp = intPart.length() + exp10; // digits[0..dp) are before the decimal point
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits.delete(0, lead);
    dp -= lead;
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits.setLength(end);
    if (digits.length() == 2 && Math.abs(f) < Double.MIN_NORMAL) {
      dp = shortenSubnormal(digits, dp, Math.abs(f));
    }
    int nd = digits.length();

    if (f < 0) {
      sb.append('-');
    }
    int exp = dp - 1;
    if (exp < -4 || exp >= 6) {
      sb.append(digits.charAt(0));
      if (nd > 1) {
        sb.append('.').append(digits, 1, nd);
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
      sb.append(digits);
    } else if (dp >= nd) {
      sb.append(digits);
      for (int i = nd; i < dp; i++) {
        sb.append('0');
      }
    } else {
      sb.append(digits, 0, dp).append('.').append(digits, dp, nd);
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
