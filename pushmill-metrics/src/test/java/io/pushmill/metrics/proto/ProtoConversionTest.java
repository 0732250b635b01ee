package io.pushmill.metrics.proto;

import static io.pushmill.metrics.proto.ClientMessages.builder;
import static io.pushmill.metrics.proto.ClientMessages.classicHistogram;
import static io.pushmill.metrics.proto.ClientMessages.family;
import static io.pushmill.metrics.proto.ClientMessages.gauge;
import static io.pushmill.metrics.proto.ClientMessages.nativeHistogram;
import static io.pushmill.metrics.proto.ClientMessages.richCounter;
import static io.pushmill.metrics.proto.ClientMessages.summary;
import static io.pushmill.metrics.proto.ClientMessages.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.prometheus.client.Metrics;
import io.prometheus.client.Metrics.BucketSpan;
import io.prometheus.client.Metrics.Counter;
import io.prometheus.client.Metrics.Gauge;
import io.prometheus.client.Metrics.Histogram;
import io.prometheus.client.Metrics.LabelPair;
import io.prometheus.client.Metrics.Metric;
import io.prometheus.client.Metrics.MetricType;
import io.prometheus.client.Metrics.Summary;
import io.prometheus.client.Metrics.Untyped;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the model holds after reading a message. */
class ProtoConversionTest {

  private static MetricFamily read(Metrics.MetricFamily message) throws ProtobufParseException {
    return ProtobufFormat.fromProto(message);
  }

  private static MetricValue onlyValue(Metrics.MetricFamily message) throws Exception {
    return read(message).metrics().getFirst().value();
  }

  @Test
  void absent_help_and_empty_help_stay_distinct() throws Exception {
    assertThat(read(builder("a", MetricType.GAUGE).build()).help()).isEmpty();
    assertThat(read(builder("a", MetricType.GAUGE).setHelp("").build()).help()).contains("");
    assertThat(ProtobufFormat.toProto(read(builder("a", MetricType.GAUGE).build())).hasHelp())
        .isFalse();
  }

  @Test
  void name_type_unit_labels_and_timestamp_are_kept() throws Exception {
    Metric m = gauge(2, "job", "j", "instance", "i").toBuilder().setTimestampMs(-5).build();
    MetricFamily f =
        read(builder("t", MetricType.GAUGE_HISTOGRAM).setUnit("seconds").addMetric(m).build());
    assertThat(f.name()).isEqualTo("t");
    assertThat(f.unit()).isEqualTo("seconds");
    assertThat(f.type()).isEqualTo(io.pushmill.metrics.MetricType.GAUGE_HISTOGRAM);
    assertThat(f.metrics().getFirst().labels()).isEqualTo(Labels.of("instance", "i", "job", "j"));
    assertThat(f.metrics().getFirst().timestampMs()).isEqualTo(OptionalLong.of(-5));
    assertThat(read(family("n", MetricType.GAUGE, gauge(1))).metrics().getFirst().timestampMs())
        .isEmpty();
  }

  @Test
  void duplicate_label_names_are_kept_for_the_consistency_check() throws Exception {
    Labels labels =
        read(family("d", MetricType.GAUGE, gauge(1, "a", "1", "a", "2")))
            .metrics()
            .getFirst()
            .labels();
    assertThat(labels.size()).isEqualTo(2);
    assertThat(labels.hasDuplicateNames()).isTrue();
  }

  @Test
  void a_counter_keeps_its_exemplar_and_created_timestamp() throws Exception {
    MetricValue.Counter c =
        (MetricValue.Counter) onlyValue(family("c", MetricType.COUNTER, richCounter()));
    assertThat(c.value()).isEqualTo(1027);
    assertThat(c.created()).contains(Instant.ofEpochSecond(1_699_999_000L, 5));
    assertThat(c.exemplar())
        .contains(
            new MetricValue.Exemplar(
                Labels.of("trace_id", "KOO5S4vxi0o"),
                0.67,
                Optional.of(Instant.ofEpochSecond(1_700_000_000L, 123_456_789))));
  }

  @Test
  void a_summary_keeps_all_64_bits_of_its_count() throws Exception {
    MetricValue.Summary s =
        (MetricValue.Summary) onlyValue(family("s", MetricType.SUMMARY, summary()));
    assertThat(s.count()).isEqualTo(-1L);
    assertThat(s.sum()).isEqualTo(1.7560473e+07);
    assertThat(s.quantiles())
        .containsExactly(
            new MetricValue.Quantile(0.5, 4773), new MetricValue.Quantile(0.99, 76656));
    assertThat(s.created()).contains(Instant.ofEpochSecond(1_600_000_000L, 999_999_999));
  }

