package io.pushmill.metrics.text;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.Unsigned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One metric while the text is being parsed, mutable like expfmt's {@code dto.Metric}: summary and
 * histogram lines add to it, and expfmt's quirks may add labels to it later or put it into a second
 * family. It keeps one value slot per kind, as the protobuf message does, and {@link #build} takes
 * the slot of the family's type.
 */
final class MetricBuilder {
  private static final String[] NO_LABELS = new String[0];
  private static final int COUNTER = 1;
  private static final int GAUGE = 2;
  private static final int UNTYPED = 4;

  private String[] labels = NO_LABELS; // alternating names and values, in input order
  private int slots;
  private double counter;
  private double gauge;
  private double untyped;
  private SummaryBuilder summary;
  private HistogramBuilder histogram;
  private long timestampMs;
  private boolean hasTimestamp;
  private Labels built;

  /** Appends label pairs, given as alternating names and values. */
  void addLabels(String[] pairs, int count) {
    if (count == 0) {
      return;
    }
    int old = labels.length;
    labels = Arrays.copyOf(labels, old + count);
    System.arraycopy(pairs, 0, labels, old, count);
    built = null;
  }

  void setCounter(double v) {
    counter = v;
    slots |= COUNTER;
  }

  void setGauge(double v) {
    gauge = v;
    slots |= GAUGE;
  }

  void setUntyped(double v) {
    untyped = v;
    slots |= UNTYPED;
  }

  SummaryBuilder summary() {
    if (summary == null) {
      summary = new SummaryBuilder();
    }
    return summary;
  }

  HistogramBuilder histogram() {
    if (histogram == null) {
      histogram = new HistogramBuilder();
    }
    return histogram;
  }

  void setTimestamp(long ms) {
    timestampMs = ms;
    hasTimestamp = true;
  }

  /** The metric as a member of a family of {@code type}. */
  Metric build(MetricType type) {
    if (built == null) {
      built = labels.length == 0 ? Labels.EMPTY : Labels.of(labels);
    }
    OptionalLong ts = hasTimestamp ? OptionalLong.of(timestampMs) : OptionalLong.empty();
    return new Metric(built, value(type), ts);
  }

  private MetricValue value(MetricType type) {
    return switch (type) {
      case COUNTER -> (slots & COUNTER) != 0 ? MetricValue.Counter.of(counter) : missing();
      case GAUGE -> (slots & GAUGE) != 0 ? new MetricValue.Gauge(gauge) : missing();
      case UNTYPED -> (slots & UNTYPED) != 0 ? new MetricValue.Untyped(untyped) : missing();
      case SUMMARY -> summary != null ? summary.build() : missing();
      case HISTOGRAM, GAUGE_HISTOGRAM -> histogram != null ? histogram.build() : missing();
    };
  }

  private static MetricValue missing() {
    return new MetricValue.Missing();
  }

  /** A summary's count, sum and quantiles, as the lines of one label set bring them. */
  static final class SummaryBuilder {
    private long count;
    private double sum;
    private final List<MetricValue.Quantile> quantiles = new ArrayList<>(4);

    /** {@code _count}, converted as Go's {@code uint64(value)} (so {@code -3} wraps). */
    void count(double v) {
      count = Unsigned.fromDouble(v);
    }

    void sum(double v) {
      sum = v;
    }

    void quantile(double q, double v) {
      quantiles.add(new MetricValue.Quantile(q, v));
    }

    MetricValue.Summary build() {
      return new MetricValue.Summary(count, sum, quantiles, Optional.empty());
    }
  }
}
