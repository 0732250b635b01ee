package io.pushmill.gateway.history;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every series of the history with its memory accounting and bounds. Series in the store are kept
 * least recently pushed first, removed ones in the order they were removed, so that eviction takes
 * removed series first (oldest removal first), then the series pushed longest ago.
 *
 * <p>Bounds, in the order they apply: a sample older than the retention goes (on the series' next
 * push, and for all series at most once a minute); each series keeps at most its share of samples,
 * the smaller of {@code maxSamplesPerSeries} and what the byte bound leaves per series; and while
 * the whole still exceeds the byte bound, whole series are evicted. Not thread-safe.
 */
final class SeriesTable {
  private static final long PRUNE_INTERVAL_MS = 60_000;

  private final HistoryOptions options;
  private final LinkedHashMap<SeriesKey, Track> current = new LinkedHashMap<>(16, 0.75f, true);
  private final LinkedHashMap<SeriesKey, Track> removed = new LinkedHashMap<>();
  private long bytes;
  private long keyBytes;
  private long entries;
  private long lastPruneMs = Long.MIN_VALUE;

  SeriesTable(HistoryOptions options) {
    this.options = options;
  }

  /** Adds a sample pushed at {@code timeMs}; the series is current from now on. */
  void record(SeriesKey key, long timeMs, double value, long ttlMs) {
    Track t = current.get(key);
    if (t == null) {
      t = removed.remove(key);
      if (t == null) {
        t = new Track(key);
        bytes += t.bytes();
        keyBytes += t.keyBytes();
      }
      current.put(key, t);
    }
    Track track = t;
    int limit = perSeriesLimit();
    change(
        track,
        () -> {
          track.ring().dropBefore(timeMs - options.retention().toMillis());
          track.ring().add(timeMs, value, limit);
        });
    track.ttlMs(ttlMs);
  }

  /** Marks that a series left the store at {@code timeMs}; it stays until evicted or too old. */
  void markRemoved(SeriesKey key, long timeMs) {
    Track t = current.remove(key);
    if (t != null) {
      int limit = perSeriesLimit();
      change(t, () -> t.ring().markRemoved(timeMs, limit));
      removed.put(key, t);
    }
  }

  /** Applies the retention (at most once a minute) and the byte bound. */
  void enforce(long nowMs) {
    if (lastPruneMs == Long.MIN_VALUE || nowMs - lastPruneMs >= PRUNE_INTERVAL_MS) {
      lastPruneMs = nowMs;
      prune(current, nowMs);
      prune(removed, nowMs);
    }
    while (bytes > options.maxBytes() && !(current.isEmpty() && removed.isEmpty())) {
      evictFirst(removed.isEmpty() ? current : removed);
    }
  }

  /**
   * The samples a series may keep now: the configured number, lowered so that the rings of all
   * series fit in an equal share each of what the byte bound leaves after their keys.
   */
  int perSeriesLimit() {
    long series = Math.max(1, current.size() + removed.size());
    long share = (options.maxBytes() - keyBytes) / series - SeriesRing.OVERHEAD_BYTES;
    return (int) Math.max(1, Math.min(options.maxSamplesPerSeries(), share / 16));
  }

  private void prune(Map<SeriesKey, Track> tracks, long nowMs) {
    long cutoff = nowMs - options.retention().toMillis();
    int limit = perSeriesLimit();
    for (Iterator<Track> it = tracks.values().iterator(); it.hasNext(); ) {
      Track t = it.next();
      change(
          t,
          () -> {
            t.ring().dropBefore(cutoff);
            t.ring().limit(limit);
          });
      if (t.ring().size() == 0) {
        forget(t);
        it.remove();
      }
    }
  }

  private void evictFirst(Map<SeriesKey, Track> tracks) {
    Iterator<Track> it = tracks.values().iterator();
    Track t = it.next();
    forget(t);
    it.remove();
  }

  private void forget(Track t) {
    bytes -= t.bytes();
    keyBytes -= t.keyBytes();
    entries -= t.ring().size();
  }

  private void change(Track t, Runnable change) {
    long bytesBefore = t.bytes();
    int sizeBefore = t.ring().size();
    change.run();
    bytes += t.bytes() - bytesBefore;
    entries += t.ring().size() - sizeBefore;
  }

  /** Every series, current ones first, without changing any order. */
  void forEach(Consumer<Track> action) {
    current.values().forEach(action);
    removed.values().forEach(action);
  }

  boolean isCurrent(SeriesKey key) {
    return current.containsKey(key);
  }

  HistoryStats stats() {
    return new HistoryStats(current.size() + removed.size(), entries, bytes, options.maxBytes());
  }
}
