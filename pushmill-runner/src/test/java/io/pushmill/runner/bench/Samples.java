package io.pushmill.runner.bench;

import java.util.Arrays;
import java.util.List;

/** Durations in nanoseconds, sorted once, with the percentiles the results quote. */
record Samples(long[] sorted) {

  Samples {
    sorted = sorted.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
  }

  static Samples of(List<Long> nanos) {
    return new Samples(nanos.stream().mapToLong(Long::longValue).toArray());
  }

  /** The value at quantile {@code q} (nearest rank), in milliseconds. */
  double ms(double q) {
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.clamp(rank, 0, sorted.length - 1)] / 1e6;
  }

  double medianMs() {
    return ms(0.5);
  }

  double meanMs() {
    return Arrays.stream(sorted).average().orElseThrow() / 1e6;
  }

  double maxMs() {
    return sorted[sorted.length - 1] / 1e6;
  }

  int count() {
    return sorted.length;
  }

  String summary() {
    return String.format("n=%d median %.3f ms, mean %.3f, p90 %.3f, p99 %.3f, max %.3f", count(),
        medianMs(), meanMs(), ms(0.9), ms(0.99), maxMs());
  }

  /** The median of a few values (the medians of 3 runs). */
  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
