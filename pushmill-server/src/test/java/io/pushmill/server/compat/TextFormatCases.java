package io.pushmill.server.compat;

import static io.pushmill.server.compat.DiffCase.builder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text 0.0.4 parser through the push path: every error class of expfmt's parser (§7 rows
 * 62–91, from common's text_parse_test.go) and its positive cases (rows 92–96, 100), §3.1.
 */
final class TextFormatCases {
  private TextFormatCases() {}

  /** A case of pushes, one per body, each to a group of its own (g/1, g/2, ...). */
  private static DiffCase pushes(int id, String title, String source, String... bodies) {
    DiffCase.Builder c = builder(id, title, source);
    for (int i = 0; i < bodies.length; i++) {
      c.put("/metrics/job/{job}/g/" + (i + 1), bodies[i]);
    }
    return c.build();
  }

  static final String HISTOGRAM_HEAD =
      "# HELP request_duration_microseconds The response latency.\n"
          + "# TYPE request_duration_microseconds histogram\n";

  static List<DiffCase> cases() {
    List<DiffCase> cases = new ArrayList<>(parseErrors());
    cases.addAll(positives());
    return cases;
  }

  private static List<DiffCase> parseErrors() {
    return List.of(
        pushes(62, "no final new-line: unexpected end of input", "§7 row 62, P0", "\nbla 3.14\nblubber 42"),
        pushes(63, "backslash-t in a label value is an invalid escape", "§7 row 63, P1", "metric{label=\"\\t\"} 3.14\n"),
        pushes(64, "a raw new-line in a label value", "§7 row 64, P2", "\nmetric{label=\"new\nline\"} 3.14\n"),
        pushes(65, "'@' as label name", "§7 row 65, P3", "metric{@=\"bla\"} 3.14\n"),
        pushes(66, "__name__ as label name is reserved", "§7 row 66, P4", "metric{__name__=\"bla\"} 3.14\n"),
        pushes(67, "'+=' after a label name", "§7 row 67, P5", "metric{label+=\"bla\"} 3.14\n"),
        pushes(68, "an unquoted label value", "§7 row 68, P6", "metric{label=bla} 3.14\n"),
        pushes(69, "a quantile that is no float", "§7 row 69, P7", "\n# TYPE metric summary\nmetric{quantile=\"bla\"} 3.14\n"),
        pushes(70, "junk after a label value", "§7 row 70, P8", "metric{label=\"bla\"+} 3.14\n"),
        pushes(71, "a float timestamp", "§7 row 71, P9", "metric{label=\"bla\"} 3.14 2.72\n"),
        pushes(72, "a string after the timestamp", "§7 row 72, P10", "metric{label=\"bla\"} 3.14 2 3\n"),
        pushes(73, "a value that is no float", "§7 row 73, P11", "metric{label=\"bla\"} blubb\n"),
        pushes(74, "a second HELP line", "§7 row 74, P12", "\n# HELP metric one\n# HELP metric two\n"),
        pushes(75, "a second TYPE line", "§7 row 75, P13", "\n# TYPE metric counter\n# TYPE metric untyped\n"),
        pushes(76, "TYPE after samples", "§7 row 76, P14", "\nmetric 4.12\n# TYPE metric counter\n"),
        pushes(77, "an unknown type, and info", "§7 row 77, P15", "\n# TYPE metric bla\n", "# TYPE metric info\nmetric 1\n"),
        pushes(78, "an invalid name in TYPE", "§7 row 78, P16", "\n# TYPE met-ric\n"),
        pushes(79, "a sample name starting with '@'", "§7 row 79, P17", "@invalidmetric{label=\"bla\"} 3.14 2\n"),
        pushes(80, "a sample without a name", "§7 row 80, P18", "{label=\"bla\"} 3.14 2\n"),
        pushes(81, "an le that is no float", "§7 row 81, P19", "\n# TYPE metric histogram\nmetric_bucket{le=\"bla\"} 3.14\n"),
        builder(82, "invalid UTF-8 in a label value", "§7 row 82, P20")
            .send(HttpCall.put("/metrics/job/{job}", "").withBody(
                "metric{l=\"\u00bd\"} 3.14\n".getBytes(StandardCharsets.ISO_8859_1)))
            .build(),
        pushes(83, "Go number literals that are not floats here", "§7 row 83, P21–31",
            "foo 1_2\n", "foo 0x1p-3\n", "foo 0x1P-3\n", "foo 0B1\n", "foo 0O1\n", "foo 0X1\n", "foo 0x1\n",
            "foo 0b1\n", "foo 0o1\n"),
        pushes(84, "hex floats in le and quantile", "§7 row 84, P32–33",
            "\n# TYPE metric histogram\nmetric_bucket{le=\"0x1p-3\"} 3.14\n",
            "\n# TYPE metric summary\nmetric{quantile=\"0x1p-3\"} 3.14\n"),
        pushes(85, "a duplicate label name in one sample", "§7 row 85, P34", "metric{label=\"bla\",label=\"bla\"} 3.14\n"),
        pushes(86, "two quoted metric names", "§7 row 86, P35", "{\"one.name\",\"another.name\"} 3.14\n"),
        pushes(87, "bad quoted names: escape, end, escape in TYPE", "§7 row 87, P36–38",
            "{\"a\\xc5z\",label=\"bla\"} 3.14\n",
            "{\"metric.name\".label=\"bla\"} 3.14\n",
            "\n# TYPE \"metric.name\\t\" counter\n{\"metric.name\\t\",label=\"bla\"} 3.14\n"),
        pushes(88, "raw new-lines in quoted names", "§7 row 88, P39–40",
            "\n# TYPE \"metric\nname\" counter\n{\"metric\nname\",label=\"bla\"} 3.14\n",
            "\n{\"metric.name\",\"new\nline\"=\"bla\"} 3.14\n"),
        pushes(89, "dotted names fail legacy validation", "§7 row 89, P41–42",
            "{\"metric.name\",foo=\"bla\"} 3.14\n",
            "metric_name{\"foo\"=\"bar\", \"dotted.label\"=\"bla\"} 3.14\n"),
        pushes(90, "negative histogram counts and buckets", "§7 row 90, P43–46",
            HISTOGRAM_HEAD + buckets("123", "412", "592", "1524", "2693") + "request_duration_microseconds_count -2693\n",
            HISTOGRAM_HEAD + buckets("123", "-412", "592", "1524", "2693") + "request_duration_microseconds_count 2693\n",
            HISTOGRAM_HEAD + buckets("123", "412", "592", "1524", "2693") + "request_duration_microseconds_count -2693.123\n",
            HISTOGRAM_HEAD + buckets("123", "-412.456", "592", "1524", "2693") + "request_duration_microseconds_count 2693\n"),
        pushes(91, "{} without a name", "§7 row 91, P47", "{} 3.14\n"),
        pushes(112, "no final LF, CR LF, and \\\" in HELP", "§8 V12",
            "m 1", "m 1\r\n", "# HELP m a \\\"quoted\\\" help\nm 1\n"),
        pushes(160, "trailing whitespace after a value or timestamp", "§3.1", "m 1 \n", "m 1 2 \n", "m 1\t\n"),
        pushes(161, "OpenMetrics exemplars are not text 0.0.4", "§3.1",
            "# TYPE foo counter\nfoo_total 17.0 # {id=\"counter-test\"} 5\n"),
        pushes(162, "a TYPE of gaugehistogram and of gauge_histogram", "§3.1, 1.11 change",
            "# TYPE gh gaugehistogram\ngh_bucket{le=\"1\"} 1\ngh_bucket{le=\"+Inf\"} 2\ngh_gsum 3\ngh_gcount 2\n",
            "# TYPE gh2 gauge_histogram\ngh2_bucket{le=\"+Inf\"} 2\n"),
        pushes(163, "a duplicate series inside one push", "§2.5", "dup163 1\ndup163 2\n"),
        pushes(164, "a label name with __ passes the parser but not the check", "§3.1", "m164{__x=\"1\"} 1\n"));
  }

