package io.pushmill.metrics;

/** The metric types of the exposition formats, in the order and numbering of {@code metrics.proto}. */
public enum MetricType {
  COUNTER,
  GAUGE,
  SUMMARY,
  UNTYPED,
  HISTOGRAM,
  GAUGE_HISTOGRAM;

  /** True for the types whose samples carry buckets and a count, so whose metrics are histograms. */
  public boolean isHistogram() {
    return this == HISTOGRAM || this == GAUGE_HISTOGRAM;
  }
}
