package io.pushmill.metrics.text;

import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.Unsigned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A classic histogram as its text lines arrive. Integral counts go to the integer fields and other
 * counts to the float fields, as expfmt does; {@link #build} then makes the histogram all-float
 * when any count is a float (expfmt's {@code normalizeHistogram}).
 */
final class HistogramBuilder {
  private long count;
  private double countFloat;
  private double sum;
  private int buckets;
  private double[] upperBounds = new double[8];
  private long[] counts = new long[8];
  private double[] countFloats = new double[8];

  /**
   * Records {@code _count}.
   *
   * @return false when the count is negative, which the caller reports
   */
  boolean count(double v) {
    long u = Unsigned.fromDouble(v);
    if (Unsigned.toDouble(u) == v) {
      count = u;
    } else if (v < 0) {
      return false;
    } else {
      countFloat = v;
    }
    return true;
  }

  void sum(double v) {
    sum = v;
  }

  /**
   * Appends a bucket.
   *
   * @return false when the population is negative, which the caller reports
   */
  boolean bucket(double upperBound, double v) {
    long u = Unsigned.fromDouble(v);
    boolean integral = Unsigned.toDouble(u) == v;
    if (!integral && v < 0) {
      return false;
    }
    if (buckets == upperBounds.length) {
      upperBounds = Arrays.copyOf(upperBounds, buckets * 2);
      counts = Arrays.copyOf(counts, buckets * 2);
      countFloats = Arrays.copyOf(countFloats, buckets * 2);
    }
    upperBounds[buckets] = upperBound;
    counts[buckets] = integral ? u : 0;
    countFloats[buckets] = integral ? 0 : v;
    buckets++;
    return true;
  }

  MetricValue.Histogram build() {
    boolean anyFloat = countFloat != 0;
    for (int i = 0; i < buckets && !anyFloat; i++) {
      anyFloat = countFloats[i] != 0;
    }
    List<MetricValue.Bucket> list = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      long c = counts[i];
      double f = countFloats[i];
      if (anyFloat && f == 0) {
        f = Unsigned.toDouble(c);
        c = 0;
      }
      list.add(new MetricValue.Bucket(upperBounds[i], c, f, Optional.empty()));
    }
    long c = count;
    double f = countFloat;
    if (anyFloat && f == 0) {
      f = Unsigned.toDouble(c);
      c = 0;
    }
    return new MetricValue.Histogram(
        c, f, sum, list, Optional.empty(), Optional.empty(), List.of());
  }
}
