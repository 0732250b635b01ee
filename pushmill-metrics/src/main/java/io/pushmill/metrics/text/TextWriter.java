package io.pushmill.metrics.text;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.Unsigned;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes the Prometheus text format 0.0.4 as {@code expfmt.MetricFamilyToText} does, byte for
 * byte. Names that are not legacy-valid are written quoted ({@code {"a.b",x="y"}}); a caller that
 * wants upstream's default {@code escaping=underscores} escapes them first ({@link NameEscaping}).
 *
 * <p>Unlike Go, a metric whose value does not match its family's type is written as the value it
 * holds instead of aborting the scrape: a scrape never fails half-way.
 */
public final class TextWriter {
  /** The Content-Type of this format, as upstream 1.5.1 sends it. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private TextWriter() {}

  /** Writes the families in the given order; families without metrics are skipped. */
  public static void write(OutputStream out, Iterable<MetricFamily> families) throws IOException {
    StringBuilder sb = new StringBuilder(4096);
    for (MetricFamily f : families) {
      appendFamily(sb, f);
      if (sb.length() >= 64 * 1024) {
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        sb.setLength(0);
      }
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The text of one family, empty when it has no metrics. */
  public static void appendFamily(StringBuilder sb, MetricFamily f) {
    if (f.metrics().isEmpty()) {
      return;
    }
    appendHeader(sb, f.name(), f.help(), f.type());
    for (Metric m : f.metrics()) {
      appendMetric(sb, f.name(), f.type(), m);
    }
  }

  /** The {@code # HELP} line (when there is a HELP) and the {@code # TYPE} line of a family. */
  public static void appendHeader(
      StringBuilder sb, String name, Optional<String> help, MetricType type) {
    if (help.isPresent()) {
      sb.append("# HELP ");
      appendName(sb, name);
      sb.append(' ');
      appendEscaped(sb, help.get(), false);
      sb.append('\n');
    }
    sb.append("# TYPE ");
    appendName(sb, name);
    sb.append(
        switch (type) {
          case COUNTER -> " counter\n";
          case GAUGE -> " gauge\n";
          case SUMMARY -> " summary\n";
          case UNTYPED -> " untyped\n";
          case HISTOGRAM, GAUGE_HISTOGRAM -> " histogram\n";
        });
  }

  /** The sample lines of one metric of family {@code name}. */
  public static void appendMetric(StringBuilder sb, String name, MetricType type, Metric m) {
    switch (m.value()) {
      case MetricValue.Gauge g -> appendSample(sb, name, "", m, null, 0, g.value());
      case MetricValue.Counter c -> appendSample(sb, name, "", m, null, 0, c.value());
      case MetricValue.Untyped u -> appendSample(sb, name, "", m, null, 0, u.value());
      case MetricValue.Summary s -> {
        for (MetricValue.Quantile q : s.quantiles()) {
          appendSample(sb, name, "", m, "quantile", q.quantile(), q.value());
        }
        appendSample(sb, name, "_sum", m, null, 0, s.sum());
        appendSample(sb, name, "_count", m, null, 0, Unsigned.toDouble(s.count()));
      }
      case MetricValue.Histogram h -> {
        boolean infSeen = false;
        for (MetricValue.Bucket b : h.buckets()) {
          appendSample(sb, name, "_bucket", m, "le", b.upperBound(), b.effectiveCount());
          infSeen |= b.upperBound() == Double.POSITIVE_INFINITY;
        }
        if (!infSeen) {
          appendSample(
              sb, name, "_bucket", m, "le", Double.POSITIVE_INFINITY, h.effectiveCount());
        }
        appendSample(sb, name, "_sum", m, null, 0, h.sum());
        appendSample(sb, name, "_count", m, null, 0, h.effectiveCount());
      }
      case MetricValue.Missing x -> {
        // Nothing to write; the consistency check keeps such metrics out of the store.
      }
    }
  }

  private static void appendSample(
      StringBuilder sb,
      String name,
      String suffix,
      Metric m,
      String extraName,
      double extraValue,
      double value) {
    String full = suffix.isEmpty() ? name : name + suffix;
    Labels labels = m.labels();
    char sep = '{';
    boolean nameInBraces = false;
    if (!NameValidation.isLegacyMetricName(full)) {
      sb.append('{');
      nameInBraces = true;
      sep = ',';
    }
    appendName(sb, full);
    if (labels.size() > 0 || extraName != null) {
      for (int i = 0; i < labels.size(); i++) {
        sb.append(sep);
        appendName(sb, labels.name(i));
        sb.append("=\"");
        appendEscaped(sb, labels.value(i), true);
        sb.append('"');
        sep = ',';
      }
      if (extraName != null) {
        sb.append(sep).append(extraName).append("=\"");
        GoFloat.append(sb, extraValue);
        sb.append('"');
      }
      sb.append('}');
    } else if (nameInBraces) {
      sb.append('}');
    }
    sb.append(' ');
    GoFloat.append(sb, value);
    if (m.timestampMs().isPresent()) {
      sb.append(' ').append(m.timestampMs().getAsLong());
    }
    sb.append('\n');
  }

  private static void appendName(StringBuilder sb, String name) {
    if (NameValidation.isLegacyMetricName(name)) {
      sb.append(name);
    } else {
      sb.append('"');
      appendEscaped(sb, name, true);
      sb.append('"');
    }
  }

  private static void appendEscaped(StringBuilder sb, String v, boolean quotes) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '"' && quotes) {
        sb.append("\\\"");
      } else {
        sb.append(c);
      }
    }
  }
}
