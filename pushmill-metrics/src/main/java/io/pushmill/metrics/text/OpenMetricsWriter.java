package io.pushmill.metrics.text;

import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes OpenMetrics 1.0 text as {@code expfmt.MetricFamilyToOpenMetrics} (prometheus/common v0.69)
 * does, ending with {@code # EOF}. An opt-in extension: the upstream gateway never serves it.
 *
 * <p>As in expfmt: a counter named {@code x_total} is announced as {@code x}, other counters and
 * untyped families as {@code unknown}; counts are integers; timestamps are seconds. Float
 * histograms cannot be written in OpenMetrics 1.0: where expfmt fails the scrape half-way, {@link
 * #write} checks every family first and refuses with expfmt's message before writing anything.
 */
public final class OpenMetricsWriter {
  /** The Content-Type of this format. */
  public static final String CONTENT_TYPE =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private static final OpenMetricsWriter PLAIN = new OpenMetricsWriter(false);
  private static final OpenMetricsWriter WITH_CREATED = new OpenMetricsWriter(true);

  private final boolean createdLines;

  private OpenMetricsWriter(boolean createdLines) {
    this.createdLines = createdLines;
  }

  /** A writer without {@code _created} lines, expfmt's default. */
  public static OpenMetricsWriter create() {
    return PLAIN;
  }

  /**
   * A writer with {@code _created} lines where created timestamps are known ({@code
   * WithCreatedLines}).
   */
  public static OpenMetricsWriter withCreatedLines() {
    return WITH_CREATED;
  }

  /**
   * Writes the families in the given order, then {@code # EOF}; families without metrics are
   * skipped.
   *
   * @throws IllegalArgumentException for a float histogram, which OpenMetrics 1.0 cannot carry
   */
  public void write(OutputStream out, Iterable<MetricFamily> families) throws IOException {
    write(out, families, NameEscaping.Scheme.ALLOW_UTF8);
  }

  /** As {@link #write(OutputStream, Iterable)}, with names escaped by {@code scheme}. */
  public void write(OutputStream out, Iterable<MetricFamily> families, NameEscaping.Scheme scheme)
      throws IOException {
    for (MetricFamily f : families) {
      checkNoFloatHistogram(f);
    }
    StringBuilder sb = new StringBuilder(4096);
    for (MetricFamily f : families) {
      appendFamily(sb, f, scheme);
      if (sb.length() >= 64 * 1024) {
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        sb.setLength(0);
      }
    }
    sb.append("# EOF\n");
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void checkNoFloatHistogram(MetricFamily f) {
    for (Metric m : f.metrics()) {
      if (m.value() instanceof MetricValue.Histogram h
          && (h.countFloat() > 0
              || h.buckets().stream().anyMatch(b -> b.cumulativeCountFloat() > 0))) {
        throw new IllegalArgumentException(
            "OpenMetrics v1.0 does not support float histogram " + f.name());
      }
    }
  }

  private void appendFamily(StringBuilder sb, MetricFamily f, NameEscaping.Scheme scheme) {
    if (f.metrics().isEmpty()) {
      return;
    }
    String name = NameEscaping.escapeIfNeeded(f.name(), scheme);
    boolean total = f.type() == MetricType.COUNTER && name.endsWith("_total");
    String compliant = total ? name.substring(0, name.length() - 6) : name;
    appendHeader(sb, compliant, f, total);
    for (Metric m : f.metrics()) {
      new Lines(sb, name, m, scheme).write();
    }
  }

  private static void appendHeader(
      StringBuilder sb, String compliant, MetricFamily f, boolean total) {
    if (f.help().isPresent()) {
      sb.append("# HELP ");
      TextSyntax.appendName(sb, compliant);
      sb.append(' ');
      TextSyntax.appendEscaped(sb, f.help().get(), true);
      sb.append('\n');
    }
    sb.append("# TYPE ");
    TextSyntax.appendName(sb, compliant);
    sb.append(
        switch (f.type()) {
          case COUNTER -> total ? " counter\n" : " unknown\n";
          case GAUGE -> " gauge\n";
          case SUMMARY -> " summary\n";
          case UNTYPED -> " unknown\n";
          case HISTOGRAM -> " histogram\n";
          case GAUGE_HISTOGRAM -> " gaugehistogram\n";
        });
    if (!f.unit().isEmpty()) {
      sb.append("# UNIT ");
      TextSyntax.appendName(sb, compliant);
      sb.append(' ');
      TextSyntax.appendEscaped(sb, f.unit(), true);
      sb.append('\n');
    }
  }

  /** The lines of one metric. */
  private final class Lines {
    private final StringBuilder sb;
    private final String name;
    private final String labels;
    private final Metric metric;

    Lines(StringBuilder sb, String name, Metric metric, NameEscaping.Scheme scheme) {
      this.sb = sb;
      this.name = name;
      this.metric = metric;
      this.labels = TextSyntax.labelPairs(metric.labels(), scheme);
    }

    void write() {
      switch (metric.value()) {
        case MetricValue.Counter c -> {
          sample("", null, 0, c.value(), c.exemplar());
          created(
              name.endsWith("_total") ? name.substring(0, name.length() - 6) : name, c.created());
        }
        case MetricValue.Gauge g -> sample("", null, 0, g.value(), Optional.empty());
        case MetricValue.Untyped u -> sample("", null, 0, u.value(), Optional.empty());
        case MetricValue.Summary s -> {
          for (MetricValue.Quantile q : s.quantiles()) {
            sample("", "quantile", q.quantile(), q.value(), Optional.empty());
          }
          sample("_sum", null, 0, s.sum(), Optional.empty());
          count("_count", null, 0, s.count(), Optional.empty());
          created(name, s.created());
        }
        case MetricValue.Histogram h -> histogram(h);
        case MetricValue.Missing x -> {
          // Nothing to write; the consistency check keeps such metrics out of the store.
        }
      }
    }

    private void histogram(MetricValue.Histogram h) {
      boolean infSeen = false;
      for (MetricValue.Bucket b : h.buckets()) {
        count("_bucket", "le", b.upperBound(), b.cumulativeCount(), b.exemplar());
        infSeen |= b.upperBound() == Double.POSITIVE_INFINITY;
      }
      if (!infSeen) {
        count("_bucket", "le", Double.POSITIVE_INFINITY, h.count(), Optional.empty());
      }
      sample("_sum", null, 0, h.sum(), Optional.empty());
      count("_count", null, 0, h.count(), Optional.empty());
      created(name, h.created());
    }

    private void sample(
        String suffix,
        String extraName,
        double extraValue,
        double value,
        Optional<MetricValue.Exemplar> exemplar) {
      start(suffix, extraName, extraValue);
      GoFloat.appendOpenMetrics(sb, value);
      end(exemplar);
    }

    private void count(
        String suffix,
        String extraName,
        double extraValue,
        long count,
        Optional<MetricValue.Exemplar> exemplar) {
      start(suffix, extraName, extraValue);
      sb.append(Long.toUnsignedString(count));
      end(exemplar);
    }

    private void start(String suffix, String extraName, double extraValue) {
      TextSyntax.appendNameAndLabels(
          sb, name, suffix, labels, extraName, extraValue, TextSyntax.Floats.OPEN_METRICS);
      sb.append(' ');
    }

    private void end(Optional<MetricValue.Exemplar> exemplar) {
      if (metric.timestampMs().isPresent()) {
        sb.append(' ');
        GoFloat.appendOpenMetrics(sb, metric.timestampMs().getAsLong() / 1000.0);
      }
      if (exemplar.isPresent() && !exemplar.get().labels().isEmpty()) {
        MetricValue.Exemplar e = exemplar.get();
        sb.append(" # ");
        TextSyntax.appendNameAndLabels(
            sb,
            "",
            "",
            TextSyntax.labelPairs(e.labels(), NameEscaping.Scheme.ALLOW_UTF8),
            null,
            0,
            TextSyntax.Floats.OPEN_METRICS);
        sb.append(' ');
        GoFloat.appendOpenMetrics(sb, e.value());
        e.timestamp().ifPresent(ts -> GoFloat.appendOpenMetrics(sb.append(' '), seconds(ts)));
      }
      sb.append('\n');
    }

    private void created(String base, Optional<Instant> created) {
      if (!createdLines || created.isEmpty()) {
        return;
      }
      TextSyntax.appendNameAndLabels(
          sb, base, "_created", labels, null, 0, TextSyntax.Floats.OPEN_METRICS);
      sb.append(' ');
      GoFloat.appendOpenMetrics(sb, seconds(created.get()));
      sb.append('\n');
    }
  }

  // float64(ts.UnixNano())/1e9, as expfmt converts timestamps.
  private static double seconds(Instant t) {
    return (t.getEpochSecond() * 1_000_000_000L + t.getNano()) / 1e9;
  }
}
