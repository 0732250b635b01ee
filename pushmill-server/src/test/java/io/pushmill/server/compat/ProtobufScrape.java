package io.pushmill.server.compat;

import io.prometheus.client.Metrics.Metric;
import io.prometheus.client.Metrics.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Normalises a delimited-protobuf scrape the way {@link ScrapeNormalizer} does a text one, and
 * renders it in protobuf's text format so that a difference reads well in a failure message.
 */
final class ProtobufScrape {
  private static final Pattern BARRIER_LABEL =
      Pattern.compile("value: \"" + OwnMetrics.BARRIER_JOB + "\"");

  private ProtobufScrape() {}

  static String normalize(byte[] body) {
    StringBuilder out = new StringBuilder();
    try (ByteArrayInputStream in = new ByteArrayInputStream(body)) {
      MetricFamily family;
      while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
        append(family, out);
      }
    } catch (IOException e) {
      out.append("(undecodable protobuf after this point: ").append(e.getMessage()).append(")\n");
    }
    return out.toString();
  }

  private static void append(MetricFamily family, StringBuilder out) {
    boolean own = OwnMetrics.isOwn(family.getName());
    MetricFamily.Builder kept = family.toBuilder().clearMetric();
    for (Metric metric : family.getMetricList()) {
      boolean pushed = metric.getLabelList().stream().anyMatch(l -> l.getName().equals("job"));
      if ((own && !pushed) || BARRIER_LABEL.matcher(metric.toString()).find()) {
        continue;
      }
      kept.addMetric(OwnMetrics.isPushTime(family.getName()) ? withoutTime(metric) : metric);
    }
    if (kept.getMetricCount() > 0) {
      out.append(kept.build()).append("---\n");
    }
  }

  /** A push time becomes -1, a value no gateway produces, unless it is 0 ("never"). */
  private static Metric withoutTime(Metric metric) {
    double value = metric.getGauge().getValue();
    if (value >= 1e9 && value < 1e10) {
      return metric.toBuilder().setGauge(metric.getGauge().toBuilder().setValue(-1)).build();
    }
    return metric;
  }
}
