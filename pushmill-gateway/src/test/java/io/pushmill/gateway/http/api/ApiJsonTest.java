package io.pushmill.gateway.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/status} and {@code /api/v1/metrics} bodies against golden files (spec §2.10, §7
 * rows 57-59): the shapes of upstream's {@code TestMetricsAPI}, Go's JSON escaping and key order.
 */
class ApiJsonTest {
  static final Instant PUSHED = Instant.parse("2020-03-09T19:24:08.025744841Z");
  static final BuildInfo BUILD =
      new BuildInfo("1.2.3", "abc123", "main", "tester", "20261125-12:00:00", "java25");

  @Test
  void an_empty_store_is_an_empty_array() {
    assertThat(ApiJson.metrics(List.of())).isEqualTo("{\"status\":\"success\",\"data\":[]}");
  }

  @Test
  void status_reports_build_flags_and_start_time() throws IOException {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("web.listen-address", ":9091");
    flags.put("persistence.interval", "5m0s");
    flags.put("log.level", "info");

    String json = ApiJson.status(BUILD, flags, Instant.parse("2026-11-25T11:56:14.862877856Z"));

    assertThat(json).isEqualTo(golden("api-v1-status.json"));
  }

  @Test
  void metrics_render_every_type_as_upstream() throws IOException {
    String json = ApiJson.metrics(List.of(group()));

    assertThat(json).isEqualTo(golden("api-v1-metrics.json"));
  }

  @Test
  void start_time_trims_trailing_zeros_and_drops_a_zero_fraction() {
    assertThat(ApiJson.status(BUILD, Map.of(), Instant.parse("2026-01-02T03:04:05.120Z")))
        .endsWith("\"start_time\":\"2026-01-02T03:04:05.12Z\"}}");
    assertThat(ApiJson.status(BUILD, Map.of(), Instant.parse("2026-01-02T03:04:05Z")))
        .endsWith("\"start_time\":\"2026-01-02T03:04:05Z\"}}");
  }

  static GroupSnapshot group() {
    Labels grouping = Labels.of("job", "Bj\u00f6rn", "instance", "inst'a\"n\\ce1");
    Map<String, StoredFamily> families = new LinkedHashMap<>();
    families.put(
        "mf1",
        stored(
            MetricFamily.of(
                "mf1",
                Optional.empty(),
                MetricType.SUMMARY,
                List.of(
                    Metric.of(grouping, new MetricValue.Summary(0, 0, List.of(), Optional.empty())),
                    Metric.of(
                        grouping.with("q", "2"),
                        new MetricValue.Summary(
                            5,
                            10,
                            List.of(
                                new MetricValue.Quantile(0.5, 1),
                                new MetricValue.Quantile(0.99, 1e-5)),
                            Optional.empty()))))));
    families.put(
        "mfh",
        stored(
            MetricFamily.of(
                "mfh",
                Optional.empty(),
                MetricType.HISTOGRAM,
                List.of(
                    Metric.of(
                        grouping.with("testing", "int classic histogram"),
                        MetricValue.Histogram.classic(
                            20,
                            99.23,
                            List.of(
                                MetricValue.Bucket.of(250000, 3),
                                MetricValue.Bucket.of(500000, 17)))),
                    Metric.of(
                        grouping.with("testing", "float classic histogram"),
                        new MetricValue.Histogram(
                            0,
                            20,
                            99.23,
                            List.of(
                                new MetricValue.Bucket(250000, 0, 3, Optional.empty()),
                                new MetricValue.Bucket(500000, 0, 17, Optional.empty())),
                            Optional.empty(),
                            Optional.empty(),
                            List.of())),
                    Metric.of(
                        grouping.with("testing", "int native histogram"),
                        new MetricValue.Histogram(
                            20,
                            0,
                            99.23,
                            List.of(),
                            Optional.of(nativeBuckets(List.of(0L, 2L, -2L, 0L), List.of())),
                            Optional.empty(),
                            List.of())),
                    Metric.of(
                        grouping.with("testing", "float native histogram"),
                        new MetricValue.Histogram(
                            0,
                            20,
                            99.23,
                            List.of(),
                            Optional.of(nativeBuckets(List.of(), List.of(2.0, 2.0, -2.0, 0.0))),
                            Optional.empty(),
                            List.of()))))));
    families.put(
        "batch_duration_seconds",
        stored(
            MetricFamily.of(
                "batch_duration_seconds",
                Optional.of("Duration <of> batch & job.\u2028"),
                MetricType.GAUGE,
                List.of(
                    Metric.of(
                        grouping.with("tag", "<b>\u0001\u007f"), new MetricValue.Gauge(0.27))))));
    families.put(
        "aaa",
        stored(
            MetricFamily.of(
                "aaa",
                Optional.of(""),
                MetricType.GAUGE_HISTOGRAM,
                List.of(Metric.of(grouping, MetricValue.Histogram.classic(1, 1, List.of()))))));
    families.put(
        "cnt",
        stored(
            MetricFamily.of(
                "cnt",
                Optional.empty(),
                MetricType.COUNTER,
                List.of(
                    Metric.of(grouping, MetricValue.Counter.of(1234567)),
                    Metric.of(grouping.with("x", "nan"), MetricValue.Counter.of(Double.NaN)),
                    Metric.of(
                        grouping.with("x", "inf"),
                        new MetricValue.Untyped(Double.NEGATIVE_INFINITY))))));
    families.put(
        "push_time_seconds",
        stored(
            MetricFamily.of(
                "push_time_seconds",
                Optional.of(
                    "Last Unix time when changing this group in the Pushgateway succeeded."),
                MetricType.GAUGE,
                List.of(Metric.of(grouping, new MetricValue.Gauge(1.583781848025745e9))))));
    families.put(
        "push_failure_time_seconds",
        stored(
            MetricFamily.of(
                "push_failure_time_seconds",
                Optional.of("Last Unix time when changing this group in the Pushgateway failed."),
                MetricType.GAUGE,
                List.of(Metric.of(grouping, new MetricValue.Gauge(0))))));
    return new GroupSnapshot(new GroupingKey(grouping), families);
  }

  private static MetricValue.NativeBuckets nativeBuckets(List<Long> deltas, List<Double> counts) {
    List<MetricValue.BucketSpan> spans =
        List.of(new MetricValue.BucketSpan(0, 2), new MetricValue.BucketSpan(0, 2));
    return new MetricValue.NativeBuckets(1, 0, 0, 0, spans, deltas, counts, spans, deltas, counts);
  }

  private static StoredFamily stored(MetricFamily f) {
    return new StoredFamily(PUSHED, f);
  }

  static String golden(String name) throws IOException {
    try (InputStream in =
        ApiJsonTest.class.getResourceAsStream("/io/pushmill/gateway/http/" + name)) {
      if (in == null) {
        throw new IOException("missing golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
    }
  }
}
