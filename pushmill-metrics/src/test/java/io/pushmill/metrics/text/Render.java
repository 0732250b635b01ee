package io.pushmill.metrics.text;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders parsed families as plain text that shows every field, so that table rows can state
 * expected results compactly: {@code name TYPE help="..."} and one indented line per metric.
 * Doubles print as Java prints them, so {@code -0.0} and {@code NaN} stay visible.
 */
final class Render {
  private Render() {}

  static String families(Map<String, MetricFamily> families) {
    StringBuilder sb = new StringBuilder();
    for (MetricFamily f : families.values()) {
      sb.append(escape(f.name())).append(' ').append(f.type());
      f.help().ifPresent(h -> sb.append(" help=\"").append(escape(h)).append('"'));
      sb.append('\n');
      for (Metric m : f.metrics()) {
        sb.append("  ").append(labels(m.labels())).append(' ').append(value(m.value()));
        m.timestampMs().ifPresent(ts -> sb.append(" @").append(ts));
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  static String value(MetricValue v) {
    return switch (v) {
      case MetricValue.Counter c -> "counter " + c.value();
      case MetricValue.Gauge g -> "gauge " + g.value();
      case MetricValue.Untyped u -> "untyped " + u.value();
      case MetricValue.Summary s ->
          "summary count="
              + Long.toUnsignedString(s.count())
              + " sum="
              + s.sum()
              + " q="
              + s.quantiles().stream()
                  .map(q -> q.quantile() + ":" + q.value())
                  .collect(Collectors.joining(",", "[", "]"));
      case MetricValue.Histogram h ->
          "histogram count="
              + Long.toUnsignedString(h.count())
              + " countFloat="
              + h.countFloat()
              + " sum="
              + h.sum()
              + " b="
              + h.buckets().stream()
                  .map(
                      b ->
                          b.upperBound()
                              + ":"
                              + Long.toUnsignedString(b.cumulativeCount())
                              + "/"
                              + b.cumulativeCountFloat())
                  .collect(Collectors.joining(",", "[", "]"));
      case MetricValue.Missing x -> "missing";
    };
  }

  static String labels(Labels labels) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < labels.size(); i++) {
      sb.append(i > 0 ? "," : "").append(escape(labels.name(i)));
      sb.append("=\"").append(escape(labels.value(i))).append('"');
    }
    return sb.append('}').toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
  }

  /** The UTF-8 bytes of {@code s}. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Raw bytes: each char of {@code s} (all below U+0100) is one byte. */
  static byte[] raw(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
