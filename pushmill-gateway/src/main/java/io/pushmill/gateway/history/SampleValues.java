package io.pushmill.gateway.history;

import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.Unsigned;

/**
 * The samples one pushed metric gives the history: its value for counters, gauges and untyped
 * metrics; its count and sum, as {@code <name>_count} and {@code <name>_sum}, for summaries and
 * histograms (quantiles and buckets are not kept). A metric without a value gives none.
 */
final class SampleValues {
  /** Receives one sample. */
  @FunctionalInterface
  interface Sink {
    void sample(String name, double value);
  }

  private SampleValues() {}

  static void of(String family, Metric m, Sink sink) {
    switch (m.value()) {
      case MetricValue.Gauge g -> sink.sample(family, g.value());
      case MetricValue.Counter c -> sink.sample(family, c.value());
      case MetricValue.Untyped u -> sink.sample(family, u.value());
      case MetricValue.Summary s -> {
        sink.sample(family + "_count", Unsigned.toDouble(s.count()));
        sink.sample(family + "_sum", s.sum());
      }
      case MetricValue.Histogram h -> {
        sink.sample(family + "_count", h.effectiveCount());
        sink.sample(family + "_sum", h.sum());
      }
      case MetricValue.Missing x -> {}
    }
  }
}
