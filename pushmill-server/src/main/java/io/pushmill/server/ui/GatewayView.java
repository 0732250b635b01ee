package io.pushmill.server.ui;

import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.MetricStore;
import io.pushmill.gateway.store.StoreStats;
import java.util.List;

/**
 * What the UI reads and changes in the gateway of its process: the groups, deleting one or all,
 * and the pushed series over time for the charts.
 */
public interface GatewayView {
  /** Copies of all groups, in no particular order. */
  List<GroupSnapshot> groups();

  StoreStats stats();

  /** Submits the deletion of exactly this group; the store's writer applies writes in order. */
  void delete(GroupingKey key);

  /** Submits the deletion of every group. */
  void wipe();

  /** Whether {@code --web.enable-admin-api} is on, which "delete all" needs. */
  boolean adminApi();

  ChartSource charts();

  /**
   * Charts from the push history, or of each series' current value only when the history is off
   * ({@code --history.max-samples-per-series=0}).
   */
  static ChartSource charts(MetricStore store, PushHistory history) {
    return history.enabled() ? new HistoryCharts(history) : new CurrentValueCharts(store::groups);
  }

  /** The view of a store, with its charts drawn from {@code charts}. */
  static GatewayView of(MetricStore store, boolean adminApi, ChartSource charts) {
    return new StoreGatewayView(store, adminApi, charts);
  }
}
