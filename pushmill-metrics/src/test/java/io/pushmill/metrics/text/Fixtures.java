package io.pushmill.metrics.text;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Small factories for families, metrics and values in tests. */
final class Fixtures {
  static final double INF = Double.POSITIVE_INFINITY;

  private Fixtures() {}

  static MetricFamily family(String name, String help, MetricType type, Metric... metrics) {
    return MetricFamily.of(name, Optional.ofNullable(help), type, List.of(metrics));
  }

  static Metric metric(Labels labels, MetricValue value) {
    return Metric.of(labels, value);
  }

  static Metric metric(Labels labels, MetricValue value, long timestampMs) {
    return new Metric(labels, value, OptionalLong.of(timestampMs));
  }

  static Labels labels(String... namesAndValues) {
    return Labels.of(namesAndValues);
  }

  static MetricValue counter(double v) {
    return MetricValue.Counter.of(v);
  }

  static MetricValue gauge(double v) {
    return new MetricValue.Gauge(v);
  }

  static MetricValue untyped(double v) {
    return new MetricValue.Untyped(v);
  }

  static MetricValue summary(long count, double sum, double... quantilesAndValues) {
    List<MetricValue.Quantile> qs = new java.util.ArrayList<>();
    for (int i = 0; i < quantilesAndValues.length; i += 2) {
      qs.add(new MetricValue.Quantile(quantilesAndValues[i], quantilesAndValues[i + 1]));
    }
    return new MetricValue.Summary(count, sum, qs, Optional.empty());
  }

  /** A classic histogram with integer counts; buckets as upper bound, count pairs. */
  static MetricValue histogram(long count, double sum, double... boundsAndCounts) {
    List<MetricValue.Bucket> buckets = new java.util.ArrayList<>();
    for (int i = 0; i < boundsAndCounts.length; i += 2) {
      buckets.add(MetricValue.Bucket.of(boundsAndCounts[i], (long) boundsAndCounts[i + 1]));
    }
    return MetricValue.Histogram.classic(count, sum, buckets);
  }

  /** A classic histogram with float counts; buckets as upper bound, count pairs. */
  static MetricValue floatHistogram(double count, double sum, double... boundsAndCounts) {
    List<MetricValue.Bucket> buckets = new java.util.ArrayList<>();
    for (int i = 0; i < boundsAndCounts.length; i += 2) {
      buckets.add(
          new MetricValue.Bucket(boundsAndCounts[i], 0, boundsAndCounts[i + 1], Optional.empty()));
    }
    return new MetricValue.Histogram(
        0, count, sum, buckets, Optional.empty(), Optional.empty(), List.of());
  }

  /** A native histogram without classic buckets. */
  static MetricValue nativeHistogram(long count, double sum) {
    MetricValue.NativeBuckets nb =
        new MetricValue.NativeBuckets(
            3,
            1e-128,
            1,
            0,
            List.of(),
            List.of(),
            List.of(),
            List.of(new MetricValue.BucketSpan(0, 2)),
            List.of(2L, 0L),
            List.of());
    return new MetricValue.Histogram(
        count, 0, sum, List.of(), Optional.of(nb), Optional.empty(), List.of());
  }
}
