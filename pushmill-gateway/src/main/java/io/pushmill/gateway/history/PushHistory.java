package io.pushmill.gateway.history;

import io.pushmill.gateway.store.AcceptedPush;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.PushListener;
import io.pushmill.gateway.store.PushMode;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.Utf8Order;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The bounded in-memory push history: every accepted push becomes one sample per pushed series
 * (see {@link SampleValues}), at the push's time. It listens to the store ({@link PushListener}),
 * so it is written by the store's writer thread only, in O(pushed series) plus the series the push
 * replaced; any thread may read it.
 *
 * <p>A series that leaves the store (its group deleted, wiped or expired, or a push replaced it) is
 * marked removed at that instant and keeps its samples for the retention period, so a chart can
 * show where the value stopped; it is never reported as current again until it is pushed again.
 * Bounds: see {@link SeriesTable}.
 */
public final class PushHistory implements PushListener {
  private static final Comparator<SeriesHistory> ORDER =
      Comparator.comparing(SeriesHistory::name, Utf8Order.COMPARATOR)
          .thenComparing(SeriesHistory::labels);

  private final HistoryOptions options;
  private final InstantSource clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final SeriesTable table;
  private final Map<GroupingKey, Map<String, Set<SeriesKey>>> groups = new HashMap<>();

  private PushHistory(HistoryOptions options, InstantSource clock) {
    this.options = options;
    this.clock = clock;
    this.table = new SeriesTable(options);
  }

  /** A history with these bounds; {@code clock} is the "now" of reads (retention, freshness). */
  public static PushHistory create(HistoryOptions options, InstantSource clock) {
    if (options == null || clock == null) {
      throw new IllegalArgumentException("history options and clock must not be null");
    }
    return new PushHistory(options, clock);
  }

  /** A history that keeps nothing. */
  public static PushHistory disabled() {
    return create(HistoryOptions.off(), InstantSource.system());
  }

  public HistoryOptions options() {
    return options;
  }

  public boolean enabled() {
    return options.enabled();
  }

  @Override
  public void accepted(AcceptedPush push) {
    if (!enabled()) {
      return;
    }
    long time = push.time().toEpochMilli();
    long ttl = push.expiry().ttl().map(PushHistory::millis).orElse(0L);
    lock.writeLock().lock();
    try {
      Map<String, Set<SeriesKey>> group = groups.computeIfAbsent(push.key(), k -> new HashMap<>());
      if (push.mode() == PushMode.REPLACE) {
        Set<String> pushed = new HashSet<>();
        push.families().forEach(f -> pushed.add(f.name()));
        removeFamilies(group, name -> !pushed.contains(name), time);
      }
      for (MetricFamily f : push.families()) {
        Set<SeriesKey> now = new HashSet<>();
        for (Metric m : f.metrics()) {
          SampleValues.of(
              f.name(),
              m,
              (name, value) -> {
                SeriesKey key = new SeriesKey(f.name(), name, m.labels());
                table.record(key, time, value, ttl);
                now.add(key);
              });
        }
        Set<SeriesKey> before = group.put(f.name(), now);
        if (before != null) {
          before.stream().filter(k -> !now.contains(k)).forEach(k -> table.markRemoved(k, time));
        }
      }
      table.enforce(time);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void removed(GroupingKey key, Instant time, Removal cause) {
    if (!enabled()) {
      return;
    }
    lock.writeLock().lock();
    try {
      Map<String, Set<SeriesKey>> group = groups.remove(key);
      if (group != null) {
        removeFamilies(group, name -> true, time.toEpochMilli());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void removeFamilies(
      Map<String, Set<SeriesKey>> group, java.util.function.Predicate<String> which, long time) {
    for (Iterator<Map.Entry<String, Set<SeriesKey>>> it = group.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, Set<SeriesKey>> e = it.next();
      if (which.test(e.getKey())) {
        e.getValue().forEach(k -> table.markRemoved(k, time));
        it.remove();
      }
    }
  }

  /** The series the query matches, sorted by name, then labels. */
  public List<SeriesHistory> query(HistoryQuery query) {
    long now = clock.millis();
    long from =
        Math.max(
            now - options.retention().toMillis(),
            query.start().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
    long to = query.end().map(Instant::toEpochMilli).orElse(now);
    List<SeriesHistory> out = new ArrayList<>();
    lock.readLock().lock();
    try {
      table.forEach(
          t -> {
            if (query.matches(t.key())) {
              out.add(SeriesReader.read(t, table.isCurrent(t.key()), now, from, to));
            }
          });
    } finally {
      lock.readLock().unlock();
    }
    out.removeIf(h -> h.samples().isEmpty() && h.removals().isEmpty() && h.instant().isEmpty());
    out.sort(ORDER);
    return out;
  }

  /** How much the history holds. */
  public HistoryStats stats() {
    lock.readLock().lock();
    try {
      return table.stats();
    } finally {
      lock.readLock().unlock();
    }
  }

  private static long millis(Duration d) {
    try {
      return Math.max(1, d.toMillis());
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE / 2;
    }
  }
}
