package io.pushmill.metrics;

import java.util.List;
import java.util.Optional;

/**
 * A named family of metrics of one type, as pushed or scraped.
 *
 * <p>{@code help} is absent when no HELP was given, which is not the same as an empty HELP: the
 * text writer prints {@code # HELP} only when it is present. {@code unit} is empty when unset.
 * The constructor does not validate the name: upstream accepts odd names over protobuf and the
 * gateway decides what to refuse.
 */
public record MetricFamily(
    String name, Optional<String> help, MetricType type, String unit, List<Metric> metrics) {

  public MetricFamily {
    if (name == null || help == null || type == null || unit == null || metrics == null) {
      throw new IllegalArgumentException("metric family fields must not be null");
    }
    metrics = List.copyOf(metrics);
  }

  /** A family with no unit. */
  public static MetricFamily of(
      String name, Optional<String> help, MetricType type, List<Metric> metrics) {
    return new MetricFamily(name, help, type, "", metrics);
  }

  /** This family with other metrics. */
  public MetricFamily withMetrics(List<Metric> newMetrics) {
    return new MetricFamily(name, help, type, unit, newMetrics);
  }

  /** This family with another HELP. */
  public MetricFamily withHelp(Optional<String> newHelp) {
    return new MetricFamily(name, newHelp, type, unit, metrics);
  }
}
