package io.pushmill.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The value of one metric. Which kind a metric holds is independent of its family's type, because
 * a protobuf push may send a gauge value in a counter family; the consistency check rejects that
 * with upstream's message, so the model must be able to hold it.
 */
public sealed interface MetricValue {

  /** The protobuf field that would carry this value, for messages such as "is not a COUNTER". */
  String kind();

  /** A gauge's value. */
  record Gauge(double value) implements MetricValue {
    @Override
    public String kind() {
      return "gauge";
    }
  }

  /** A counter's value, with what only protobuf carries. */
  record Counter(double value, Optional<Exemplar> exemplar, Optional<Instant> created)
      implements MetricValue {
    public Counter {
      if (exemplar == null || created == null) {
        throw new IllegalArgumentException("counter fields must not be null");
      }
    }

    /** A plain counter value. */
    public static Counter of(double value) {
      return new Counter(value, Optional.empty(), Optional.empty());
    }

    @Override
    public String kind() {
      return "counter";
    }
  }

  /** An untyped value. */
  record Untyped(double value) implements MetricValue {
    @Override
    public String kind() {
      return "untyped";
    }
  }

  /**
   * A summary. {@code count} is an unsigned 64-bit integer as in {@code metrics.proto}: the text
   * parser converts a negative {@code _count} the way Go does, so it reads back as a huge number.
   */
  record Summary(long count, double sum, List<Quantile> quantiles, Optional<Instant> created)
      implements MetricValue {
    public Summary {
      if (quantiles == null || created == null) {
        throw new IllegalArgumentException("summary fields must not be null");
      }
      quantiles = List.copyOf(quantiles);
    }

    @Override
    public String kind() {
      return "summary";
    }
  }

  /**
   * A histogram, classic and/or native. Counts follow {@code metrics.proto}: an integer count and a
   * float count that overrides it when positive; {@link #effectiveCount()} gives the one to show.
   */
  record Histogram(
      long count,
      double countFloat,
      double sum,
      List<Bucket> buckets,
      Optional<NativeBuckets> nativeBuckets,
      Optional<Instant> created,
      List<Exemplar> exemplars)
      implements MetricValue {
    public Histogram {
      if (buckets == null || nativeBuckets == null || created == null || exemplars == null) {
        throw new IllegalArgumentException("histogram fields must not be null");
      }
      buckets = List.copyOf(buckets);
      exemplars = List.copyOf(exemplars);
    }

    /** A classic histogram with integer counts. */
    public static Histogram classic(long count, double sum, List<Bucket> buckets) {
      return new Histogram(count, 0, sum, buckets, Optional.empty(), Optional.empty(), List.of());
    }

    /** The float count when it is set (positive), else the integer count as unsigned. */
    public double effectiveCount() {
      return countFloat > 0 ? countFloat : Unsigned.toDouble(count);
    }

    /** True when the counts are floats, as after a float histogram was pushed. */
    public boolean isFloat() {
      return countFloat > 0;
    }

    @Override
    public String kind() {
      return "histogram";
    }
  }

  /** No value field at all, which only a protobuf push can send. */
  record Missing() implements MetricValue {
    @Override
    public String kind() {
      return "none";
    }
  }

  /** One quantile of a summary. */
  record Quantile(double quantile, double value) {}

  /**
   * One classic bucket: cumulative counts as in {@code metrics.proto}, the float count overriding
   * the integer one when positive.
   */
  record Bucket(
      double upperBound, long cumulativeCount, double cumulativeCountFloat,
      Optional<Exemplar> exemplar) {
    public Bucket {
      if (exemplar == null) {
        throw new IllegalArgumentException("bucket exemplar must not be null");
      }
    }

    /** A bucket with an integer count and no exemplar. */
    public static Bucket of(double upperBound, long cumulativeCount) {
      return new Bucket(upperBound, cumulativeCount, 0, Optional.empty());
    }

    /** The float count when set, else the integer count as unsigned. */
    public double effectiveCount() {
      return cumulativeCountFloat > 0 ? cumulativeCountFloat : Unsigned.toDouble(cumulativeCount);
    }
  }

  /** The native (sparse) part of a histogram, field for field as in {@code metrics.proto}. */
  record NativeBuckets(
      int schema,
      double zeroThreshold,
      long zeroCount,
      double zeroCountFloat,
      List<BucketSpan> negativeSpans,
      List<Long> negativeDeltas,
      List<Double> negativeCounts,
      List<BucketSpan> positiveSpans,
      List<Long> positiveDeltas,
      List<Double> positiveCounts) {
    public NativeBuckets {
      negativeSpans = List.copyOf(negativeSpans);
      negativeDeltas = List.copyOf(negativeDeltas);
      negativeCounts = List.copyOf(negativeCounts);
      positiveSpans = List.copyOf(positiveSpans);
      positiveDeltas = List.copyOf(positiveDeltas);
      positiveCounts = List.copyOf(positiveCounts);
    }
  }

  /** A run of native buckets: an offset from the previous span and a length. */
  record BucketSpan(int offset, int length) {}

  /** An exemplar: labels, a value and an optional timestamp. */
  record Exemplar(Labels labels, double value, Optional<Instant> timestamp) {
    public Exemplar {
      if (labels == null || timestamp == null) {
        throw new IllegalArgumentException("exemplar fields must not be null");
      }
    }
  }
}
