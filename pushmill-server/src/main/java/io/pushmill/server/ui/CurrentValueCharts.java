package io.pushmill.server.ui;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Charts without a push history: each gauge, counter or untyped series of the store as one point,
 * its value at the time of the push that set it, always counted as fresh.
 */
final class CurrentValueCharts implements ChartSource {
  private final Supplier<List<GroupSnapshot>> groups;

  CurrentValueCharts(Supplier<List<GroupSnapshot>> groups) {
    this.groups = groups;
  }

  @Override
  public boolean keepsHistory() {
    return false;
  }

  @Override
  public List<Series> series(String name, Labels labels, Instant since) {
    List<Series> out = new ArrayList<>();
    for (GroupSnapshot g : groups.get()) {
      StoredFamily f = g.families().get(name);
      if (f == null) {
        continue;
      }
      for (Metric m : f.family().metrics()) {
        OptionalDouble v = value(m.value());
        if (v.isPresent() && includes(m.labels(), labels)) {
          Point p = new Point(f.timestamp().toEpochMilli(), v);
          out.add(new Series(name, m.labels(), true, List.of(p), List.of(p)));
        }
      }
    }
    out.sort(Comparator.comparing(Series::labels));
    return out;
  }

  static boolean includes(Labels labels, Labels wanted) {
    for (int i = 0; i < wanted.size(); i++) {
      if (!labels.get(wanted.name(i)).orElse("").equals(wanted.value(i))) {
        return false;
      }
    }
    return true;
  }

  private static OptionalDouble value(MetricValue v) {
    return switch (v) {
      case MetricValue.Gauge g -> OptionalDouble.of(g.value());
      case MetricValue.Counter c -> OptionalDouble.of(c.value());
      case MetricValue.Untyped u -> OptionalDouble.of(u.value());
      default -> OptionalDouble.empty();
    };
  }
}
