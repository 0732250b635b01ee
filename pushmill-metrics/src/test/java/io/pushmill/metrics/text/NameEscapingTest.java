package io.pushmill.metrics.text;

import static io.pushmill.metrics.text.Fixtures.counter;
import static io.pushmill.metrics.text.Fixtures.family;
import static io.pushmill.metrics.text.Fixtures.gauge;
import static io.pushmill.metrics.text.Fixtures.labels;
import static io.pushmill.metrics.text.Fixtures.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.text.NameEscaping.Scheme;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbered tables for {@code model.EscapeName} and {@code model.UnescapeName}, and family escaping.
 */
class NameEscapingTest {

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of(1, Scheme.UNDERSCORES, "a.b", "a_b"),
        Arguments.of(2, Scheme.UNDERSCORES, "valid_name:x", "valid_name:x"),
        Arguments.of(3, Scheme.UNDERSCORES, "1abc", "_abc"),
        Arguments.of(4, Scheme.UNDERSCORES, "a1", "a1"),
        Arguments.of(5, Scheme.UNDERSCORES, "", ""),
        Arguments.of(6, Scheme.UNDERSCORES, "Björn", "Bj_rn"),
        Arguments.of(7, Scheme.UNDERSCORES, "😀x", "_x"),
        Arguments.of(8, Scheme.UNDERSCORES, "a-b/c", "a_b_c"),
        Arguments.of(9, Scheme.UNDERSCORES, "é1", "_1"),
        Arguments.of(10, Scheme.DOTS, "a.b_c", "a_dot_b__c"),
        Arguments.of(11, Scheme.DOTS, "valid_name", "valid__name"),
        Arguments.of(12, Scheme.DOTS, "a-b", "a__b"),
        Arguments.of(13, Scheme.DOTS, "1x", "__x"),
        Arguments.of(14, Scheme.VALUES, "a.b", "U__a_2e_b"),
        Arguments.of(15, Scheme.VALUES, "a_b.c", "U__a__b_2e_c"),
        Arguments.of(16, Scheme.VALUES, "valid", "valid"),
        Arguments.of(17, Scheme.VALUES, "😀", "U___1f600_"),
        Arguments.of(18, Scheme.VALUES, "1x", "U___31_x"),
        Arguments.of(19, Scheme.VALUES, "a\uD800", "U__a_FFFD_"),
        Arguments.of(20, Scheme.VALUES, "\uDBFF\uDFFF", "U___10ffff_"),
        Arguments.of(21, Scheme.ALLOW_UTF8, "a.b", "a.b"));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("escapes")
  void escapes_names_like_model_escape_name(int no, Scheme scheme, String name, String expected) {
    assertThat(NameEscaping.escapeName(name, scheme)).isEqualTo(expected);
  }

  static Stream<Arguments> unescapes() {
    return Stream.of(
        Arguments.of(1, Scheme.VALUES, "U__a_2e_b", "a.b"),
        Arguments.of(2, Scheme.VALUES, "U__a__b_2e_c", "a_b.c"),
        Arguments.of(3, Scheme.VALUES, "U___1f600_", "😀"),
        Arguments.of(4, Scheme.VALUES, "U__foo_2E_bar", "foo.bar"),
        Arguments.of(5, Scheme.VALUES, "a_2e_b", "a_2e_b"),
        Arguments.of(6, Scheme.VALUES, "U__a_2e", "U__a_2e"),
        Arguments.of(7, Scheme.VALUES, "U__a_zz_b", "U__a_zz_b"),
        Arguments.of(8, Scheme.VALUES, "U__a_d800_b", "U__a_d800_b"),
        Arguments.of(9, Scheme.VALUES, "U__a_10ffff_b", "U__a_10ffff_b"),
        Arguments.of(10, Scheme.VALUES, "U__a_", "U__a_"),
        Arguments.of(11, Scheme.VALUES, "U__", ""),
        Arguments.of(12, Scheme.VALUES, "U__label_2e_name2", "label.name2"),
        Arguments.of(13, Scheme.VALUES, "U__x_0_y", "x\u0000y"),
        Arguments.of(14, Scheme.DOTS, "a_dot_b__c", "a.b_c"),
        Arguments.of(15, Scheme.UNDERSCORES, "a_b", "a_b"),
        Arguments.of(16, Scheme.ALLOW_UTF8, "U__a_2e_b", "U__a_2e_b"));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("unescapes")
  void unescapes_names_like_model_unescape_name(
      int no, Scheme scheme, String name, String expected) {
    assertThat(NameEscaping.unescapeName(name, scheme)).isEqualTo(expected);
  }

  @Test
  void value_escaping_round_trips_below_u_100000() {
    String name = "a.b-c_d😀é";
    String escaped = NameEscaping.escapeName(name, Scheme.VALUES);
    assertThat(NameEscaping.unescapeName(escaped, Scheme.VALUES)).isEqualTo(name);
  }

  @Test
  void schemes_are_named_as_in_the_escaping_parameter() {
    assertThat(Scheme.fromParameter("underscores")).contains(Scheme.UNDERSCORES);
    assertThat(Scheme.fromParameter("allow-utf-8")).contains(Scheme.ALLOW_UTF8);
    assertThat(Scheme.fromParameter("dots")).contains(Scheme.DOTS);
    assertThat(Scheme.fromParameter("values")).contains(Scheme.VALUES);
    assertThat(Scheme.fromParameter("Underscores")).isEmpty();
    assertThat(Scheme.VALUES.parameter()).isEqualTo("values");
  }

  @Test
  void escapes_the_family_name_label_names_and_the_metric_name_label() {
    MetricFamily f =
        family(
            "a.b",
            "help",
            MetricType.COUNTER,
            metric(labels("c.d", "x", "e", "y", "__name__", "m.n", "a:b", "z"), counter(1)));
    MetricFamily escaped = NameEscaping.escape(f);
    assertThat(escaped.name()).isEqualTo("a_b");
    assertThat(escaped.help()).contains("help");
    assertThat(escaped.metrics().getFirst().labels())
        .isEqualTo(labels("c_d", "x", "e", "y", "__name__", "m_n", "a:b", "z"));
    assertThat(escaped.metrics().getFirst().value()).isEqualTo(counter(1));
  }

  @Test
  void leaves_legacy_families_and_allow_utf8_untouched() {
    MetricFamily legacy =
        family("ok_name", null, MetricType.GAUGE, metric(labels("job", "a.b"), gauge(1)));
    MetricFamily dotted = family("a.b", null, MetricType.GAUGE, metric(Labels.EMPTY, gauge(1)));
    assertThat(NameEscaping.escape(legacy)).isSameAs(legacy);
    assertThat(NameEscaping.escape(legacy, Scheme.DOTS)).isSameAs(legacy);
    assertThat(NameEscaping.escape(dotted, Scheme.ALLOW_UTF8)).isSameAs(dotted);
    assertThat(NameEscaping.escape(dotted, Scheme.DOTS).name()).isEqualTo("a_dot_b");
    assertThat(NameEscaping.escape(dotted, Scheme.VALUES).name()).isEqualTo("U__a_2e_b");
  }

  @Test
  void the_writer_escapes_with_underscores_like_heads_default_scrape() throws Exception {
    List<MetricFamily> families =
        List.of(
            family(
                "esc_help",
                "Back\\slash, new\nline, \"quotes\" stay.",
                MetricType.GAUGE,
                metric(
                    labels("path", "C:\\dir", "quote", "say \"hi\"", "multi", "a\nb"), gauge(1))),
            family(
                "a.b",
                "Dotted.",
                MetricType.COUNTER,
                metric(labels("e", "y", "c.d", "x"), counter(1)),
                metric(Labels.EMPTY, counter(2))),
            family("x-y", null, MetricType.UNTYPED, metric(Labels.EMPTY, Fixtures.untyped(-1))),
            family(
                "h.x",
                null,
                MetricType.HISTOGRAM,
                metric(Labels.EMPTY, Fixtures.histogram(1, 0.5, 1, 1))),
            family("colon:name", null, MetricType.GAUGE, metric(labels("a:b", "1"), gauge(0.25))),
            family(
                "quote\"name",
                null,
                MetricType.GAUGE,
                metric(labels("back\\slash", "v"), gauge(3))),
            family("Björn", null, MetricType.GAUGE, metric(labels("ü", "佖"), gauge(7))));
    assertThat(write(families, Scheme.UNDERSCORES))
        .isEqualTo(TextWriterTest.golden("escaping_underscores.txt"));
  }

  @Test
  void the_writer_keeps_the_label_order_that_escaping_changes() throws Exception {
    // "a.b" sorts before "a_a", but its escape "a_b" after: Go writes the original order.
    MetricFamily f =
        family("m", null, MetricType.GAUGE, metric(labels("a_a", "2", "a.b", "1"), gauge(1)));
    assertThat(write(List.of(f), Scheme.UNDERSCORES))
        .isEqualTo("# TYPE m gauge\nm{a_b=\"1\",a_a=\"2\"} 1\n");
    assertThat(write(List.of(NameEscaping.escape(f)), Scheme.ALLOW_UTF8))
        .isEqualTo("# TYPE m gauge\nm{a_a=\"2\",a_b=\"1\"} 1\n");
  }

  private static String write(List<MetricFamily> families, Scheme scheme) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TextWriter.write(out, families, scheme);
    return out.toString(StandardCharsets.UTF_8);
  }
}
