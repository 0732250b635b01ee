package io.pushmill.gateway.store;

/** Sizes of the store, for its own metrics and the UI. */
public record StoreStats(int groups, long series, int queuedWrites) {}
