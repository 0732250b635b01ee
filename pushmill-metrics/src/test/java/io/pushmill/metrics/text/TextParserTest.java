package io.pushmill.metrics.text;

import static io.pushmill.metrics.text.Render.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.metrics.MetricFamily;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbered table of bodies the text parser accepts, with every parsed field (see {@link Render}).
 * G0-G17 are the positive cases of expfmt's {@code text_parse_test.go} (v0.69; spec §7 rows 92-96,
 * where the spec's G12/G13 are G12-G14 here), O the accepted cases observed on the 1.5.1 binary
 * (row 100), X further rules, Q the faithful oddities of expfmt's state machine.
 */
class TextParserTest {
  private static final String HISTOGRAM_HEAD =
      lines(
          "",
          "# HELP request_duration_microseconds The response latency.",
          "# TYPE request_duration_microseconds %s");
  private static final String FAMILY_HEAD =
      "request_duration_microseconds %s help=\"The response latency.\"\n  {} ";

  enum Mode {
    BOTH,
    UTF8
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("G0", Mode.BOTH, "\n\n", ""),
        row(
            "G1",
            Mode.BOTH,
            lines(
                "",
                "minimal_metric 1.234",
                "another_metric -3e3 103948",
                "# Even that:",
                "no_labels{} 3",
                "# HELP line for non-existing metric will be ignored."),
            """
            minimal_metric UNTYPED
              {} untyped 1.234
            another_metric UNTYPED
              {} untyped -3000.0 @103948
            no_labels UNTYPED
              {} untyped 3.0
            """),
        row(
            "G2",
            Mode.BOTH,
            lines(
                "",
                "# A normal comment.",
                "#",
                "# TYPE name counter",
                "name{labelname=\"val1\",basename=\"basevalue\"} NaN",
                "name {labelname=\"val2\",basename=\"base\\\"v\\\\al\\nue\"} 0.23 1234567890",
                "# HELP name two-line\\n doc  str\\\\ing",
                "",
                " # HELP  name2  \tdoc str\"ing 2",
                "  #    TYPE    name2 gauge",
                "name2{labelname=\"val2\"\t,basename   =   \"basevalue2\"\t\t} +Inf 54321",
                "name2{ labelname = \"val1\" , }-Inf"),
            """
            name COUNTER help="two-line\\n doc  str\\\\ing"
              {basename="basevalue",labelname="val1"} counter NaN
              {basename="base\\"v\\\\al\\nue",labelname="val2"} counter 0.23 @1234567890
            name2 GAUGE help="doc str\\"ing 2"
              {basename="basevalue2",labelname="val2"} gauge Infinity @54321
              {labelname="val1"} gauge -Infinity
            """),
        row(
            "G3",
            Mode.BOTH,
            lines(
                "",
                "# TYPE my_summary summary",
                "my_summary{n1=\"val1\",quantile=\"0.5\"} 110",
                "decoy -1 -2",
                "my_summary{n1=\"val1\",quantile=\"0.9\"} 140 1",
                "my_summary_count{n1=\"val1\"} 42",
                "# Latest timestamp wins in case of a summary.",
                "my_summary_sum{n1=\"val1\"} 4711 2",
                "fake_sum{n1=\"val1\"} 2001",
                "# TYPE another_summary summary",
                "another_summary_count{n2=\"val2\",n1=\"val1\"} 20",
                "my_summary_count{n2=\"val2\",n1=\"val1\"} 5 5",
                "another_summary{n1=\"val1\",n2=\"val2\",quantile=\".3\"} -1.2",
                "my_summary_sum{n1=\"val2\"} 08 15",
                "my_summary{n1=\"val3\", quantile=\"0.2\"} 4711",
                "  my_summary{n1=\"val1\",n2=\"val2\",quantile=\"-12.34\",} NaN",
                "# some",
                "# funny comments",
                "# HELP",
                "# HELP",
                "# HELP my_summary",
                "# HELP my_summary"),
            """
            my_summary SUMMARY
              {n1="val1"} summary count=42 sum=4711.0 q=[0.5:110.0,0.9:140.0] @2
              {n1="val1",n2="val2"} summary count=5 sum=0.0 q=[-12.34:NaN] @5
              {n1="val2"} summary count=0 sum=8.0 q=[] @15
              {n1="val3"} summary count=0 sum=0.0 q=[0.2:4711.0]
            decoy UNTYPED
              {} untyped -1.0 @-2
            fake_sum UNTYPED
              {n1="val1"} untyped 2001.0
            another_summary SUMMARY
              {n1="val1",n2="val2"} summary count=20 sum=0.0 q=[0.3:-1.2]
            """),
        row(
            "G4",
            Mode.BOTH,
            histogram("histogram", "123", "412", "592", "1524", "2693", "2693"),
            FAMILY_HEAD.formatted("HISTOGRAM")
                + "histogram count=2693 countFloat=0.0 sum=1756047.3 b=[100.0:123/0.0,"
                + "120.0:412/0.0,144.0:592/0.0,172.8:1524/0.0,Infinity:2693/0.0]\n"),
        row(
            "G5",
            Mode.UTF8,
            lines(
                "",
                "# HELP \"my.noncompliant.metric\" help text",
                "# TYPE \"my.noncompliant.metric\" counter",
                "{\"my.noncompliant.metric\",\"label.name\"=\"value\"} 1"),
            """
            my.noncompliant.metric COUNTER help="help text"
              {label.name="value"} counter 1.0
            """),
        row(
            "G6",
            Mode.UTF8,
            lines(
                "",
                "# HELP \"name.with.dots\" boring help",
                "# TYPE \"name.with.dots\" counter",
                "{\"name.with.dots\",labelname=\"val1\",basename=\"basevalue\"} 42.0",
                "{\"name.with.dots\",labelname=\"val2\",basename=\"basevalue\"} 0.23 1234567890"),
            """
            name.with.dots COUNTER help="boring help"
              {basename="basevalue",labelname="val1"} counter 42.0
              {basename="basevalue",labelname="val2"} counter 0.23 @1234567890
            """),
        row(
            "G7",
            Mode.UTF8,
            "\n\t\t\t\t# HELP \"name.with.dots\" boring help\n"
                + "\t\t\t\t# TYPE \"name.with.dots\" counter\n"
                + "\t\t\t\t{\"name.with.dots\"} 42.0\n"
                + "\t\t\t\t{\"name.with.dots\"} 0.23 1234567890\n"
                + "\t\t\t\t",
            """
            name.with.dots COUNTER help="boring help"
              {} counter 42.0
              {} counter 0.23 @1234567890
            """),
        row(
            "G8",
            Mode.UTF8,
            lines(
                "# HELP \"gauge.name\" gauge\\ndoc\\nstr\\\"ing",
                "# TYPE \"gauge.name\" gauge",
                "{\"gauge.name\",\"name.1\"=\"val with\\nnew line\","
                    + "\"name*2\"=\"val with \\\\backslash and \\\"quotes\\\"\"} +Inf",
                "{\"gauge.name\",\"name.1\"=\"Björn\",\"name*2\"=\"佖佥\"} 3.14e+42"),
            """
            gauge.name GAUGE help="gauge\\ndoc\\nstr\\"ing"
              {name*2="val with \\\\backslash and \\"quotes\\"",name.1="val with\\nnew line"} gauge Infinity
              {name*2="佖佥",name.1="Björn"} gauge 3.14E42
            """),
        row(
            "G9",
            Mode.UTF8,
            lines(
                "",
                "# HELP \"my\\\"noncompliant\\nmetric\\\\\" help text",
                "# TYPE \"my\\\"noncompliant\\nmetric\\\\\" counter",
                "{\"my\\\"noncompliant\\nmetric\\\\\",\"label\\\"name\\n\"=\"value\"} 1"),
            """
            my\\"noncompliant\\nmetric\\\\ COUNTER help="help text"
              {label\\"name\\n="value"} counter 1.0
            """),
        row(
            "G10",
            Mode.UTF8,
            lines(
                "",
                "# HELP \"my.noncompliant.metric\" help text",
                "# TYPE \"my.noncompliant.metric\" counter",
                "{labelname=\"value\", \"my.noncompliant.metric\"} 1"),
            """
            my.noncompliant.metric COUNTER help="help text"
              {labelname="value"} counter 1.0
            """),
        row(
            "G11",
            Mode.UTF8,
            lines("", "{\"name.1\"} 1", "{\"name.2\"} 1", "{\"name.3\"} 1"),
            """
            name.1 UNTYPED
              {} untyped 1.0
            name.2 UNTYPED
              {} untyped 1.0
            name.3 UNTYPED
              {} untyped 1.0
            """),
        row(
            "G12",
            Mode.BOTH,
            histogram("histogram", "123.5", "412.6", "592.7", "1524.8", "2693.9", "2693.9"),
            FAMILY_HEAD.formatted("HISTOGRAM")
                + "histogram count=0 countFloat=2693.9 sum=1756047.3 b=[100.0:0/123.5,"
                + "120.0:0/412.6,144.0:0/592.7,172.8:0/1524.8,Infinity:0/2693.9]\n"),
        row(
            "G13",
            Mode.BOTH,
            histogram("histogram", "123", "412", "592", "1524", null, "2693.9"),
            FAMILY_HEAD.formatted("HISTOGRAM")
                + "histogram count=0 countFloat=2693.9 sum=1756047.3 b=[100.0:0/123.0,"
                + "120.0:0/412.0,144.0:0/592.0,172.8:0/1524.0]\n"),
        row(
            "G14",
            Mode.BOTH,
            histogram("histogram", "123", "412", "592", "1524.8", "2693", "2693"),
            FAMILY_HEAD.formatted("HISTOGRAM")
                + "histogram count=0 countFloat=2693.0 sum=1756047.3 b=[100.0:0/123.0,"
                + "120.0:0/412.0,144.0:0/592.0,172.8:0/1524.8,Infinity:0/2693.0]\n"),
        row(
            "G15",
            Mode.BOTH,
            histogram("gaugehistogram", "123", "412", "592", "1524", "2693", "2693"),
            FAMILY_HEAD.formatted("GAUGE_HISTOGRAM")
                + "histogram count=2693 countFloat=0.0 sum=1756047.3 b=[100.0:123/0.0,"
                + "120.0:412/0.0,144.0:592/0.0,172.8:1524/0.0,Infinity:2693/0.0]\n"),
        row(
            "G16",
            Mode.BOTH,
            histogram("gauge_histogram", "123", "412", "592", "1524", "2693", "2693"),
            FAMILY_HEAD.formatted("GAUGE_HISTOGRAM")
                + "histogram count=2693 countFloat=0.0 sum=1756047.3 b=[100.0:123/0.0,"
                + "120.0:412/0.0,144.0:592/0.0,172.8:1524/0.0,Infinity:2693/0.0]\n"),
        row(
            "G17",
            Mode.BOTH,
            histogram("gauge_histogram", "123", "412", "592", "1524.8", "2693", "2693"),
            FAMILY_HEAD.formatted("GAUGE_HISTOGRAM")
                + "histogram count=0 countFloat=2693.0 sum=1756047.3 b=[100.0:0/123.0,"
                + "120.0:0/412.0,144.0:0/592.0,172.8:0/1524.8,Infinity:0/2693.0]\n"),
        // Observed on the 1.5.1 binary (spec §7 row 100 and §3.1).
        row(
            "O1",
            Mode.BOTH,
            lines("a{} 1", "b{a=\"b\",} 1", "\t\tc 1", "d\t1\t2", "e{ a = \"b\" , c=\"d\" }1"),
            """
            a UNTYPED
              {} untyped 1.0
            b UNTYPED
              {a="b"} untyped 1.0
            c UNTYPED
              {} untyped 1.0
            d UNTYPED
              {} untyped 1.0 @2
            e UNTYPED
              {a="b",c="d"} untyped 1.0
            """),
        row(
            "O2",
            Mode.BOTH,
            lines(
                "a inf",
                "b InFiNiTy",
                "c -0",
                "d .5",
                "e 5.",
                "f +1",
                "g 08",
                "h -Inf",
                "i nan",
                "j 1E3",
                "k 1e-400",
                "l +.5e1",
                "m 4.9e-324",
                "n 1.7976931348623157e308",
                "o Infinity",
                "p -infinity",
                "q 123456789012345678901234567890",
                "r 0.1",
                "s 1.7976931348623158e308",
                "t 000.000e+0009",
                "u 9007199254740993"),
            """
            a UNTYPED
              {} untyped Infinity
            b UNTYPED
              {} untyped Infinity
            c UNTYPED
              {} untyped -0.0
            d UNTYPED
              {} untyped 0.5
            e UNTYPED
              {} untyped 5.0
            f UNTYPED
              {} untyped 1.0
            g UNTYPED
              {} untyped 8.0
            h UNTYPED
              {} untyped -Infinity
            i UNTYPED
              {} untyped NaN
            j UNTYPED
              {} untyped 1000.0
            k UNTYPED
              {} untyped 0.0
            l UNTYPED
              {} untyped 5.0
            m UNTYPED
              {} untyped 4.9E-324
            n UNTYPED
              {} untyped 1.7976931348623157E308
            o UNTYPED
              {} untyped Infinity
            p UNTYPED
              {} untyped -Infinity
            q UNTYPED
              {} untyped 1.2345678901234568E29
            r UNTYPED
              {} untyped 0.1
            s UNTYPED
              {} untyped 1.7976931348623157E308
            t UNTYPED
              {} untyped 0.0
            u UNTYPED
              {} untyped 9.007199254740992E15
            """),
        row(
            "O3",
            Mode.BOTH,
            lines("# TYPE x counter", "x_total 1", "# UNIT x seconds", "# EOF"),
            """
            x_total UNTYPED
              {} untyped 1.0
            """),
        // Further rules.
        row(
            "X1",
            Mode.BOTH,
            lines(
                "a 1 -2",
                "b 1 +5",
                "c 1 -9223372036854775808",
                "d 1 9223372036854775807",
                "e 1 007"),
            """
            a UNTYPED
              {} untyped 1.0 @-2
            b UNTYPED
              {} untyped 1.0 @5
            c UNTYPED
              {} untyped 1.0 @-9223372036854775808
            d UNTYPED
              {} untyped 1.0 @9223372036854775807
            e UNTYPED
              {} untyped 1.0 @7
            """),
        row(
            "X2",
            Mode.BOTH,
            lines("m {a=\"x\\\\y\\\"z\\nw\"} 1", "n{a=\"\"} 2", "o{__foo=\"x\"} 3"),
            """
            m UNTYPED
              {a="x\\\\y\\"z\\nw"} untyped 1.0
            n UNTYPED
              {a=""} untyped 2.0
            o UNTYPED
              {__foo="x"} untyped 3.0
            """),
        row(
            "X3",
            Mode.BOTH,
            lines(
                "# HELP a a\\\\b\\\"q\\\"",
                "a 1",
                "# HELP b   x  ",
                "b 1",
                "# HELP c",
                "# HELP c ",
                "c 1",
                "#HELP d x",
                "d 1",
                "# help e x",
                "e 1",
                "# HELP f \"quoted\" text\t",
                "f 1"),
            """
            a UNTYPED help="a\\\\b\\"q\\""
              {} untyped 1.0
            b UNTYPED help="x  "
              {} untyped 1.0
            c UNTYPED
              {} untyped 1.0
            d UNTYPED help="x"
              {} untyped 1.0
            e UNTYPED
              {} untyped 1.0
            f UNTYPED help="\\"quoted\\" text\t"
              {} untyped 1.0
            """),
        row(
            "X4",
            Mode.BOTH,
            lines(
                "# TYPE a coun\\ter",
                "a 1",
                "# TYPE b ſummary",
                "b_sum 1",
                "# TYPE c Gauge",
                "c 1",
                "# TYPE d GaugeHistogram",
                "d_count 1",
                "# TYPE e UNTYPED",
                "e 1",
                "#\tTYPE\tf\thıstogram",
                "f_count 1"),
            """
            a COUNTER
              {} counter 1.0
            b SUMMARY
              {} summary count=0 sum=1.0 q=[]
            c GAUGE
              {} gauge 1.0
            d GAUGE_HISTOGRAM
              {} histogram count=1 countFloat=0.0 sum=0.0 b=[]
            e UNTYPED
              {} untyped 1.0
            f HISTOGRAM
              {} histogram count=1 countFloat=0.0 sum=0.0 b=[]
            """),
        row(
            "X5",
            Mode.BOTH,
            lines("x_sum 1", "# TYPE x summary", "x{quantile=\"0.5\"} 2", "x_sum 3", "x_count 4"),
            """
            x_sum UNTYPED
              {} untyped 1.0
              {} untyped 3.0
            x SUMMARY
              {} summary count=4 sum=0.0 q=[0.5:2.0]
            """),
        row(
            "X6",
            Mode.BOTH,
            lines(
                "# TYPE s summary",
                "# HELP s_count counts",
                "s_sum 1",
                "s_count{a=\"1\"} -3",
                "s_count{a=\"2\"} 2.7",
                "s_count{a=\"3\"} 1e20",
                "s_count{a=\"4\"} NaN",
                "s{a=\"5\",quantile=\"NaN\"} 1",
                "s_bucket{a=\"6\"} 1"),
            """
            s SUMMARY help="counts"
              {} summary count=0 sum=1.0 q=[]
              {a="1"} summary count=18446744073709551613 sum=0.0 q=[]
              {a="2"} summary count=2 sum=0.0 q=[]
              {a="3"} summary count=9223372036854775808 sum=0.0 q=[]
              {a="4"} summary count=9223372036854775808 sum=0.0 q=[]
              {a="5"} summary count=0 sum=0.0 q=[]
            s_bucket UNTYPED
              {a="6"} untyped 1.0
            """),
        row(
            "X7",
            Mode.BOTH,
            lines(
                "# TYPE h histogram",
                "h_bucket 5",
                "h{le=\"1\"} 1",
                "h_bucket{le=\"1\"} 2",
                "h_bucket{le=\"NaN\"} 7",
                "h_bucket{le=\"2\",a=\"b\"} 3",
                "h_count{a=\"b\"} 9.223372036854776e18",
                "h_count{a=\"c\"} 1.8446744073709552e19",
                "h_count{a=\"d\"} -0",
                "h_count{a=\"e\"} NaN",
                "h_bucket{a=\"e\",le=\"+Inf\"} 3"),
            """
            h HISTOGRAM
              {} histogram count=0 countFloat=0.0 sum=0.0 b=[1.0:1/0.0,1.0:2/0.0]
              {a="b"} histogram count=9223372036854775808 countFloat=0.0 sum=0.0 b=[2.0:3/0.0]
              {a="c"} histogram count=0 countFloat=1.8446744073709552E19 sum=0.0 b=[]
              {a="d"} histogram count=0 countFloat=0.0 sum=0.0 b=[]
              {a="e"} histogram count=0 countFloat=NaN sum=0.0 b=[Infinity:0/3.0]
            """),
        row(
            "X8",
            Mode.BOTH,
            lines("a 1", "b 2", "a{x=\"y\"} 3", "a 4", "# HELP z only help", "# TYPE z gauge"),
            """
            a UNTYPED
              {} untyped 1.0
              {x="y"} untyped 3.0
              {} untyped 4.0
            b UNTYPED
              {} untyped 2.0
            """),
        row("X9", Mode.BOTH, "   ", ""),
        row("X10", Mode.BOTH, "", ""),
        row(
            "X11",
            Mode.BOTH,
            lines("\"abc\" 1", "m{\"a\"=\"b\"} 1", "{c} 2", "{d,x=\"y\"} 3", "{x=\"y\",e} 4"),
            """
            abc UNTYPED
              {} untyped 1.0
            m UNTYPED
              {a="b"} untyped 1.0
            c UNTYPED
              {} untyped 2.0
            d UNTYPED
              {x="y"} untyped 3.0
            e UNTYPED
              {x="y"} untyped 4.0
            """),
        row(
            "X12",
            Mode.UTF8,
            lines("a\"b.c\" 1", "{\"ü\"} 2", "m{\"ü\"=\"ö\"} 3"),
            """
            ab.c UNTYPED
              {} untyped 1.0
            ü UNTYPED
              {} untyped 2.0
            m UNTYPED
              {ü="ö"} untyped 3.0
            """),
        // The state machine keeps the current family and metric across lines; a line starting
        // with a brace reuses them, as expfmt does.
        row(
            "Q1",
            Mode.BOTH,
            lines("a 1", "{} 2"),
            """
            a UNTYPED
              {} untyped 2.0
              {} untyped 2.0
            """),
        row(
            "Q2",
            Mode.BOTH,
            lines("a{x=\"1\"} 1", "{y=\"2\"} 2", "{x=\"3\"} 3 7"),
            """
            a UNTYPED
              {x="1",x="3",y="2"} untyped 3.0 @7
              {x="1",x="3",y="2"} untyped 3.0 @7
              {x="1",x="3",y="2"} untyped 3.0 @7
            """),
        row(
            "Q3",
            Mode.BOTH,
            lines("a 1", "# TYPE b gauge", "{} 2"),
            """
            a UNTYPED
              {} untyped 1.0
            b GAUGE
              {} gauge 2.0
            """),
        row(
            "Q4",
            Mode.BOTH,
            lines("a 1", "# HELP b text", "{} 2"),
            """
            a UNTYPED
              {} untyped 1.0
            b COUNTER help="text"
              {} counter 2.0
            """),
        row(
            "Q5",
            Mode.BOTH,
            lines("# TYPE s summary", "s_count 5", "{} 7", "s{quantile=\"0.5\"} 1", "{} 2"),
            """
            s SUMMARY
              {} summary count=7 sum=0.0 q=[0.5:1.0]
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses_bodies_into_families(String no, Mode mode, String body, String expected)
      throws Exception {
    assertThat(Render.families(TextParser.parse(utf8(body), true))).isEqualTo(expected);
    if (mode == Mode.BOTH) {
      assertThat(Render.families(TextParser.parse(utf8(body), false))).isEqualTo(expected);
    }
  }

  @Test
  void reads_the_body_from_a_stream() throws Exception {
    Map<String, MetricFamily> parsed =
        TextParser.parse(new ByteArrayInputStream(utf8("b 1\na 2\n")), false);
    assertThat(parsed.keySet()).containsExactly("b", "a");
  }

  @Test
  void returns_an_unmodifiable_map() throws Exception {
    Map<String, MetricFamily> parsed = TextParser.parse(utf8("a 1\n"), false);
    assertThatThrownBy(() -> parsed.remove("a")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shares_one_string_for_a_label_name_repeated_on_many_lines() throws Exception {
    Map<String, MetricFamily> parsed =
        TextParser.parse(utf8("a{job=\"x\"} 1\na{job=\"y\"} 2\n"), false);
    var metrics = parsed.get("a").metrics();
    assertThat(metrics.get(0).labels().name(0)).isSameAs(metrics.get(1).labels().name(0));
  }

  @Test
  void reports_the_line_of_the_error() {
    assertThatThrownBy(() -> TextParser.parse(utf8("a 1\n\n# x\nb x\n"), false))
        .isInstanceOfSatisfying(TextParseException.class, e -> assertThat(e.line()).isEqualTo(4));
  }

  private static Arguments row(String no, Mode mode, String body, String expected) {
    return Arguments.of(no, mode, body, expected);
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  // The histogram of G4 and its variants; a null +Inf bucket is left out.
  private static String histogram(
      String type, String b100, String b120, String b144, String b172, String inf, String count) {
    String p = "request_duration_microseconds";
    return HISTOGRAM_HEAD.formatted(type)
        + lines(
            p + "_bucket{le=\"100\"} " + b100,
            p + "_bucket{le=\"120\"} " + b120,
            p + "_bucket{le=\"144\"} " + b144,
            p + "_bucket{le=\"172.8\"} " + b172)
        + (inf == null ? "" : p + "_bucket{le=\"+Inf\"} " + inf + "\n")
        + lines(p + "_sum 1.7560473e+06", p + "_count " + count);
  }
}
