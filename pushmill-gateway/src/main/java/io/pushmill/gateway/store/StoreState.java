package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.Utf8Order;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The groups, the per-family-name indexes and the expiry index. One thread, the writer, changes
 * them, always inside {@link #mutate}; the writer also reads them without locking (nobody else
 * writes). Every other thread reads through {@link #read}, so it sees the state between two writes,
 * never half of one.
 *
 * <p>Readers never see a group past its expiry: the writer deletes expired groups on time, and in
 * the moment between a group's expiry and that deletion the reads here leave it out.
 */
final class StoreState {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<GroupingKey, GroupState> groups = new HashMap<>();
  private final TreeMap<String, FamilyIndex> families = new TreeMap<>(Utf8Order.COMPARATOR);
  private final ExpiryIndex expiries = new ExpiryIndex();
  private final OwnMetrics own;
  private final InstantSource clock;
  private volatile int groupCount;
  private volatile long seriesCount;
  private volatile Instant earliestExpiry = Instant.MAX;
  private volatile int groupsWithTtl;
  private volatile long expiredGroups;

  StoreState(OwnMetrics own, InstantSource clock) {
    this.own = own;
    this.clock = clock;
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

  GroupState createGroup(GroupingKey key, Labels pushLabels, GroupExpiry expiry) {
    GroupState g = new GroupState(key, pushLabels, expiry);
    groups.put(key, g);
    groupCount = groups.size();
    expiries.update(g);
    publishExpiries();
    return g;
  }

  /** Gives {@code g} another expiry (a push refreshed it, or set another TTL). */
  void setExpiry(GroupState g, GroupExpiry expiry) {
    g.expiry(expiry);
    expiries.update(g);
    publishExpiries();
  }

  /** The groups expired at {@code now}, soonest first. */
  List<GroupState> expiredAt(Instant now) {
    return expiries.expiredAt(now);
  }

  /** When the next group expires, if any has a TTL. */
  Optional<Instant> nextExpiry() {
    return expiries.earliest();
  }

  /** Counts groups the writer deleted because they expired. */
  void countExpired(int n) {
    expiredGroups += n;
  }

  private void publishExpiries() {
    earliestExpiry = expiries.earliest().orElse(Instant.MAX);
    groupsWithTtl = expiries.size();
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
    expiries.remove(g);
    publishExpiries();
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

  /** Copies of all groups not expired by now. */
  List<GroupSnapshot> snapshots() {
    return read(
        () -> {
          Optional<Instant> now = expiryDue();
          List<GroupSnapshot> out = new ArrayList<>(groups.size());
          for (GroupState g : groups.values()) {
            if (now.isEmpty() || !g.expiry().isExpiredAt(now.get())) {
              out.add(g.snapshot());
            }
          }
          return out;
        });
  }

  /**
   * What a scrape needs of every family with series, in name order, copied under the lock; series
   * of groups expired by now left out.
   */
  List<ScrapeFamily> scrapeFamilies() {
    return read(
        () -> {
          Optional<Instant> now = expiryDue();
          List<ScrapeFamily> out = new ArrayList<>(families.size());
          for (FamilyIndex idx : families.values()) {
            if (idx.hasSeries()) {
              Series[] series = idx.ordered();
              if (now.isPresent()) {
                series = withoutExpired(series, now.get());
              }
              if (series.length > 0) {
                out.add(
                    new ScrapeFamily(
                        idx.name(), idx.type(), idx.help(), unit(idx, series), series));
              }
            }
          }
          return out;
        });
  }

  // The time to filter reads by, in the moment a group is past its expiry but not yet deleted;
  // empty (nothing to filter, no clock read) in every other moment.
  private Optional<Instant> expiryDue() {
    Instant earliest = earliestExpiry;
    if (earliest.equals(Instant.MAX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return now.isAfter(earliest) ? Optional.of(now) : Optional.empty();
  }

  private static Series[] withoutExpired(Series[] series, Instant now) {
    List<Series> kept = new ArrayList<>(series.length);
    for (Series s : series) {
      if (!s.owner().expiry().isExpiredAt(now)) {
        kept.add(s);
      }
    }
    return kept.size() == series.length ? series : kept.toArray(new Series[0]);
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

  int groupsWithTtl() {
    return groupsWithTtl;
  }

  long expiredGroups() {
    return expiredGroups;
  }

  /** One family as a scrape writes it: merged across groups, HELP and TYPE decided. */
  record ScrapeFamily(
      String name, MetricType type, Optional<String> help, String unit, Series[] series) {}
}
