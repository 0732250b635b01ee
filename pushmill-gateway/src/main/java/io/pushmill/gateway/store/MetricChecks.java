package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.util.Optional;

/**
 * The checks client_golang's {@code checkMetricConsistency} applies to one metric of a family,
 * without the duplicate check (which needs the rest of the store), with upstream's error texts.
 *
 * <p>Label names follow the UTF-8 scheme that upstream's gatherer uses since 1.11.2: any
 * non-empty valid UTF-8 name that does not start with {@code __} (1.5.1 demanded legacy names).
 * Stricter than upstream, so that a stored metric can always be written: a histogram must not
 * carry its own {@code le} label, and a {@code GAUGE_HISTOGRAM} family must hold histograms.
 */
final class MetricChecks {
  private MetricChecks() {}

  /** True when a metric holding {@code value} belongs in a family of type {@code type}. */
  static boolean kindMatches(MetricType type, MetricValue value) {
    return switch (type) {
      case GAUGE -> value instanceof MetricValue.Gauge;
      case COUNTER -> value instanceof MetricValue.Counter;
      case SUMMARY -> value instanceof MetricValue.Summary;
      case UNTYPED -> value instanceof MetricValue.Untyped;
      case HISTOGRAM, GAUGE_HISTOGRAM -> value instanceof MetricValue.Histogram;
    };
  }

  /** {@code collected metric "x" { … } is not a GAUGE}. */
  static String notA(String familyName, Metric m, MetricType type) {
    return "collected metric " + GoText.metric(familyName, m) + " is not a " + type.name();
  }

  /** {@code collected metric "x" { … } was collected before with the same name and …}. */
  static String duplicate(String familyName, Metric m) {
    return "collected metric "
        + GoText.metric(familyName, m)
        + " was collected before with the same name and label values";
  }

  /** The first problem of a metric in a family of type {@code type}, checked as upstream does. */
  static Optional<String> check(String familyName, MetricType type, Metric m) {
    if (!kindMatches(type, m.value())) {
      return Optional.of(notA(familyName, m, type));
    }
    return labelProblem(familyName, m);
  }

  /** The first problem with the labels of a metric, in upstream's order of checks. */
  static Optional<String> labelProblem(String familyName, Metric m) {
    Labels labels = m.labels();
    String previous = "";
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i);
      String problem = null;
      if (name.equals(previous)) {
        problem = "has two or more labels with the same name: " + name;
      } else if (!isValidLabelName(name)) {
        problem = "has a label with an invalid name: " + name;
      } else if (m.value() instanceof MetricValue.Summary && name.equals("quantile")) {
        problem = "must not have an explicit \"quantile\" label";
      } else if (m.value() instanceof MetricValue.Histogram && name.equals("le")) {
        problem = "must not have an explicit \"le\" label";
      } else if (!isValidUtf8(labels.value(i))) {
        problem =
            "has a label named "
                + GoText.quote(name)
                + " whose value is not utf8: "
                + GoText.quote(labels.value(i));
      }
      if (problem != null) {
        return Optional.of("collected metric " + GoText.metric(familyName, m) + " " + problem);
      }
      previous = name;
    }
    return Optional.empty();
  }

  /** Upstream's UTF-8 label name rule plus the reserved {@code __} prefix. */
  static boolean isValidLabelName(String name) {
    return !name.isEmpty() && isValidUtf8(name) && !name.startsWith("__");
  }

  /** False when the string holds an unpaired surrogate, the trace of an invalid UTF-8 byte. */
  static boolean isValidUtf8(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
