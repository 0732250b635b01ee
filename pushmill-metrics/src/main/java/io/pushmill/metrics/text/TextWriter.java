package io.pushmill.metrics.text;

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
 * Writes the Prometheus text format 0.0.4 as {@code expfmt.MetricFamilyToText} does, byte for byte.
 * Names that are not legacy-valid are written quoted ({@code {"a.b",x="y"}}); a caller that wants
 * upstream's default {@code escaping=underscores} escapes them first ({@link NameEscaping}).
 *
 * <p>Unlike Go, a metric whose value does not match its family's type is written as the value it
 * holds instead of aborting the scrape: a scrape never fails half-way.
 */
public final class TextWriter {
  /** The Content-Type of this format, as upstream 1.5.1 sends it. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private TextWriter() {}

  /**
   * Writes the families in the given order; families without metrics are skipped. Names that are
   * not legacy-valid are written quoted (upstream's {@code escaping=allow-utf-8}).
   */
  public static void write(OutputStream out, Iterable<MetricFamily> families) throws IOException {
    write(out, families, NameEscaping.Scheme.ALLOW_UTF8);
  }

  /**
   * Writes the families with names escaped by {@code scheme} as upstream HEAD's encoder does
   * ({@code model.EscapeMetricFamily} then {@code MetricFamilyToText}), keeping the label order.
   */
  public static void write(
      OutputStream out, Iterable<MetricFamily> families, NameEscaping.Scheme scheme)
      throws IOException {
    StringBuilder sb = new StringBuilder(4096);
    for (MetricFamily f : families) {
      appendFamily(sb, f, scheme);
      if (sb.length() >= 64 * 1024) {
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        sb.setLength(0);
      }
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The text of one family, empty when it has no metrics. */
  public static void appendFamily(StringBuilder sb, MetricFamily f) {
    appendFamily(sb, f, NameEscaping.Scheme.ALLOW_UTF8);
  }

  private static void appendFamily(StringBuilder sb, MetricFamily f, NameEscaping.Scheme scheme) {
    if (f.metrics().isEmpty()) {
      return;
    }
    String name = NameEscaping.escapeIfNeeded(f.name(), scheme);
    appendHeader(sb, name, f.help(), f.type());
    for (Metric m : f.metrics()) {
      new Sample(sb, name, m, scheme).writeValue();
    }
  }

  /** The {@code # HELP} line (when there is a HELP) and the {@code # TYPE} line of a family. */
  public static void appendHeader(
      StringBuilder sb, String name, Optional<String> help, MetricType type) {
    if (help.isPresent()) {
      sb.append("# HELP ");
      TextSyntax.appendName(sb, name);
      sb.append(' ');
      TextSyntax.appendEscaped(sb, help.get(), false);
      sb.append('\n');
    }
    sb.append("# TYPE ");
    TextSyntax.appendName(sb, name);
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
    new Sample(sb, name, m, NameEscaping.Scheme.ALLOW_UTF8).writeValue();
  }

  // expfmt takes the float count whenever it is not zero (so also when negative or NaN).
  private static double count(long count, double countFloat) {
    return countFloat != 0 ? countFloat : Unsigned.toDouble(count);
  }

  /** The lines of one metric: its escaped labels are rendered once and reused on every line. */
  private static final class Sample {
    private final StringBuilder sb;
    private final String name;
    private final String labels;
    private final Metric metric;

    Sample(StringBuilder sb, String name, Metric metric, NameEscaping.Scheme scheme) {
      this.sb = sb;
      this.name = name;
      this.metric = metric;
      this.labels = TextSyntax.labelPairs(metric.labels(), scheme);
    }

    void writeValue() {
      switch (metric.value()) {
        case MetricValue.Gauge g -> write("", null, 0, g.value());
        case MetricValue.Counter c -> write("", null, 0, c.value());
        case MetricValue.Untyped u -> write("", null, 0, u.value());
        case MetricValue.Summary s -> {
          for (MetricValue.Quantile q : s.quantiles()) {
            write("", "quantile", q.quantile(), q.value());
          }
          write("_sum", null, 0, s.sum());
          write("_count", null, 0, Unsigned.toDouble(s.count()));
        }
        case MetricValue.Histogram h -> {
          boolean infSeen = false;
          for (MetricValue.Bucket b : h.buckets()) {
            write(
                "_bucket",
                "le",
                b.upperBound(),
                count(b.cumulativeCount(), b.cumulativeCountFloat()));
            infSeen |= b.upperBound() == Double.POSITIVE_INFINITY;
          }
          double count = count(h.count(), h.countFloat());
          if (!infSeen) {
            write("_bucket", "le", Double.POSITIVE_INFINITY, count);
          }
          write("_sum", null, 0, h.sum());
          write("_count", null, 0, count);
        }
        case MetricValue.Missing x -> {
          // Nothing to write; the consistency check keeps such metrics out of the store.
        }
      }
    }

    void write(String suffix, String extraName, double extraValue, double value) {
      TextSyntax.appendNameAndLabels(
          sb, name, suffix, labels, extraName, extraValue, TextSyntax.Floats.TEXT);
      sb.append(' ');
      GoFloat.append(sb, value);
      if (metric.timestampMs().isPresent()) {
        sb.append(' ').append(metric.timestampMs().getAsLong());
      }
      sb.append('\n');
    }
  }
}
