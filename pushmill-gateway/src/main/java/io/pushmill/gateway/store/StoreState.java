package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.Utf8Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The groups and the per-family-name indexes. One thread, the writer, changes them, always inside
 * {@link #mutate}; the writer also reads them without locking (nobody else writes). Every other
 * thread reads through {@link #read}, so it sees the state between two writes, never half of one.
 */
final class StoreState {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<GroupingKey, GroupState> groups = new HashMap<>();
  private final TreeMap<String, FamilyIndex> families = new TreeMap<>(Utf8Order.COMPARATOR);
  private final OwnMetrics own;
  private volatile int groupCount;
  private volatile long seriesCount;

  StoreState(OwnMetrics own) {
    this.own = own;
  }

  // ---- writer side --------------------------------------------------------------------------

  Optional<GroupState> group(GroupingKey key) {
    return Optional.ofNullable(groups.get(key));
  }

  Optional<FamilyIndex> index(String name) {
    return Optional.ofNullable(families.get(name));
  }

  List<GroupingKey> keys() {
    return new ArrayList<>(groups.keySet());
  }

  /** Runs a change under the write lock, so that readers see all of it or none. */
  void mutate(Runnable change) {
    lock.writeLock().lock();
    try {
      change.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  GroupState createGroup(GroupingKey key, Labels pushLabels) {
    GroupState g = new GroupState(key, pushLabels);
    groups.put(key, g);
    groupCount = groups.size();
    return g;
  }

  /** Stores {@code f} in {@code g}, replacing the family of the same name. */
  void putFamily(GroupState g, StoredFamily f, byte[][] texts) {
    String name = f.family().name();
    StoredFamily old = g.families().put(name, f);
    FamilyIndex idx = families.computeIfAbsent(name, FamilyIndex::new);
    if (old != null) {
      idx.remove(g, old);
      seriesCount -= old.family().metrics().size();
    }
    idx.add(g, f, texts);
    seriesCount += f.family().metrics().size();
    idx.refresh(own.shapeOf(name));
  }

  void removeFamily(GroupState g, String name) {
    StoredFamily old = g.families().remove(name);
    if (old == null) {
      return;
    }
    FamilyIndex idx = families.get(name);
    idx.remove(g, old);
    seriesCount -= old.family().metrics().size();
    if (idx.isUnused()) {
      families.remove(name);
    } else {
      idx.refresh(own.shapeOf(name));
    }
  }

  boolean removeGroup(GroupingKey key) {
    GroupState g = groups.get(key);
    if (g == null) {
      return false;
    }
    for (String name : new ArrayList<>(g.families().keySet())) {
      removeFamily(g, name);
    }
    groups.remove(key);
    groupCount = groups.size();
    return true;
  }

  /** Copies of all groups, for persistence; called by the writer, so no lock is needed. */
  List<GroupSnapshot> snapshotsForWriter() {
    List<GroupSnapshot> out = new ArrayList<>(groups.size());
    for (GroupState g : groups.values()) {
      out.add(g.snapshot());
    }
    return out;
  }

  // ---- reader side --------------------------------------------------------------------------

  <T> T read(Supplier<T> reader) {
    lock.readLock().lock();
    try {
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  List<GroupSnapshot> snapshots() {
    return read(this::snapshotsForWriter);
  }

  /** What a scrape needs of every family with series, in name order, copied under the lock. */
  List<ScrapeFamily> scrapeFamilies() {
    return read(
        () -> {
          List<ScrapeFamily> out = new ArrayList<>(families.size());
          for (FamilyIndex idx : families.values()) {
            if (idx.hasSeries()) {
              Series[] series = idx.ordered();
              out.add(
                  new ScrapeFamily(idx.name(), idx.type(), idx.help(), unit(idx, series), series));
            }
          }
          return out;
        });
  }

  // Upstream keeps the unit of a family only while one group holds it; merging drops it.
  private static String unit(FamilyIndex idx, Series[] series) {
    if (idx.families(Optional.empty()) != 1) {
      return "";
    }
    return series[0].owner().family(idx.name()).map(f -> f.family().unit()).orElse("");
  }

  int groupCount() {
    return groupCount;
  }

  long seriesCount() {
    return seriesCount;
  }

  /** One family as a scrape writes it: merged across groups, HELP and TYPE decided. */
  record ScrapeFamily(
      String name, MetricType type, Optional<String> help, String unit, Series[] series) {}
}
