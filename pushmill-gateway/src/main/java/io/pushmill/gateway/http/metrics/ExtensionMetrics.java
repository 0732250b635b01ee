package io.pushmill.gateway.http.metrics;

import io.pushmill.gateway.history.HistoryStats;
import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.store.MetricStore;
import io.pushmill.gateway.store.StoreStats;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's own metrics about its extensions: expiry ({@code
 * pushmill_gateway_expired_groups_total}, {@code pushmill_gateway_groups_with_ttl}) and the push
 * history ({@code pushmill_gateway_history_bytes}, {@code pushmill_gateway_history_series}). Reads
 * only counters the store and the history keep, so a scrape pays nothing for it.
 */
public final class ExtensionMetrics implements MetricSource {
  private final MetricStore store;
  private final PushHistory history;

  public ExtensionMetrics(MetricStore store, PushHistory history) {
    this.store = store;
    this.history = history;
  }

  @Override
  public List<MetricFamily> collect() {
    StoreStats s = store.stats();
    HistoryStats h = history.stats();
    return List.of(
        family(
            "pushmill_gateway_expired_groups_total",
            "Groups the gateway deleted because their time to live ran out.",
            MetricType.COUNTER,
            MetricValue.Counter.of(s.expiredGroups())),
        gauge(
            "pushmill_gateway_groups_with_ttl",
            "Groups that have a time to live.",
            s.groupsWithTtl()),
        gauge(
            "pushmill_gateway_history_bytes",
            "Estimated memory held by the push history.",
            h.bytes()),
        gauge(
            "pushmill_gateway_history_series",
            "Series in the push history, current or removed.",
            h.series()));
  }

  private static MetricFamily gauge(String name, String help, double value) {
    return family(name, help, MetricType.GAUGE, new MetricValue.Gauge(value));
  }

  private static MetricFamily family(String name, String help, MetricType type, MetricValue value) {
    return MetricFamily.of(name, Optional.of(help), type, List.of(Metric.of(Labels.EMPTY, value)));
  }
}
