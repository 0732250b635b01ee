package io.pushmill.server.ui;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.MetricStore;
import io.pushmill.gateway.store.StoreClosedException;
import io.pushmill.gateway.store.StoreStats;
import java.util.List;

/** {@link GatewayView} over the process's {@link MetricStore}. */
final class StoreGatewayView implements GatewayView {
  private final MetricStore store;
  private final boolean adminApi;
  private final ChartSource charts;

  StoreGatewayView(MetricStore store, boolean adminApi, ChartSource charts) {
    this.store = store;
    this.adminApi = adminApi;
    this.charts = charts;
  }

  @Override
  public List<GroupSnapshot> groups() {
    return store.groups();
  }

  @Override
  public StoreStats stats() {
    return store.stats();
  }

  @Override
  public void delete(GroupingKey key) {
    try {
      store.delete(key);
    } catch (InterruptedException e) {
      throw interrupted(e);
    } catch (StoreClosedException e) {
      throw closed();
    }
  }

  @Override
  public void wipe() {
    try {
      store.wipe();
    } catch (InterruptedException e) {
      throw interrupted(e);
    } catch (StoreClosedException e) {
      throw closed();
    }
  }

  @Override
  public boolean adminApi() {
    return adminApi;
  }

  @Override
  public ChartSource charts() {
    return charts;
  }

  private static UiException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return closed();
  }

  private static UiException closed() {
    return new UiException(503, "The gateway is shutting down; the change was not made.");
  }
}
