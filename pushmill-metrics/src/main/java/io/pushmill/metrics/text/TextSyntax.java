package io.pushmill.metrics.text;

import io.pushmill.metrics.Labels;

/**
 * The sample-line syntax that the text format and OpenMetrics share: names quoted when not
 * legacy-valid, escaping, and the name-and-labels part of a line ({@code m{a="b",le="1"}} or {@code
 * {"m.x",a="b"}}), as expfmt's {@code writeNameAndLabelPairs} writes it.
 */
final class TextSyntax {
  /** How numbers inside a line are written. */
  enum Floats {
    /** The text format's {@code writeFloat}. */
    TEXT,
    /** OpenMetrics' {@code writeOpenMetricsFloat}: {@code 1.0}, {@code 0.0}, {@code 250000.0}. */
    OPEN_METRICS;

    void append(StringBuilder sb, double f) {
      if (this == TEXT) {
        GoFloat.append(sb, f);
      } else {
        GoFloat.appendOpenMetrics(sb, f);
      }
    }
  }

  private TextSyntax() {}

  /** The name as is when legacy-valid, else quoted and escaped. */
  static void appendName(StringBuilder sb, String name) {
    if (NameValidation.isLegacyMetricName(name)) {
      sb.append(name);
    } else {
      sb.append('"');
      appendEscaped(sb, name, true);
      sb.append('"');
    }
  }

  /** Escapes backslash and newline, and the double quote when {@code quotes}. */
  static void appendEscaped(StringBuilder sb, String v, boolean quotes) {
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

  /** The labels as {@code a="b",c="d"} (no braces), names escaped by {@code scheme}. */
  static String labelPairs(Labels labels, NameEscaping.Scheme scheme) {
    StringBuilder l = new StringBuilder(labels.size() * 16);
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        l.append(',');
      }
      appendName(l, NameEscaping.escapeIfNeeded(labels.name(i), scheme));
      l.append("=\"");
      appendEscaped(
          l, NameEscaping.escapeValueIfNeeded(labels.name(i), labels.value(i), scheme), true);
      l.append('"');
    }
    return l.toString();
  }

  /**
   * The name (with {@code suffix}) and labels of a sample line, plus {@code extraName} (quantile or
   * le) when not null. An empty name writes only the braces, as for an exemplar.
   */
  static void appendNameAndLabels(
      StringBuilder sb,
      String name,
      String suffix,
      String labelPairs,
      String extraName,
      double extraValue,
      Floats floats) {
    boolean inBraces = false;
    if (!name.isEmpty()) {
      inBraces = !NameValidation.isLegacyMetricName(name); // suffixes keep validity as it is
      if (inBraces) {
        sb.append("{\"");
        appendEscaped(sb, name, true);
        appendEscaped(sb, suffix, true);
        sb.append('"');
      } else {
        sb.append(name).append(suffix);
      }
    }
    if (labelPairs.isEmpty() && extraName == null) {
      if (inBraces) {
        sb.append('}');
      }
      return;
    }
    sb.append(inBraces ? ',' : '{').append(labelPairs);
    if (extraName != null) {
      sb.append(labelPairs.isEmpty() ? "" : ",").append(extraName).append("=\"");
      floats.append(sb, extraValue);
      sb.append('"');
    }
    sb.append('}');
  }
}
