package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One group as the store holds it. Changed only by the writer, under the state's write lock; read
 * by the writer freely and by others under the read lock.
 */
final class GroupState {
  private final GroupingKey key;
  private final Labels pushLabels;
  private final Map<String, StoredFamily> families = new HashMap<>();
  private GroupExpiry expiry;

  GroupState(GroupingKey key, Labels pushLabels, GroupExpiry expiry) {
    this.key = key;
    this.pushLabels = pushLabels;
    this.expiry = expiry;
  }

  GroupingKey key() {
    return key;
  }

  /** The labels of this group's {@code push_*} series: the grouping labels plus an instance. */
  Labels pushLabels() {
    return pushLabels;
  }

  Optional<StoredFamily> family(String name) {
    return Optional.ofNullable(families.get(name));
  }

  boolean has(String name) {
    return families.containsKey(name);
  }

  /** The live map; only {@link StoreState} changes it. */
  Map<String, StoredFamily> families() {
    return families;
  }

  GroupExpiry expiry() {
    return expiry;
  }

  /** Only {@link StoreState} calls this, so that its expiry index follows. */
  void expiry(GroupExpiry newExpiry) {
    this.expiry = newExpiry;
  }

  /** Whether a push to this group ever succeeded ({@code push_time_seconds} is not 0). */
  boolean everSucceeded() {
    return family(MetricStore.PUSH_TIME).stream()
        .flatMap(f -> f.family().metrics().stream())
        .anyMatch(m -> m.value() instanceof MetricValue.Gauge g && g.value() != 0);
  }

  GroupSnapshot snapshot() {
    return new GroupSnapshot(key, families, expiry);
  }
}
