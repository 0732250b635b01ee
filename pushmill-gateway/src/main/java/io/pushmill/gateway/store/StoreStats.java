package io.pushmill.gateway.store;

/**
 * Sizes of the store, for its own metrics and the UI.
 *
 * @param expiredGroups how many groups expired since the store started
 * @param groupsWithTtl how many groups have a TTL now
 */
public record StoreStats(
    int groups, long series, int queuedWrites, long expiredGroups, int groupsWithTtl) {

  /** Sizes of a store without expiry. */
  public StoreStats(int groups, long series, int queuedWrites) {
    this(groups, series, queuedWrites, 0, 0);
  }
}
