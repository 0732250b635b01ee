package io.pushmill.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbered table of doubles and what Go prints for them: {@code format} as expfmt's {@code
 * writeFloat}, {@code formatG} as {@code strconv.FormatFloat(f, 'g', -1, 64)}. Expected values
 * follow Go's documented rules: the shortest digits that read back to the same double (the closest
 * of those when several), exponent form iff the decimal exponent is below -4 or at least 6 (the
 * shortest-precision rule of {@code %g}), the exponent with a sign and two or more digits.
 */
class GoFloatTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        row(1, 1e6, "1e+06"),
        row(2, 250000, "250000"),
        row(3, 0.0001, "0.0001"),
        row(4, 1e-5, "1e-05"),
        row(5, 1.7956077485340211e9, "1.7956077485340211e+09"),
        row(6, 0x1p64, "1.8446744073709552e+19"),
        row(7, 0x1p63, "9.223372036854776e+18"),
        row(8, 0.1, "0.1"),
        row(9, 123456.7, "123456.7"),
        row(10, 1.5e-7, "1.5e-07"),
        row(11, Double.MIN_VALUE, "5e-324"),
        row(12, 2 * Double.MIN_VALUE, "1e-323"),
        row(13, Double.MAX_VALUE, "1.7976931348623157e+308"),
        row(14, Double.MIN_NORMAL, "2.2250738585072014e-308"),
        row(15, 100000, "100000"),
        row(16, 999999, "999999"),
        row(17, 1234567, "1.234567e+06"),
        row(18, 0.00012, "0.00012"),
        row(19, 1e21, "1e+21"),
        row(20, 1e23, "1e+23"),
        row(21, 1e100, "1e+100"),
        row(22, 1e-100, "1e-100"),
        row(23, 2.5, "2.5"),
        row(24, -2.5, "-2.5"),
        row(25, 0.1 + 0.2, "0.30000000000000004"),
        row(26, 1756047.3, "1.7560473e+06"),
        row(27, 3.14e42, "3.14e+42"),
        row(28, 42, "42"),
        row(29, -1e-7, "-1e-07"),
        row(30, 0.001, "0.001"),
        row(31, 12345.678, "12345.678"),
        row(32, 2, "2"),
        row(33, 1e15, "1e+15"),
        row(34, 9007199254740993.0, "9.007199254740992e+15"),
        row(35, 5e-5, "5e-05"),
        row(36, 0.5, "0.5"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("cases")
  void formats_like_go(int no, double value, String expected) {
    assertThat(GoFloat.format(value)).isEqualTo(expected);
    assertThat(GoFloat.formatG(value)).isEqualTo(expected);
  }

  @Test
  void the_text_format_has_shortcuts_for_special_values() {
    assertThat(GoFloat.format(0)).isEqualTo("0");
    assertThat(GoFloat.format(-0.0)).isEqualTo("0");
    assertThat(GoFloat.format(1)).isEqualTo("1");
    assertThat(GoFloat.format(-1)).isEqualTo("-1");
    assertThat(GoFloat.format(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloat.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void format_g_keeps_the_sign_of_negative_zero() {
    assertThat(GoFloat.formatG(-0.0)).isEqualTo("-0");
    assertThat(GoFloat.formatG(0.0)).isEqualTo("0");
    assertThat(GoFloat.formatG(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloat.formatG(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloat.formatG(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void append_writes_into_a_builder() {
    StringBuilder sb = new StringBuilder("x=");
    GoFloat.append(sb, 1e-5);
    assertThat(sb).hasToString("x=1e-05");
  }

  @Test
  void random_doubles_read_back_and_follow_gos_layout() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      double f = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(f) || Double.isInfinite(f) || f == 0) {
        continue;
      }
      String s = GoFloat.formatG(f);
      assertThat(Double.parseDouble(s)).as(s).isEqualTo(f);
      int exp = (int) Math.floor(Math.log10(Math.abs(Double.parseDouble(s))));
      if (exp < -4 || exp >= 6) {
        assertThat(s)
            .as("%s has exponent form", s)
            .matches("-?[1-9](\\.[0-9]*[1-9])?e[-+][0-9]{2,3}");
      } else {
        assertThat(s).as("%s has plain form", s).matches("-?[0-9]+(\\.[0-9]*[1-9])?");
      }
      String javaDigits = Double.toString(Math.abs(f)).replaceAll("E.*", "").replace(".", "");
      String goDigits = s.replaceAll("e.*", "").replace(".", "").replace("-", "");
      assertThat(goDigits.replaceAll("^0+", "").replaceAll("0+$", ""))
          .as("digits of %s", s)
          .isEqualTo(javaDigits.replaceAll("^0+", "").replaceAll("0+$", ""));
    }
  }

  private static Arguments row(int no, double value, String expected) {
    return Arguments.of(no, value, expected);
  }
}
