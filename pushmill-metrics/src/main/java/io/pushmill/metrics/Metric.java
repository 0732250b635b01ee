package io.pushmill.metrics;

import java.util.OptionalLong;

/**
 * One metric of a family: its labels (without the metric name), its value, and the client's
 * timestamp in milliseconds when one was given (the gateway rejects those, but must see them).
 */
public record Metric(Labels labels, MetricValue value, OptionalLong timestampMs) {

  public Metric {
    if (labels == null || value == null || timestampMs == null) {
      throw new IllegalArgumentException("metric fields must not be null");
    }
  }

  /** A metric without a timestamp. */
  public static Metric of(Labels labels, MetricValue value) {
    return new Metric(labels, value, OptionalLong.empty());
  }

  /** This metric with other labels. */
  public Metric withLabels(Labels newLabels) {
    return new Metric(newLabels, value, timestampMs);
  }
}
