package io.pushmill.gateway.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable copy of one group for the API and the UI: its families by name (sorted), including
 * the two {@code push_*_seconds} families.
 */
public record GroupSnapshot(GroupingKey key, Map<String, StoredFamily> families) {

  public GroupSnapshot {
    families = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(families));
  }

  /** When the last successful push arrived; empty if none did. */
  public Optional<Instant> lastPushTime() {
    return pushTimeValue(MetricStore.PUSH_TIME);
  }

  /** When the last failed push arrived; empty if none did. */
  public Optional<Instant> lastFailureTime() {
    return pushTimeValue(MetricStore.PUSH_FAILURE_TIME);
  }

  /** Upstream's rule: the last push succeeded unless a failure is newer than the last success. */
  public boolean lastPushSuccessful() {
    double ok = seconds(MetricStore.PUSH_TIME);
    double failed = seconds(MetricStore.PUSH_FAILURE_TIME);
    return Double.isNaN(ok) || Double.isNaN(failed) || failed <= ok;
  }

  private Optional<Instant> pushTimeValue(String name) {
    double s = seconds(name);
    if (Double.isNaN(s) || s == 0) {
      return Optional.empty();
    }
    long whole = (long) Math.floor(s);
    return Optional.of(Instant.ofEpochSecond(whole, Math.round((s - whole) * 1e9)));
  }

  private double seconds(String name) {
    StoredFamily f = families.get(name);
    if (f == null || f.family().metrics().isEmpty()) {
      return Double.NaN;
    }
    return f.family().metrics().getFirst().value() instanceof io.pushmill.metrics.MetricValue.Gauge g
        ? g.value()
        : Double.NaN;
  }
}
