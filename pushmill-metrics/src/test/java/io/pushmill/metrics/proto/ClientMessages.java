package io.pushmill.metrics.proto;

import com.google.protobuf.Timestamp;
import io.prometheus.client.Metrics;
import io.prometheus.client.Metrics.Bucket;
import io.prometheus.client.Metrics.BucketSpan;
import io.prometheus.client.Metrics.Counter;
import io.prometheus.client.Metrics.Exemplar;
import io.prometheus.client.Metrics.Gauge;
import io.prometheus.client.Metrics.Histogram;
import io.prometheus.client.Metrics.LabelPair;
import io.prometheus.client.Metrics.Metric;
import io.prometheus.client.Metrics.MetricFamily;
import io.prometheus.client.Metrics.MetricType;
import io.prometheus.client.Metrics.Quantile;
import io.prometheus.client.Metrics.Summary;
import io.prometheus.client.Metrics.Untyped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Protobuf messages built with the generated builders in the shape client_golang gives them, so
 * that tests push what real clients push.
 */
final class ClientMessages {
  private ClientMessages() {}

  static List<LabelPair> labels(String... namesAndValues) {
    List<LabelPair> pairs = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      pairs.add(
          LabelPair.newBuilder()
              .setName(namesAndValues[i])
              .setValue(namesAndValues[i + 1])
              .build());
    }
    return pairs;
  }

  static Timestamp ts(long seconds, int nanos) {
    return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
  }

  static Exemplar exemplar(double value, String... labels) {
    return Exemplar.newBuilder().addAllLabel(labels(labels)).setValue(value).build();
  }

  static MetricFamily family(String name, MetricType type, Metric... metrics) {
    return MetricFamily.newBuilder()
        .setName(name)
        .setType(type)
        .addAllMetric(List.of(metrics))
        .build();
  }

  static Metric gauge(double value, String... labels) {
    return Metric.newBuilder()
        .addAllLabel(labels(labels))
        .setGauge(Gauge.newBuilder().setValue(value))
        .build();
  }

  static Metric untyped(double value, String... labels) {
    return Metric.newBuilder()
        .addAllLabel(labels(labels))
        .setUntyped(Untyped.newBuilder().setValue(value))
        .build();
  }

  static Metric counter(double value, String... labels) {
    return Metric.newBuilder()
        .addAllLabel(labels(labels))
        .setCounter(Counter.newBuilder().setValue(value))
        .build();
  }

  /** A counter as client_golang 1.20+ sends it: created timestamp and an exemplar. */
  static Metric richCounter() {
    return Metric.newBuilder()
        .addAllLabel(labels("code", "200", "method", "get"))
        .setCounter(
            Counter.newBuilder()
                .setValue(1027)
                .setExemplar(
                    exemplar(0.67, "trace_id", "KOO5S4vxi0o").toBuilder()
                        .setTimestamp(ts(1_700_000_000L, 123_456_789)))
                .setCreatedTimestamp(ts(1_699_999_000L, 5)))
        .build();
  }

  static Metric summary() {
    return Metric.newBuilder()
        .addAllLabel(labels("service", "api"))
        .setSummary(
            Summary.newBuilder()
                .setSampleCount(-1L) // 2^64 - 1 as uint64
                .setSampleSum(1.7560473e+07)
                .addQuantile(Quantile.newBuilder().setQuantile(0.5).setValue(4773))
                .addQuantile(Quantile.newBuilder().setQuantile(0.99).setValue(76656))
                .setCreatedTimestamp(ts(1_600_000_000L, 999_999_999)))
        .build();
  }

  static Metric classicHistogram() {
    Bucket inf =
        Bucket.newBuilder()
            .setCumulativeCount(144320)
            .setUpperBound(Double.POSITIVE_INFINITY)
            .setExemplar(exemplar(3.2, "trace_id", "inf").toBuilder().setTimestamp(ts(17, 0)))
            .build();
    return Metric.newBuilder()
        .setHistogram(
            Histogram.newBuilder()
                .setSampleCount(144320)
                .setSampleSum(53423)
                .addBucket(Bucket.newBuilder().setCumulativeCount(24054).setUpperBound(0.05))
                .addBucket(
                    Bucket.newBuilder()
                        .setCumulativeCount(33444)
                        .setUpperBound(0.1)
                        .setExemplar(exemplar(0.08, "trace_id", "b")))
                .addBucket(inf)
                .setCreatedTimestamp(ts(1_650_000_000L, 42)))
        .build();
  }

  static Metric floatClassicHistogram() {
    return Metric.newBuilder()
        .setHistogram(
            Histogram.newBuilder()
                .setSampleCountFloat(10.5)
                .setSampleSum(33.25)
                .addBucket(Bucket.newBuilder().setCumulativeCountFloat(2.5).setUpperBound(1))
                .addBucket(Bucket.newBuilder().setCumulativeCountFloat(10.5).setUpperBound(5)))
        .build();
  }

  /** A native histogram as client_golang writes it, with classic buckets beside it. */
  static Metric nativeHistogram() {
    return Metric.newBuilder()
        .addAllLabel(labels("path", "/api"))
        .setHistogram(
            Histogram.newBuilder()
                .setSampleCount(7)
                .setSampleSum(-3.5)
                .addBucket(Bucket.newBuilder().setCumulativeCount(3).setUpperBound(0))
                .setSchema(3)
                .setZeroThreshold(2.938735877055719e-39)
                .setZeroCount(1)
                .addNegativeSpan(BucketSpan.newBuilder().setOffset(-2).setLength(1))
                .addNegativeDelta(2)
                .addPositiveSpan(BucketSpan.newBuilder().setOffset(0).setLength(2))
                .addPositiveSpan(BucketSpan.newBuilder().setOffset(5).setLength(1))
                .addAllPositiveDelta(List.of(1L, 1L, -2L))
                .addExemplars(
                    exemplar(0.3, "trace_id", "n1").toBuilder().setTimestamp(ts(1_700_000_001L, 7)))
                .setCreatedTimestamp(ts(1_700_000_000L, 0)))
        .build();
  }

  /** An empty native histogram: client_golang adds a no-op span so that it reads as native. */
  static Metric emptyNativeHistogram() {
    return Metric.newBuilder()
        .setHistogram(
            Histogram.newBuilder()
                .setSampleCount(0)
                .setSampleSum(0)
                .setSchema(0)
                .setZeroThreshold(0)
                .setZeroCount(0)
                .addPositiveSpan(BucketSpan.newBuilder().setOffset(0).setLength(0)))
        .build();
  }

  /** A float native histogram with counts instead of deltas, as Prometheus federation sends. */
  static Metric floatNativeHistogram() {
    return Metric.newBuilder()
        .setHistogram(
            Histogram.newBuilder()
                .setSampleCountFloat(20.5)
                .setSampleSum(99.23)
                .setSchema(-4)
                .setZeroThreshold(0.001)
                .setZeroCountFloat(0.5)
                .addNegativeSpan(BucketSpan.newBuilder().setOffset(0).setLength(2))
                .addAllNegativeCount(List.of(2.0, -2.0))
                .addPositiveSpan(BucketSpan.newBuilder().setOffset(1).setLength(3))
                .addAllPositiveCount(List.of(2.0, 12.0, 0.0)))
        .build();
  }

  /** Length-delimited messages, as a client writes a push body. */
  static byte[] body(MetricFamily... families) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (MetricFamily f : families) {
        f.writeDelimitedTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Metrics.MetricFamily.Builder builder(String name, MetricType type) {
    return MetricFamily.newBuilder().setName(name).setType(type);
  }
}
