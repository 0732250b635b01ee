package io.pushmill.metrics.text;

import static io.pushmill.metrics.text.Fixtures.family;
import static io.pushmill.metrics.text.Fixtures.floatHistogram;
import static io.pushmill.metrics.text.Fixtures.gauge;
import static io.pushmill.metrics.text.Fixtures.labels;
import static io.pushmill.metrics.text.Fixtures.metric;
import static io.pushmill.metrics.text.Fixtures.untyped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Golden files for the OpenMetrics writer, derived by hand from {@code openmetrics_create.go}:
 * {@code _total} cut from counter HELP/TYPE, {@code unknown} for untyped, {@code .0} on integral
 * floats, integer counts, seconds for timestamps, exemplars, {@code _created} lines, {@code # EOF}.
 */
class OpenMetricsWriterTest {
  private static final Instant CREATED = Instant.ofEpochSecond(1_700_000_000L, 500_000_000);

  @Test
  void writes_every_type_like_expfmt() throws IOException {
    assertThat(write(OpenMetricsWriter.create(), families(true)))
        .isEqualTo(golden("all_types.txt"));
  }

  @Test
  void writes_created_lines_when_asked() throws IOException {
    assertThat(write(OpenMetricsWriter.withCreatedLines(), families(false)))
        .isEqualTo(golden("created_lines.txt"));
  }

  @Test
  void refuses_float_histograms_before_writing_anything() {
    MetricFamily f =
        family("fh", null, MetricType.HISTOGRAM, metric(Labels.EMPTY, floatHistogram(2.5, 1)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                OpenMetricsWriter.create()
                    .write(
                        out,
                        List.of(
                            family("g", null, MetricType.GAUGE, metric(Labels.EMPTY, gauge(1))),
                            f)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OpenMetrics v1.0 does not support float histogram fh");
    assertThat(out.size()).isZero();
  }

  @Test
  void escapes_names_by_the_scheme_given() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenMetricsWriter.create()
        .write(
            out,
            List.of(family("a.b", null, MetricType.GAUGE, metric(labels("c.d", "x"), gauge(2)))),
            NameEscaping.Scheme.UNDERSCORES);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("# TYPE a_b gauge\na_b{c_d=\"x\"} 2.0\n# EOF\n");
  }

  @Test
  void an_empty_scrape_is_only_eof() throws IOException {
    assertThat(write(OpenMetricsWriter.create(), List.of())).isEqualTo("# EOF\n");
  }

  private static List<MetricFamily> families(boolean all) {
    MetricValue.Exemplar trace =
        new MetricValue.Exemplar(
            labels("trace_id", "abc"), 0.67, Optional.of(Instant.ofEpochSecond(1_700_000_001L)));
    MetricFamily requests =
        family(
            "requests_total",
            "Total requests.",
            MetricType.COUNTER,
            metric(
                labels("code", "200"),
                new MetricValue.Counter(1027, Optional.of(trace), Optional.of(CREATED))));
    MetricFamily jobs =
        family(
            "jobs_done",
            null,
            MetricType.COUNTER,
            metric(
                Labels.EMPTY,
                new MetricValue.Counter(
                    3, Optional.empty(), Optional.of(Instant.ofEpochSecond(10)))));
    MetricFamily temperature =
        new MetricFamily(
            "temperature",
            Optional.empty(),
            MetricType.GAUGE,
            "celsius",
            List.of(
                metric(labels("room", "a"), gauge(-0.5)),
                metric(labels("room", "b"), gauge(1)),
                metric(labels("room", "c"), gauge(1e6)),
                metric(labels("room", "d"), gauge(250000))));
    MetricFamily x = family("x", null, MetricType.UNTYPED, metric(Labels.EMPTY, untyped(0)));
    MetricFamily summary =
        family(
            "rpc_seconds",
            "Say \"hi\".",
            MetricType.SUMMARY,
            metric(
                Labels.EMPTY,
                new MetricValue.Summary(
                    2693,
                    1.5e-7,
                    List.of(new MetricValue.Quantile(0.5, 0.0001), new MetricValue.Quantile(1, 3)),
                    Optional.of(Instant.ofEpochSecond(10))),
                1_700_000_000_000L));
    MetricValue.Exemplar small =
        new MetricValue.Exemplar(labels("trace_id", "x"), 0.042, Optional.empty());
    MetricFamily latency =
        family(
            "latency_seconds",
            null,
            MetricType.HISTOGRAM,
            metric(
                Labels.EMPTY,
                new MetricValue.Histogram(
                    40,
                    0,
                    5.5,
                    List.of(
                        new MetricValue.Bucket(0.05, 24, 0, Optional.of(small)),
                        MetricValue.Bucket.of(1, 33)),
                    Optional.empty(),
                    Optional.of(Instant.ofEpochMilli(1)),
                    List.of())));
    MetricFamily queue =
        family(
            "queue",
            null,
            MetricType.GAUGE_HISTOGRAM,
            metric(Labels.EMPTY, Fixtures.histogram(2, -3, Double.POSITIVE_INFINITY, 2)));
    MetricFamily dotted =
        family("a.b", null, MetricType.GAUGE, metric(labels("c.d", "x"), gauge(1)));
    return all
        ? List.of(requests, jobs, temperature, x, summary, latency, queue, dotted)
        : List.of(requests, jobs, summary, latency);
  }

  private static String write(OpenMetricsWriter writer, List<MetricFamily> families)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, families);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in =
        OpenMetricsWriterTest.class.getResourceAsStream("/golden/openmetrics/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
