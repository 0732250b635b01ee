package io.pushmill.gateway.history;

/**
 * The size of the push history.
 *
 * @param series series with at least one entry (current or removed)
 * @param entries samples plus removal marks
 * @param bytes the estimated memory held, always at most {@code maxBytes} after a push
 */
public record HistoryStats(int series, long entries, long bytes, long maxBytes) {}
