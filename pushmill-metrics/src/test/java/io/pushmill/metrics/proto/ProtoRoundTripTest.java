package io.pushmill.metrics.proto;

import static io.pushmill.metrics.proto.ClientMessages.builder;
import static io.pushmill.metrics.proto.ClientMessages.classicHistogram;
import static io.pushmill.metrics.proto.ClientMessages.counter;
import static io.pushmill.metrics.proto.ClientMessages.emptyNativeHistogram;
import static io.pushmill.metrics.proto.ClientMessages.family;
import static io.pushmill.metrics.proto.ClientMessages.floatClassicHistogram;
import static io.pushmill.metrics.proto.ClientMessages.floatNativeHistogram;
import static io.pushmill.metrics.proto.ClientMessages.gauge;
import static io.pushmill.metrics.proto.ClientMessages.nativeHistogram;
import static io.pushmill.metrics.proto.ClientMessages.richCounter;
import static io.pushmill.metrics.proto.ClientMessages.summary;
import static io.pushmill.metrics.proto.ClientMessages.untyped;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.Metrics.BucketSpan;
import io.prometheus.client.Metrics.Histogram;
import io.prometheus.client.Metrics.Metric;
import io.prometheus.client.Metrics.MetricFamily;
import io.prometheus.client.Metrics.MetricType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbered table: a message as a client builds it reads into the model and writes back equal, both
 * as a message and as a delimited stream.
 */
class ProtoRoundTripTest {

  static Stream<Arguments> messages() {
    return Stream.of(
        row(1, family("requests_total", MetricType.COUNTER, richCounter(), counter(0, "a", "b"))),
        row(
            2,
            builder("with_help", MetricType.GAUGE)
                .setHelp("Some help.")
                .addMetric(gauge(1))
                .build()),
        row(3, builder("empty_help", MetricType.GAUGE).setHelp("").addMetric(gauge(-0.0)).build()),
        row(4, builder("temp", MetricType.GAUGE).setUnit("celsius").addMetric(gauge(21.5)).build()),
        row(5, family("untyped_ts", MetricType.UNTYPED, withTimestamp(untyped(1, "x", "y"), 1234))),
        row(6, family("before_1970", MetricType.UNTYPED, withTimestamp(untyped(2), -1))),
        row(7, family("rpc_seconds", MetricType.SUMMARY, summary())),
        row(8, family("latency", MetricType.HISTOGRAM, classicHistogram())),
        row(9, family("float_classic", MetricType.HISTOGRAM, floatClassicHistogram())),
        row(10, family("native", MetricType.HISTOGRAM, nativeHistogram())),
        row(11, family("native_empty", MetricType.HISTOGRAM, emptyNativeHistogram())),
        row(12, family("native_float", MetricType.HISTOGRAM, floatNativeHistogram())),
        row(13, family("gauge_hist", MetricType.GAUGE_HISTOGRAM, classicHistogram())),
        row(14, family("dup_labels", MetricType.GAUGE, gauge(1, "a", "2", "a", "1", "b", "0"))),
        row(15, family("", MetricType.UNTYPED, untyped(1))),
        row(16, family("no_value", MetricType.GAUGE, Metric.newBuilder().build())),
        row(17, family("no_metrics", MetricType.COUNTER)),
        row(
            18,
            family(
                "odd_floats",
                MetricType.GAUGE,
                gauge(Double.NaN, "v", "nan"),
                gauge(Double.NEGATIVE_INFINITY, "v", "-inf"))),
        row(19, family("unicode", MetricType.GAUGE, gauge(3, "city", "Zürich 🏔", "empty", ""))),
        row(20, family("counter_in_gauge", MetricType.GAUGE, counter(5))),
        row(21, family("gauge", MetricType.GAUGE, gauge(0))));
  }

  private static Arguments row(int n, MetricFamily message) {
    return Arguments.of(n, message);
  }

  private static Metric withTimestamp(Metric m, long ms) {
    return m.toBuilder().setTimestampMs(ms).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void a_message_written_back_equals_the_one_read(int n, MetricFamily message) throws Exception {
    assertThat(ProtobufFormat.toProto(ProtobufFormat.fromProto(message)))
        .as("case %d", n)
        .isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void a_stream_written_back_has_the_same_bytes(int n, MetricFamily message) throws Exception {
    byte[] body = ClientMessages.body(message);
    var families = ProtobufFormat.read(new ByteArrayInputStream(body));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtobufFormat.write(out, families.values());
    assertThat(out.toByteArray()).as("case %d", n).isEqualTo(body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void reading_what_was_written_gives_the_same_model(int n, MetricFamily message) throws Exception {
    var model = ProtobufFormat.fromProto(message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtobufFormat.write(out, List.of(model));
    var back = ProtobufFormat.read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(new ArrayList<>(back.values())).as("case %d", n).containsExactly(model);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void the_model_survives_a_trip_through_protobuf(int n, MetricFamily message) throws Exception {
    var model = ProtobufFormat.fromProto(message);
    assertThat(ProtobufFormat.fromProto(ProtobufFormat.toProto(model)))
        .as("case %d", n)
        .isEqualTo(model);
  }

  /** A message whose unsorted labels come back sorted, as the model keeps them. */
  @Test
  void labels_are_written_in_sorted_order() throws Exception {
    MetricFamily unsorted = family("m", MetricType.GAUGE, gauge(1, "z", "1", "a", "2", "m", "3"));
    MetricFamily sorted = family("m", MetricType.GAUGE, gauge(1, "a", "2", "m", "3", "z", "1"));
    assertThat(ProtobufFormat.toProto(ProtobufFormat.fromProto(unsorted))).isEqualTo(sorted);
  }

  /** Upstream's own handler test pushes a float native histogram with few fields set. */
  @Test
  void a_sparse_float_native_histogram_gains_only_explicit_zero_threshold_and_zero_count()
      throws Exception {
    Metric sparse =
        Metric.newBuilder()
            .setHistogram(
                Histogram.newBuilder()
                    .setSampleCountFloat(20)
                    .setSampleSum(99.23)
                    .setSchema(1)
                    .addAllNegativeCount(List.of(2.0, 2.0, -2.0, 0.0))
                    .addAllPositiveCount(List.of(2.0, 2.0, -2.0, 0.0))
                    .addPositiveSpan(span(0, 2))
                    .addPositiveSpan(span(0, 2))
                    .addNegativeSpan(span(0, 2))
                    .addNegativeSpan(span(0, 2)))
            .build();
    MetricFamily pushed = family("histogram_metric", MetricType.HISTOGRAM, sparse);

    MetricFamily written = ProtobufFormat.toProto(ProtobufFormat.fromProto(pushed));

    Metric expected =
        sparse.toBuilder()
            .setHistogram(sparse.getHistogram().toBuilder().setZeroThreshold(0).setZeroCount(0))
            .build();
    assertThat(written.getMetric(0)).isEqualTo(expected);
  }

  private static BucketSpan span(int offset, int length) {
    return BucketSpan.newBuilder().setOffset(offset).setLength(length).build();
  }
}
