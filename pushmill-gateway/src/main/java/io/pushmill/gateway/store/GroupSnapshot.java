package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricValue;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable copy of one group for the API, the UI and persistence: its families by name
 * (sorted), including the two {@code push_*_seconds} families, and when it expires.
 */
public record GroupSnapshot(
    GroupingKey key, Map<String, StoredFamily> families, GroupExpiry expiry) {

  public GroupSnapshot {
    if (key == null || families == null || expiry == null) {
      throw new IllegalArgumentException("group snapshot fields must not be null");
    }
    families = Collections.unmodifiableMap(new TreeMap<>(families));
  }

  /**
   * A group without a TTL, whose countdown would start at its last push (successful, else failed),
   * as a group from an upstream-style source has.
   */
  public GroupSnapshot(GroupingKey key, Map<String, StoredFamily> families) {
    this(key, families, GroupExpiry.none(lastPush(families)));
  }

  /** When the last successful push arrived; empty if none did. */
  public Optional<Instant> lastPushTime() {
    return pushTimeValue(families, MetricStore.PUSH_TIME);
  }

  /** When the last failed push arrived; empty if none did. */
  public Optional<Instant> lastFailureTime() {
    return pushTimeValue(families, MetricStore.PUSH_FAILURE_TIME);
  }

  /** Upstream's rule: the last push succeeded unless a failure is newer than the last success. */
  public boolean lastPushSuccessful() {
    double ok = seconds(families, MetricStore.PUSH_TIME);
    double failed = seconds(families, MetricStore.PUSH_FAILURE_TIME);
    return Double.isNaN(ok) || Double.isNaN(failed) || failed <= ok;
  }

  /** This group with another expiry. */
  public GroupSnapshot withExpiry(GroupExpiry newExpiry) {
    return new GroupSnapshot(key, families, newExpiry);
  }

  private static Instant lastPush(Map<String, StoredFamily> families) {
    return pushTimeValue(families, MetricStore.PUSH_TIME)
        .or(() -> pushTimeValue(families, MetricStore.PUSH_FAILURE_TIME))
        .orElse(Instant.EPOCH);
  }

  private static Optional<Instant> pushTimeValue(Map<String, StoredFamily> families, String name) {
    double s = seconds(families, name);
    if (Double.isNaN(s) || s == 0) {
      return Optional.empty();
    }
    long whole = (long) Math.floor(s);
    return Optional.of(Instant.ofEpochSecond(whole, Math.round((s - whole) * 1e9)));
  }

  private static double seconds(Map<String, StoredFamily> families, String name) {
    StoredFamily f = families.get(name);
    if (f == null || f.family().metrics().isEmpty()) {
      return Double.NaN;
    }
    return f.family().metrics().getFirst().value() instanceof MetricValue.Gauge g
        ? g.value()
        : Double.NaN;
  }
}