  static String buckets(String... counts) {
    String[] bounds = {"100", "120", "144", "172.8", "+Inf"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      out.append("request_duration_microseconds_bucket{le=\"").append(bounds[i]).append("\"} ")
          .append(counts[i]).append('\n');
    }
    return out.append("request_duration_microseconds_sum 1.7560473e+06\n").toString();
  }

  private static List<DiffCase> positives() {
    return List.of(
        pushes(92, "blank input, minimal lines, no_labels{}, HELP for an absent metric", "§7 row 92, G0–1",
            "", "\n\n", "minimal_metric 1.234\nanother_metric -3e3\nno_labels{} 3\n# HELP line for non-existing metric\n"),
        pushes(93, "comments, odd whitespace, NaN and infinities, escapes", "§7 row 93, G2",
            "# A normal comment.\n#\n# TYPE name counter\n"
                + "name{labelname=\"val1\",basename=\"basevalue\"} NaN\n"
                + "name {labelname=\"val2\",basename=\"base\\\"v\\\\al\\nue\"} 0.23\n"
                + "# HELP name two-line\\n doc  str\\\\ing\n"
                + " # HELP  name2  \tdoc str\"ing 2\n"
                + "  #    TYPE    name2 gauge\n"
                + "name2{labelname=\"val2\"\t,basename   =   \"basevalue2\"\t\t} +Inf\n"
                + "name2{ labelname = \"val1\" , }-Inf\n"),
        pushes(94, "interleaved summary lines, decoys, leading zeros, NaN quantile", "§7 row 94, G3",
            "# TYPE my_summary summary\n"
                + "my_summary{n1=\"val1\",quantile=\"0.5\"} 110\n"
                + "decoy -1\n"
                + "my_summary{n1=\"val1\",quantile=\"0.9\"} 140\n"
                + "my_summary_count{n1=\"val1\"} 42\n"
                + "my_summary_sum{n1=\"val1\"} 4711\n"
                + "fake_sum{n1=\"val1\"} 2001\n"
                + "# TYPE another_summary summary\n"
                + "another_summary_count{n2=\"val2\",n1=\"val1\"} 20\n"
                + "my_summary_count{n2=\"val2\",n1=\"val1\"} 5\n"
                + "another_summary{n1=\"val1\",n2=\"val2\",quantile=\".3\"} -1.2\n"
                + "my_summary_sum{n1=\"val2\"} 08\n"
                + "my_summary{n1=\"val3\", quantile=\"0.2\"} 4711\n"
                + "  my_summary{n1=\"val1\",n2=\"val2\",quantile=\"-12.34\",} NaN\n"
                + "# some\n# funny comments\n# HELP \n# HELP\n# HELP my_summary\n# HELP my_summary \n"),
        pushes(95, "a classic histogram from text", "§7 row 95, G4",
            HISTOGRAM_HEAD + buckets("123", "412", "592", "1524", "2693") + "request_duration_microseconds_count 2693\n"),
        pushes(171, "a histogram with float counts", "§7 row 95, G12",
            HISTOGRAM_HEAD.replace("request_duration", "f_duration")
                + buckets("123.5", "412.5", "592.5", "1524.5", "2693.5").replace("request_duration", "f_duration")
                + "f_duration_microseconds_count 2693.5\n"),
        pushes(172, "a histogram whose _count alone is fractional", "§7 row 95, G13",
            HISTOGRAM_HEAD.replace("request_duration", "c_duration")
                + buckets("123", "412", "592", "1524", "2693").replace("request_duration", "c_duration")
                + "c_duration_microseconds_count 2693.5\n"),
        pushes(96, "dotted quoted names are refused without UTF-8 names", "§7 row 96, G5–11",
            "{\"name.with.dots\"} 1\n", "metric{\"label.dotted\"=\"x\"} 3\n"),
        pushes(230, "a quoted metric name that is a legacy name", "§7 row 96, §3.1", "\"quoted_plain\" 2\n"),
        pushes(231, "a nameless sample right after a comment", "golden/README.md, §0 1.10 panic",
            "# HELP x231 y\n{} 1\n", "# TYPE x231 counter\n{a=\"b\"} 1\n"),
        pushes(232, "a bare word inside braces", "golden/README.md", "{s,a=\"b\"} 1\n", "m232{s} 1\n"),
        pushes(100, "Go float syntax: trailing blanks, {}, trailing comma, tabs, inf, -0, .5, 5., +1, 1e400",
            "§7 row 100",
            "m 1 \n", "m 1 2 \n", "m{} 1\n", "m{a=\"b\",} 1\n", "\t\tm 1\n", "m inf\n", "m InFiNiTy\n", "m -0\n",
            "m .5\n", "m 5.\n", "m +1\n", "m 1e400\n"),
        pushes(165, "a summary _count of -3 wraps to 2^64-3", "§3.1 summary",
            "# TYPE s165 summary\ns165_count -3\ns165_sum 1\n"),
        builder(166, "an x_sum before TYPE x summary is a family of its own, which then collides", "§3.1")
            .put("/metrics/job/{job}", "x166_sum 1\n# TYPE x166 summary\nx166_count 2\nx166_sum 3\n")
            .consistencyError()
            .build(),
        pushes(167, "OpenMetrics-only lines are comments; x_total is its own family", "§3.1",
            "# TYPE x167 counter\n# UNIT x167 seconds\nx167_total 1\n# EOF\n"),
        pushes(168, "one name in two blocks is one family; HELP after samples", "§3.1",
            "m168{a=\"1\"} 1\nother168 2\nm168{a=\"2\"} 3\n# HELP m168 late help\n"),
        pushes(169, "TYPE values are case-insensitive; a bare HELP is ignored", "§3.1",
            "# TYPE m169 COUNTER\nm169 1\n", "# HELP\n# HELP m169b\n# TYPE m169b Gauge\nm169b 2\n"),
        pushes(170, "histogram le and summary quantile spellings; a missing +Inf is added", "§3.1",
            "# TYPE h170 histogram\nh170_bucket{le=\"1.0\"} 1\nh170_bucket{le=\"1e1\"} 2\nh170_count 3\nh170_sum 4\n",
            "# TYPE s170 summary\ns170{quantile=\"0.50\"} 1\ns170{quantile=\".9\"} 2\ns170_count 3\ns170_sum 4\n"));
  }
}
