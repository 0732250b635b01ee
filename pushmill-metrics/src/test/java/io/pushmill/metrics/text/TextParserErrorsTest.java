package io.pushmill.metrics.text;

import static io.pushmill.metrics.text.Render.raw;
import static io.pushmill.metrics.text.Render.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbered table of bodies the text parser must refuse, with upstream's full message in UTF-8 mode
 * and in legacy mode. P0-P47 are the error cases of expfmt's {@code text_parse_test.go} (v0.69;
 * spec §7 rows 62-91), O are the cases observed on the 1.5.1 binary (row 100 and §3.1), X are
 * further rules of the state machine. A null message means the body parses in that mode.
 */
class TextParserErrorsTest {
  private static final String SAME = "same as UTF-8";
  private static final String HISTOGRAM_HEAD =
      "\n# HELP request_duration_microseconds The response latency.\n"
          + "# TYPE request_duration_microseconds histogram\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        row("P0", utf8("\nbla 3.14\nblubber 42"), "line 3: unexpected end of input stream"),
        row("P1", utf8("metric{label=\"\\t\"} 3.14"), "line 1: invalid escape sequence '\\t'"),
        row(
            "P2",
            utf8("\nmetric{label=\"new\nline\"} 3.14\n"),
            "line 2: label value \"new\" contains unescaped new-line"),
        row(
            "P3",
            utf8("metric{@=\"bla\"} 3.14"),
            "line 1: invalid label name for metric \"metric\""),
        row(
            "P4",
            utf8("metric{__name__=\"bla\"} 3.14"),
            "line 1: label name \"__name__\" is reserved"),
        row(
            "P5",
            utf8("metric{label+=\"bla\"} 3.14"),
            "line 1: expected '=' after label name, found '+'"),
        row(
            "P6",
            utf8("metric{label=bla} 3.14"),
            "line 1: expected '\"' at start of label value, found 'b'"),
        row(
            "P7",
            utf8("\n# TYPE metric summary\nmetric{quantile=\"bla\"} 3.14\n"),
            "line 3: expected float as value for 'quantile' label, got \"bla\""),
        row(
            "P8",
            utf8("metric{label=\"bla\"+} 3.14"),
            "line 1: unexpected end of label value \"bla\""),
        row(
            "P9",
            utf8("metric{label=\"bla\"} 3.14 2.72\n"),
            "line 1: expected integer as timestamp, got \"2.72\""),
        row(
            "P10",
            utf8("metric{label=\"bla\"} 3.14 2 3\n"),
            "line 1: spurious string after timestamp: \" 3\""),
        row(
            "P11",
            utf8("metric{label=\"bla\"} blubb\n"),
            "line 1: expected float as value, got \"blubb\""),
        row(
            "P12",
            utf8("\n# HELP metric one\n# HELP metric two\n"),
            "line 3: second HELP line for metric name \"metric\""),
        row(
            "P13",
            utf8("\n# TYPE metric counter\n# TYPE metric untyped\n"),
            "line 3: second TYPE line for metric name \"metric\", or TYPE reported after samples"),
        row(
            "P14",
            utf8("\nmetric 4.12\n# TYPE metric counter\n"),
            "line 3: second TYPE line for metric name \"metric\", or TYPE reported after samples"),
        row("P15", utf8("\n# TYPE metric bla\n"), "line 2: unknown metric type \"bla\""),
        row("P16", utf8("\n# TYPE met-ric\n"), "line 2: invalid metric name in comment"),
        row("P17", utf8("@invalidmetric{label=\"bla\"} 3.14 2"), "line 1: invalid metric name"),
        row("P18", utf8("{label=\"bla\"} 3.14 2"), "line 1: invalid metric name"),
        row(
            "P19",
            utf8("\n# TYPE metric histogram\nmetric_bucket{le=\"bla\"} 3.14\n"),
            "line 3: expected float as value for 'le' label, got \"bla\""),
        row("P20", raw("metric{l=\"\u00bd\"} 3.14\n"), "line 1: invalid label value \"\\xbd\""),
        row("P21", utf8("foo 1_2\n"), "line 1: expected float as value, got \"1_2\""),
        row("P22", utf8("foo 0x1p-3\n"), "line 1: expected float as value, got \"0x1p-3\""),
        row("P23", utf8("foo 0x1P-3\n"), "line 1: expected float as value, got \"0x1P-3\""),
        row("P24", utf8("foo 0B1\n"), "line 1: expected float as value, got \"0B1\""),
        row("P25", utf8("foo 0O1\n"), "line 1: expected float as value, got \"0O1\""),
        row("P26", utf8("foo 0X1\n"), "line 1: expected float as value, got \"0X1\""),
        row("P27", utf8("foo 0x1\n"), "line 1: expected float as value, got \"0x1\""),
        row("P28", utf8("foo 0b1\n"), "line 1: expected float as value, got \"0b1\""),
        row("P29", utf8("foo 0o1\n"), "line 1: expected float as value, got \"0o1\""),
        row(
            "P32",
            utf8("\n# TYPE metric histogram\nmetric_bucket{le=\"0x1p-3\"} 3.14\n"),
            "line 3: expected float as value for 'le' label, got \"0x1p-3\""),
        row(
            "P33",
            utf8("\n# TYPE metric summary\nmetric{quantile=\"0x1p-3\"} 3.14\n"),
            "line 3: expected float as value for 'quantile' label, got \"0x1p-3\""),
        row(
            "P34",
            utf8("metric{label=\"bla\",label=\"bla\"} 3.14"),
            "line 1: duplicate label names for metric \"metric\""),
        row(
            "P35",
            utf8("{\"one.name\",\"another.name\"} 3.14"),
            "line 1: multiple metric names for metric \"one.name\"",
            "line 1: invalid metric name \"one.name\""),
        row(
            "P36",
            utf8("{\"a\\xc5z\",label=\"bla\"} 3.14"),
            "line 1: invalid escape sequence '\\x'"),
        row(
            "P37",
            utf8("{\"metric.name\".label=\"bla\"} 3.14"),
            "line 1: unexpected end of metric name '.'"),
        row(
            "P38",
            utf8("\n# TYPE \"metric.name\\t\" counter\n{\"metric.name\\t\",label=\"bla\"} 3.14\n"),
            "line 2: invalid escape sequence '\\t'"),
        row(
            "P39",
            utf8("\n# TYPE \"metric\nname\" counter\n{\"metric\nname\",label=\"bla\"} 3.14\n"),
            "line 2: metric name \"metric\" contains unescaped new-line"),
        row(
            "P40",
            utf8("\n{\"metric.name\",\"new\nline\"=\"bla\"} 3.14\n"),
            "line 2: label name \"new\" contains unescaped new-line",
            "line 2: invalid metric name \"metric.name\""),
        row(
            "P41",
            utf8("{\"metric.name\",foo=\"bla\"} 3.14\n"),
            null,
            "line 1: invalid metric name \"metric.name\""),
        row(
            "P42",
            utf8("metric_name{\"foo\"=\"bar\", \"dotted.label\"=\"bla\"} 3.14\n"),
            null,
            "line 1: invalid label name \"dotted.label\""),
        row(
            "P43",
            histogram("-2693", "412"),
            "line 10: negative count for histogram \"request_duration_microseconds\""),
        row(
            "P44",
            histogram("2693", "-412"),
            "line 5: negative bucket population for histogram \"request_duration_microseconds\""),
        row(
            "P45",
            histogram("-2693.123", "412"),
            "line 10: negative count for histogram \"request_duration_microseconds\""),
        row(
            "P46",
            histogram("2693", "-412.456"),
            "line 5: negative bucket population for histogram \"request_duration_microseconds\""),
        row("P47", utf8("{} 3.14"), "line 1: invalid metric name"),
        // Observed on the 1.5.1 binary (spec §3.1 and §7 row 100).
        row("O1", utf8("m 1 \n"), "line 1: expected integer as timestamp, got \"\""),
        row("O2", utf8("m 1 2 \n"), "line 1: spurious string after timestamp: \" \""),
        row("O3", utf8("m 1\r\n"), "line 1: expected float as value, got \"1\\r\""),
        row("O4", utf8("m 1e400\n"), "line 1: expected float as value, got \"1e400\""),
        row("O5", utf8("m -1e400\n"), "line 1: expected float as value, got \"-1e400\""),
        row("O6", utf8("# TYPE m info\nm 1\n"), "line 1: unknown metric type \"info\""),
        row("O7", utf8("# TYPE m stateset\n"), "line 1: unknown metric type \"stateset\""),
        row("O8", utf8("m 1 # {a=\"b\"} 1\n"), "line 1: expected integer as timestamp, got \"#\""),
        // Further rules of the state machine.
        row("X1", utf8("m 1"), "line 1: unexpected end of input stream"),
        row("X2", utf8("m 1 2"), "line 1: unexpected end of input stream"),
        row("X3", utf8("m"), "line 1: unexpected end of input stream"),
        row("X4", utf8("m{a=\"b\""), "line 1: unexpected end of input stream"),
        row("X5", utf8("# a comment"), "line 1: unexpected end of input stream"),
        row("X6", utf8("a 1\n#"), "line 2: unexpected end of input stream"),
        row("X7", utf8("# HELP m text"), "line 1: unexpected end of input stream"),
        row("X8", utf8("m\n"), "line 1: expected float as value, got \"\""),
        row("X9", utf8("m{a=\"b\"}\n"), "line 1: expected float as value, got \"\""),
        row("X10", utf8("m 1d\n"), "line 1: expected float as value, got \"1d\""),
        row("X11", utf8("m 1f\n"), "line 1: expected float as value, got \"1f\""),
        row("X12", utf8("m +nan\n"), "line 1: expected float as value, got \"+nan\""),
        row("X13", utf8("m -NaN\n"), "line 1: expected float as value, got \"-NaN\""),
        row("X14", utf8("m infin\n"), "line 1: expected float as value, got \"infin\""),
        row("X15", utf8("m 1e\n"), "line 1: expected float as value, got \"1e\""),
        row("X16", utf8("m 1e+\n"), "line 1: expected float as value, got \"1e+\""),
        row("X17", utf8("m .\n"), "line 1: expected float as value, got \".\""),
        row("X18", utf8("m .e1\n"), "line 1: expected float as value, got \".e1\""),
        row("X19", utf8("m 1.2.3\n"), "line 1: expected float as value, got \"1.2.3\""),
        row("X20", utf8("m +\n"), "line 1: expected float as value, got \"+\""),
        row("X21", utf8("m 1 1.0\n"), "line 1: expected integer as timestamp, got \"1.0\""),
        row(
            "X22",
            utf8("m 1 9223372036854775808\n"),
            "line 1: expected integer as timestamp, got \"9223372036854775808\""),
        row(
            "X23",
            utf8("m 1 -9223372036854775809\n"),
            "line 1: expected integer as timestamp, got \"-9223372036854775809\""),
        row("X24", utf8("m 1 1_000\n"), "line 1: expected integer as timestamp, got \"1_000\""),
        row("X25", utf8("m 1 +\n"), "line 1: expected integer as timestamp, got \"+\""),
        row("X26", utf8("m 1 2\t\n"), "line 1: spurious string after timestamp: \"\\t\""),
        row("X27", utf8("m{a:b=\"c\"} 1\n"), "line 1: expected '=' after label name, found ':'"),
        row("X28", utf8("m{1a=\"b\"} 1\n"), "line 1: invalid label name for metric \"m\""),
        row("X29", utf8("m{,} 1\n"), "line 1: invalid label name for metric \"m\""),
        row("X30", utf8("m{a=\"b\" 1\n"), "line 1: unexpected end of label value \"b\""),
        row(
            "X31",
            utf8("m{a=\"1\",b=\"2\",a=\"3\"} 1\n"),
            "line 1: duplicate label names for metric \"m\""),
        row(
            "X32",
            raw("m{a=\"x\u00e2\u0082\"} 1\n"),
            "line 1: invalid label value \"x\\xe2\\x82\""),
        row(
            "X33",
            raw("m{a=\"\u00ed\u00a0\u0080\"} 1\n"),
            "line 1: invalid label value \"\\xed\\xa0\\x80\""),
        row("X34", raw("m{a=\"\u00c0\u00af\"} 1\n"), "line 1: invalid label value \"\\xc0\\xaf\""),
        row("X35", utf8("m{a=\"\\a\"} 1\n"), "line 1: invalid escape sequence '\\a'"),
        row("X36", utf8("# HELP m a\\x\n"), "line 1: invalid escape sequence '\\x'"),
        row("X37", utf8("# HELP m a\\\nm 1\n"), "line 1: invalid escape sequence '\\\n'"),
        row("X38", utf8("# TYPE m counter \n"), "line 1: unknown metric type \"counter \""),
        row(
            "X39",
            utf8("# TYPE m gauge histogram\n"),
            "line 1: unknown metric type \"gauge histogram\""),
        row("X40", raw("# TYPE m \u00ff\n"), "line 1: unknown metric type \"\\xff\""),
        row("X41", utf8("# HELP @m text\n"), "line 1: invalid metric name in comment"),
        row("X42", utf8("# HELP \"\" text\n"), "line 1: invalid metric name \"\""),
        row("X43", utf8("# HELP \"a.b\" text\n"), null, "line 1: invalid metric name \"a.b\""),
        row(
            "X44",
            utf8("m{a=\"b\"} 1\n# TYPE m gauge\n"),
            "line 2: second TYPE line for metric name \"m\", or TYPE reported after samples"),
        row(
            "X45",
            utf8("# TYPE s summary\n# TYPE s_count gauge\n"),
            "line 2: second TYPE line for metric name \"s\", or TYPE reported after samples"),
        row(
            "X46",
            utf8("# HELP m one\nm 1\n# HELP m two\n"),
            "line 3: second HELP line for metric name \"m\""),
        row(
            "X47",
            utf8("{\"a.b\",x=\"y\",z} 1\n"),
            "line 1: multiple metric names for metric \"a.b\"",
            "line 1: invalid metric name \"a.b\""),
        row("X48", utf8("{abc:def} 1\n"), "line 1: unexpected end of metric name ':'"),
        row("X49", utf8("a\"b.c\" 1\n"), null, "line 1: invalid metric name \"ab.c\""),
        row("X50", utf8("a\"b\"c 1\n"), "line 1: expected float as value, got \"c\""),
        row("X51", utf8("\"\" 1\n"), "line 1: invalid metric name"),
        row("X52", utf8("m{\"\"=\"b\"} 1\n"), "line 1: invalid label name for metric \"m\""),
        row("X53", utf8("m{\"a\"} 1\n"), "line 1: expected '=' after label name, found '}'"),
        row("X54", utf8("{\"a\nb\"} 1\n"), "line 1: label name \"a\" contains unescaped new-line"),
        row(
            "X55",
            raw("{\"a\u00bd\"} 1\n"),
            "line 1: invalid metric name \"a\\xbd\"",
            "line 1: invalid metric name \"a\\xbd\""),
        row(
            "X56",
            utf8("m{a=\"b\"} 1\n{\"a.b\"=\"c\"} 1\n"),
            null,
            "line 2: invalid label name \"a.b\""),
        row(
            "X57",
            utf8("\n# TYPE h histogram\nh_count -1\n"),
            "line 3: negative count for histogram \"h\""),
        row(
            "X58",
            utf8("# TYPE h gauge_histogram\nh_bucket{le=\"1\"} -Inf\n"),
            "line 2: negative bucket population for histogram \"h\""),
        row("X59", utf8("m{a=\"b\"}} 1\n"), "line 1: expected float as value, got \"}\""),
        row("X60", raw("m{a=\"b\"} \u0085\n"), "line 1: expected float as value, got \"\\x85\""),
        row("X61", utf8("m{a=\"é\"} ½\n"), "line 1: expected float as value, got \"½\""),
        row(
            "X62",
            raw("m{a\u0085=\"b\"} 1\n"),
            "line 1: expected '=' after label name, found '\\u0085'"),
        row("X63", raw("m{a=\"b\"\u00a0} 1\n"), "line 1: unexpected end of label value \"b\""),
        row(
            "X64",
            utf8("m{a=\"b\"} 1 \u2028\n"),
            "line 1: expected integer as timestamp, got \"\\u2028\""),
        row("X65", utf8("m 1\n\t"), null),
        // A line starting with a brace right after a comment: expfmt dereferences a nil metric.
        row("X66", utf8("# HELP x y\n{} 1\n"), "line 2: invalid metric name"),
        row("X67", utf8("# TYPE x gauge\n{a=\"b\"} 1\n"), "line 2: invalid metric name"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void refuses_bodies_with_upstreams_message(
      String no, String shown, byte[] body, String utf8Error, String legacyError) {
    expect(body, true, utf8Error);
    expect(body, false, legacyError == SAME ? utf8Error : legacyError);
  }

  private static void expect(byte[] body, boolean utf8Names, String error) {
    if (error == null) {
      assertThat(parses(body, utf8Names)).as("parses with utf8Names=%s", utf8Names).isTrue();
      return;
    }
    assertThatThrownBy(() -> TextParser.parse(new ByteArrayInputStream(body), utf8Names))
        .as("utf8Names=%s", utf8Names)
        .isInstanceOf(TextParseException.class)
        .hasMessage("text format parsing error in " + error);
  }

  private static boolean parses(byte[] body, boolean utf8Names) {
    try {
      TextParser.parse(body, utf8Names);
      return true;
    } catch (TextParseException e) {
      throw new AssertionError("unexpected error: " + e.getMessage(), e);
    }
  }

  private static Arguments row(String no, byte[] body, String error) {
    return row(no, body, error, SAME);
  }

  private static Arguments row(String no, byte[] body, String utf8Error, String legacyError) {
    String shown = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
    return Arguments.of(no, shown.replace("\n", "\\n"), body, utf8Error, legacyError);
  }

  // The histogram of P43-P46 with the given _count and le="120" bucket values.
  private static byte[] histogram(String count, String bucket120) {
    return utf8(
        HISTOGRAM_HEAD
            + "request_duration_microseconds_bucket{le=\"100\"} 123\n"
            + "request_duration_microseconds_bucket{le=\"120\"} "
            + bucket120
            + "\n"
            + "request_duration_microseconds_bucket{le=\"144\"} 592\n"
            + "request_duration_microseconds_bucket{le=\"172.8\"} 1524\n"
            + "request_duration_microseconds_bucket{le=\"+Inf\"} 2693\n"
            + "request_duration_microseconds_sum 1.7560473e+06\n"
            + "request_duration_microseconds_count "
            + count
            + "\n");
  }
}
