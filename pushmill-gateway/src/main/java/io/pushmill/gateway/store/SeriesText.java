package io.pushmill.gateway.store;

import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.text.TextWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Renders series and family headers in the text format 0.0.4 with {@link TextWriter}, either with
 * names escaped with underscores (what the store keeps pre-rendered, upstream's default) or quoted.
 * Not thread-safe: each thread uses its own instance for its scratch buffer.
 */
final class SeriesText {
  private final StringBuilder scratch = new StringBuilder(256);

  /** The sample lines of one metric. */
  byte[] series(String familyName, MetricType type, Metric m, boolean escapeNames) {
    scratch.setLength(0);
    if (escapeNames) {
      TextWriter.appendMetric(
          scratch, UnderscoreEscaping.name(familyName), type, UnderscoreEscaping.labels(m));
    } else {
      TextWriter.appendMetric(scratch, familyName, type, m);
    }
    return bytes();
  }

  /** The {@code # HELP} and {@code # TYPE} lines of a family. */
  byte[] header(String familyName, Optional<String> help, MetricType type, boolean escapeNames) {
    scratch.setLength(0);
    String name = escapeNames ? UnderscoreEscaping.name(familyName) : familyName;
    TextWriter.appendHeader(scratch, name, help, type);
    return bytes();
  }

  /** The series of a whole family, one array per metric, for stored families and own ones. */
  byte[][] family(MetricFamily f, boolean escapeNames) {
    byte[][] out = new byte[f.metrics().size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = series(f.name(), f.type(), f.metrics().get(i), escapeNames);
    }
    return out;
  }

  private byte[] bytes() {
    return scratch.toString().getBytes(StandardCharsets.UTF_8);
  }
}
