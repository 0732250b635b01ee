package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One group as the store holds it. Changed only by the writer, under the state's write lock; read
 * by the writer freely and by others under the read lock.
 *
 * <p>Per-group expiry will live here: a deadline set from the push that created or refreshed the
 * group, which the writer compares with its clock to delete expired groups through the same path
 * as a DELETE.
 */
final class GroupState {
  private final GroupingKey key;
  private final Labels pushLabels;
  private final Map<String, StoredFamily> families = new HashMap<>();

  GroupState(GroupingKey key, Labels pushLabels) {
    this.key = key;
    this.pushLabels = pushLabels;
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

  GroupSnapshot snapshot() {
    return new GroupSnapshot(key, families);
  }
}