  @Test
  void a_classic_histogram_keeps_buckets_and_their_exemplars() throws Exception {
    MetricValue.Histogram h =
        (MetricValue.Histogram) onlyValue(family("h", MetricType.HISTOGRAM, classicHistogram()));
    assertThat(h.count()).isEqualTo(144320);
    assertThat(h.isFloat()).isFalse();
    assertThat(h.nativeBuckets()).isEmpty();
    assertThat(h.buckets()).hasSize(3);
    assertThat(h.buckets().get(0)).isEqualTo(MetricValue.Bucket.of(0.05, 24054));
    assertThat(h.buckets().get(2).exemplar().orElseThrow().timestamp())
        .contains(Instant.ofEpochSecond(17));
    assertThat(h.created()).contains(Instant.ofEpochSecond(1_650_000_000L, 42));
  }

  @Test
  void a_native_histogram_keeps_every_native_field() throws Exception {
    MetricValue.Histogram h =
        (MetricValue.Histogram) onlyValue(family("h", MetricType.HISTOGRAM, nativeHistogram()));
    assertThat(h.nativeBuckets())
        .contains(
            new MetricValue.NativeBuckets(
                3,
                2.938735877055719e-39,
                1,
                0,
                List.of(new MetricValue.BucketSpan(-2, 1)),
                List.of(2L),
                List.of(),
                List.of(new MetricValue.BucketSpan(0, 2), new MetricValue.BucketSpan(5, 1)),
                List.of(1L, 1L, -2L),
                List.of()));
    assertThat(h.exemplars()).hasSize(1);
    assertThat(h.buckets()).containsExactly(MetricValue.Bucket.of(0, 3));
  }

  static Stream<Arguments> nativeFields() {
    return Stream.of(
        row(1, b -> b, false),
        row(2, b -> b.setSchema(0), true),
        row(3, b -> b.setZeroThreshold(0), true),
        row(4, b -> b.setZeroCount(0), true),
        row(5, b -> b.setZeroCountFloat(0), true),
        row(6, b -> b.addNegativeSpan(BucketSpan.getDefaultInstance()), true),
        row(7, b -> b.addNegativeDelta(0), true),
        row(8, b -> b.addNegativeCount(0), true),
        row(9, b -> b.addPositiveSpan(BucketSpan.getDefaultInstance()), true),
        row(10, b -> b.addPositiveDelta(0), true),
        row(11, b -> b.addPositiveCount(0), true),
        row(12, b -> b.setSampleCount(3).setSampleSum(1).setSampleCountFloat(2), false));
  }

