package io.pushmill.runner;

import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.text.TextWriter;
import java.util.List;

/** Renders metric families in the text format, for golden files. */
final class MetricsText {
  private MetricsText() {}

  static String render(List<MetricFamily> families) {
    StringBuilder sb = new StringBuilder();
    families.forEach(f -> TextWriter.appendFamily(sb, f));
    return sb.toString();
  }
}
