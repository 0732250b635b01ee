package io.pushmill.metrics.text;

import io.pushmill.metrics.MetricType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The type word of a {@code # TYPE} line, read as expfmt does: upper-cased rune by rune as Go's
 * {@code strings.ToUpper} (so {@code ſummary} is a summary), then looked up among the protobuf enum
 * names, with OpenMetrics' {@code gaugehistogram} as an extra spelling.
 */
final class TypeNames {
  private TypeNames() {}

  /** The type named by {@code b[off, off+len)}, empty when it names none. */
  static Optional<MetricType> parse(byte[] b, int off, int len) {
    String word = new String(b, off, len, StandardCharsets.UTF_8);
    StringBuilder upper = new StringBuilder(word.length());
    word.codePoints().forEach(cp -> upper.appendCodePoint(Character.toUpperCase(cp)));
    return Optional.ofNullable(
        switch (upper.toString()) {
          case "COUNTER" -> MetricType.COUNTER;
          case "GAUGE" -> MetricType.GAUGE;
          case "SUMMARY" -> MetricType.SUMMARY;
          case "UNTYPED" -> MetricType.UNTYPED;
          case "HISTOGRAM" -> MetricType.HISTOGRAM;
          case "GAUGE_HISTOGRAM", "GAUGEHISTOGRAM" -> MetricType.GAUGE_HISTOGRAM;
          default -> null;
        });
  }
}
