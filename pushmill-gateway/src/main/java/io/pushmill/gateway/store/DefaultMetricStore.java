package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The gateway's metric store: one ordered write queue, indexed consistency checks, pre-rendered scrapes. */
public final class DefaultMetricStore implements MetricStore {

  /**
   * Loads what {@code persistence} holds, then starts the writer.
   *
   * @throws IOException when the persisted state cannot be loaded and the gateway must not start
   */
  public DefaultMetricStore(StorePersistence persistence, OwnMetrics ownMetrics, StoreOptions options)
      throws IOException {
    throw new UnsupportedOperationException("DefaultMetricStore is being written");
  }

  @Override
  public PushOutcome push(PushRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void pushWithoutWaiting(PushRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void delete(GroupingKey key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void wipe() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<GroupSnapshot> groups() {
    throw new UnsupportedOperationException();
  }

  @Override
  public StoreStats stats() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void writeText(OutputStream out, List<MetricFamily> own, boolean escapeNames) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<MetricFamily> gather(List<MetricFamily> own) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean healthy() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException();
  }
}