  private static Arguments row(int n, UnaryOperator<Histogram.Builder> fields, boolean isNative) {
    return Arguments.of(n, fields, isNative);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nativeFields")
  void the_native_part_is_present_iff_a_native_field_is(
      int n, UnaryOperator<Histogram.Builder> fields, boolean isNative) throws Exception {
    Metric m = Metric.newBuilder().setHistogram(fields.apply(Histogram.newBuilder())).build();
    MetricValue.Histogram h =
        (MetricValue.Histogram) onlyValue(family("h", MetricType.HISTOGRAM, m));
    assertThat(h.nativeBuckets().isPresent()).as("case %d", n).isEqualTo(isNative);
    Histogram written =
        ProtobufFormat.toProto(read(family("h", MetricType.HISTOGRAM, m)))
            .getMetric(0)
            .getHistogram();
    assertThat(written.hasSchema()).as("case %d written", n).isEqualTo(isNative);
  }

  static Stream<Arguments> valueFields() {
    Metric all =
        Metric.newBuilder()
            .setGauge(Gauge.newBuilder().setValue(1))
            .setCounter(Counter.newBuilder().setValue(2))
            .setSummary(Summary.newBuilder().setSampleCount(3))
            .setUntyped(Untyped.newBuilder().setValue(4))
            .setHistogram(Histogram.newBuilder().setSampleCount(5))
            .build();
    Metric noGauge = all.toBuilder().clearGauge().build();
    Metric histogramOnly = Metric.newBuilder().setHistogram(Histogram.getDefaultInstance()).build();
    return Stream.of(
        Arguments.of(1, MetricType.COUNTER, all, "counter"),
        Arguments.of(2, MetricType.GAUGE, all, "gauge"),
        Arguments.of(3, MetricType.SUMMARY, all, "summary"),
        Arguments.of(4, MetricType.UNTYPED, all, "untyped"),
        Arguments.of(5, MetricType.HISTOGRAM, all, "histogram"),
        Arguments.of(6, MetricType.GAUGE_HISTOGRAM, all, "histogram"),
        Arguments.of(7, MetricType.GAUGE, noGauge, "counter"),
        Arguments.of(8, MetricType.GAUGE, noGauge.toBuilder().clearCounter().build(), "summary"),
        Arguments.of(
            9,
            MetricType.GAUGE,
            histogramOnly.toBuilder().setUntyped(Untyped.getDefaultInstance()).build(),
            "untyped"),
        Arguments.of(10, MetricType.SUMMARY, histogramOnly, "histogram"),
        Arguments.of(11, MetricType.COUNTER, Metric.getDefaultInstance(), "none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueFields")
  void the_value_field_matching_the_type_wins_else_the_first_present(
      int n, MetricType type, Metric metric, String kind) throws Exception {
    assertThat(onlyValue(family("v", type, metric)).kind()).as("case %d", n).isEqualTo(kind);
  }

  @Test
  void a_metric_with_several_value_fields_is_written_with_the_chosen_one_only() throws Exception {
    Metric both =
        Metric.newBuilder()
            .setGauge(Gauge.newBuilder().setValue(1))
            .setCounter(Counter.newBuilder().setValue(2))
            .build();
    Metric written =
        ProtobufFormat.toProto(read(family("v", MetricType.COUNTER, both))).getMetric(0);
    assertThat(written).isEqualTo(both.toBuilder().clearGauge().build());
  }

  @Test
  void a_label_value_that_is_not_utf8_keeps_its_bad_bytes_for_the_consistency_check()
      throws Exception {
    LabelPair bad =
        LabelPair.newBuilder()
            .setName("path")
            .setValueBytes(ByteString.copyFrom(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xc3}))
            .build();
    Metrics.MetricFamily message =
        family("m", MetricType.GAUGE, gauge(1).toBuilder().addLabel(bad).build());

    Labels labels = read(message).metrics().getFirst().labels();

    // Each invalid byte is a lone surrogate U+DC00+byte ("surrogateescape"), not U+FFFD.
    assertThat(labels.get("path")).contains("a\uDCFFb\uDCC3");
  }

  @Test
  void a_label_name_that_is_not_utf8_keeps_its_bad_bytes_too() throws Exception {
    LabelPair bad =
        LabelPair.newBuilder()
            .setNameBytes(ByteString.copyFrom(new byte[] {'n', (byte) 0x80}))
            .setValue("v")
            .build();
    Metrics.MetricFamily message =
        family("m", MetricType.GAUGE, gauge(1).toBuilder().addLabel(bad).build());

    assertThat(read(message).metrics().getFirst().labels().name(0)).isEqualTo("n\uDC80");
  }

  @Test
  void a_family_name_that_is_not_utf8_is_refused() {
    Metrics.MetricFamily message =
        Metrics.MetricFamily.newBuilder()
            .setNameBytes(ByteString.copyFrom(new byte[] {(byte) 0xc3}))
            .build();
    assertThatThrownBy(() -> read(message))
        .hasMessage("metric family name is not valid UTF-8: \"\uFFFD\"");
  }

  @Test
  void a_genuine_replacement_character_is_accepted() throws Exception {
    assertThat(read(family("m\uFFFD", MetricType.GAUGE)).name()).isEqualTo("m\uFFFD");
  }

  @Test
  void a_timestamp_beyond_what_an_instant_holds_is_refused() {
    Metric m =
        Metric.newBuilder()
            .setCounter(Counter.newBuilder().setCreatedTimestamp(ts(Long.MAX_VALUE, 0)))
            .build();
    assertThatThrownBy(() -> read(family("c", MetricType.COUNTER, m)))
        .hasMessage(
            "metric family \"c\": timestamp out of range: seconds=9223372036854775807, nanos=0");
  }

  @Test
  void nanos_outside_a_second_are_normalised_as_go_does() throws Exception {
    Metric m =
        Metric.newBuilder()
            .setCounter(Counter.newBuilder().setCreatedTimestamp(ts(10, -1)))
            .build();
    MetricValue.Counter c = (MetricValue.Counter) onlyValue(family("c", MetricType.COUNTER, m));
    assertThat(c.created()).contains(Instant.ofEpochSecond(9, 999_999_999));
  }

  @Test
  void a_model_family_built_by_hand_converts_to_what_a_client_would_send() {
    MetricFamily model =
        new MetricFamily(
            "jobs_done",
            Optional.of("Jobs done."),
            io.pushmill.metrics.MetricType.COUNTER,
            "",
            List.of(
                io.pushmill.metrics.Metric.of(Labels.of("job", "x"), MetricValue.Counter.of(3))));
    assertThat(ProtobufFormat.toProto(model))
        .isEqualTo(
            builder("jobs_done", MetricType.COUNTER)
                .setHelp("Jobs done.")
                .addMetric(ClientMessages.counter(3, "job", "x"))
                .build());
  }
}
