package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The two synthetic gauges every group carries: when a push last succeeded, and last failed. */
final class PushTimes {
  static final String PUSH_TIME_HELP =
      "Last Unix time when changing this group in the Pushgateway succeeded.";
  static final String PUSH_FAILURE_TIME_HELP =
      "Last Unix time when changing this group in the Pushgateway failed.";

  private PushTimes() {}

  static boolean isPushTimeName(String name) {
    return name.equals(MetricStore.PUSH_TIME) || name.equals(MetricStore.PUSH_FAILURE_TIME);
  }

  /**
   * The push time as upstream computes it: {@code float64(t.UnixNano()) / 1e9}, which is not
   * always the same double as {@code epochSecond + nano / 1e9}.
   */
  static double seconds(Instant t) {
    try {
      long nanos =
          Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
      return nanos / 1e9;
    } catch (ArithmeticException beyondYear2262) {
      return t.getEpochSecond() + t.getNano() / 1e9;
    }
  }

  /** {@code push_time_seconds} or {@code push_failure_time_seconds} with one series. */
  static MetricFamily family(String name, Labels pushLabels, double value) {
    String help = name.equals(MetricStore.PUSH_TIME) ? PUSH_TIME_HELP : PUSH_FAILURE_TIME_HELP;
    Metric m = Metric.of(pushLabels, new MetricValue.Gauge(value));
    return MetricFamily.of(name, Optional.of(help), MetricType.GAUGE, List.of(m));
  }
}
