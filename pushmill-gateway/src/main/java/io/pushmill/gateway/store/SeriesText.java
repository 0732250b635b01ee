package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.text.NameEscaping;
import io.pushmill.metrics.text.NameValidation;
import io.pushmill.metrics.text.TextWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Renders series and family headers in the text format 0.0.4 with {@link TextWriter}, either with
 * names escaped with underscores (upstream's default, and what the store keeps pre-rendered) or
 * quoted. Not thread-safe: each thread uses its own instance for its scratch buffer.
 */
final class SeriesText {
  private final StringBuilder scratch = new StringBuilder(256);

  /** The sample lines of one metric. */
  byte[] series(String familyName, MetricType type, Metric m, boolean escapeNames) {
    if (escapeNames && needsEscaping(familyName, m.labels())) {
      return escapedSeries(familyName, type, m);
    }
    scratch.setLength(0);
    TextWriter.appendMetric(scratch, familyName, type, m);
    return scratch.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code # HELP} and {@code # TYPE} lines of a family. */
  byte[] header(String familyName, Optional<String> help, MetricType type, boolean escapeNames) {
    scratch.setLength(0);
    String name =
        escapeNames && !NameValidation.isLegacyMetricName(familyName)
            ? NameEscaping.escapeName(familyName, NameEscaping.Scheme.UNDERSCORES)
            : familyName;
    TextWriter.appendHeader(scratch, name, help, type);
    return scratch.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** True when a name of this series is written differently when escaped. */
  static boolean needsEscaping(String familyName, Labels labels) {
    if (!NameValidation.isLegacyMetricName(familyName)) {
      return true;
    }
    for (int i = 0; i < labels.size(); i++) {
      if (!NameValidation.isLegacyMetricName(labels.name(i))) {
        return true;
      }
    }
    return false;
  }

  // TextWriter escapes while writing whole families, keeping Go's label order; the family is
  // written without HELP, so its first line is the TYPE line, which is dropped.
  private static byte[] escapedSeries(String familyName, MetricType type, Metric m) {
    MetricFamily one = MetricFamily.of(familyName, Optional.empty(), type, List.of(m));
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try {
      TextWriter.write(out, List.of(one), NameEscaping.Scheme.UNDERSCORES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] all = out.toByteArray();
    int lineEnd = 0;
    while (all[lineEnd] != '\n') {
      lineEnd++;
    }
    return Arrays.copyOfRange(all, lineEnd + 1, all.length);
  }
}
