package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.Utf8Order;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the store knows about one family name across all groups: its series in scrape order
 * (which doubles as the index of label sets for the duplicate check), how many groups hold a
 * family of this name and of which types, and which HELP and TYPE a scrape shows.
 *
 * <p>Only non-empty families count for the type and HELP, because only they reach a scrape; every
 * family, empty or not, counts for the name-suffix collisions, as in upstream's gather.
 */
final class FamilyIndex {
  /**
   * client_golang's order of the metrics in a family (label count, then values position by
   * position), made total by the label names so that it can key a sorted map.
   */
  static final Comparator<Labels> SERIES_ORDER =
      (a, b) -> {
        int c = a.compareTo(b);
        for (int i = 0; c == 0 && i < a.size(); i++) {
          c = Utf8Order.compare(a.name(i), b.name(i));
        }
        return c;
      };

  private static final Series[] NO_SERIES = {};
  private static final MetricType[] TYPES = MetricType.values();

  private final String name;
  private final TreeMap<Labels, Series> series = new TreeMap<>(SERIES_ORDER);
  private final int[] nonEmptyTypes = new int[TYPES.length];
  private final Map<Optional<String>, Integer> helps = new HashMap<>(2);
  private int families;
  private int summaries;
  private int histograms;
  private MetricType type = MetricType.UNTYPED;
  private Optional<String> help = Optional.empty();
  private volatile Series[] ordered;

  FamilyIndex(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /** The series with exactly these labels, from whichever group. */
  Optional<Series> series(Labels labels) {
    return Optional.ofNullable(series.get(labels));
  }

  void add(GroupState owner, StoredFamily f, byte[][] texts) {
    count(f, 1);
    var metrics = f.family().metrics();
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      // A loaded store may repeat a series; the first one stays, as a scrape must not repeat it.
      series.putIfAbsent(m.labels(), new Series(m, texts[i], owner));
    }
    ordered = null;
  }

  void remove(GroupState owner, StoredFamily f) {
    count(f, -1);
    for (Metric m : f.family().metrics()) {
      Series s = series.get(m.labels());
      if (s != null && s.owner() == owner) {
        series.remove(m.labels());
      }
    }
    ordered = null;
  }

  private void count(StoredFamily f, int delta) {
    families += delta;
    MetricType t = f.family().type();
    summaries += t == MetricType.SUMMARY ? delta : 0;
    histograms += t == MetricType.HISTOGRAM ? delta : 0;
    if (!f.family().metrics().isEmpty()) {
      nonEmptyTypes[t.ordinal()] += delta;
      helps.merge(f.family().help(), delta, (a, b) -> a + b == 0 ? null : a + b);
    }
  }

  /** How many groups hold a family of this name, {@code excluded} (if any) not counted. */
  int families(Optional<StoredFamily> excluded) {
    return families - (excluded.isPresent() ? 1 : 0);
  }

  /** Whether a remaining family of this name is declared a summary. */
  boolean hasSummary(Optional<StoredFamily> excluded) {
    return summaries - (declared(excluded, MetricType.SUMMARY) ? 1 : 0) > 0;
  }

  /** Whether a remaining family of this name is declared a histogram. */
  boolean hasHistogram(Optional<StoredFamily> excluded) {
    return histograms - (declared(excluded, MetricType.HISTOGRAM) ? 1 : 0) > 0;
  }

  private static boolean declared(Optional<StoredFamily> f, MetricType t) {
    return f.isPresent() && f.get().family().type() == t;
  }

  /** The type the other groups' non-empty families of this name have, {@code excluded} aside. */
  Optional<MetricType> establishedType(Optional<StoredFamily> excluded) {
    int[] counts = nonEmptyTypes.clone();
    excluded
        .filter(f -> !f.family().metrics().isEmpty())
        .ifPresent(f -> counts[f.family().type().ordinal()]--);
    return mostCommon(counts);
  }

  private static Optional<MetricType> mostCommon(int[] counts) {
    int best = -1;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
        best = i;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(TYPES[best]);
  }

  boolean isUnused() {
    return families == 0;
  }

  /**
   * Recomputes what a scrape shows after a change: the own metric's type and HELP when the name
   * is one of the process's own; otherwise the most common type, and the HELP most groups give
   * (on a tie a HELP before none, then the smaller in byte order).
   */
  void refresh(Optional<OwnMetrics.Shape> own) {
    if (own.isPresent()) {
      type = own.get().type();
      help = Optional.of(own.get().help());
      return;
    }
    type = mostCommon(nonEmptyTypes).orElse(MetricType.UNTYPED);
    Optional<String> best = Optional.empty();
    int bestCount = 0;
    for (Map.Entry<Optional<String>, Integer> e : helps.entrySet()) {
      if (e.getValue() > bestCount
          || (e.getValue() == bestCount && helpBefore(e.getKey(), best))) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    help = best;
  }

  private static boolean helpBefore(Optional<String> a, Optional<String> b) {
    if (a.isPresent() != b.isPresent()) {
      return a.isPresent();
    }
    return a.isPresent() && Utf8Order.compare(a.get(), b.get()) < 0;
  }

  MetricType type() {
    return type;
  }

  Optional<String> help() {
    return help;
  }

  boolean hasSeries() {
    return !series.isEmpty();
  }

  /**
   * The series in scrape order. Callers hold the state's read or write lock; the array is cached
   * until the next change, so scrapes of families that did not change copy nothing.
   */
  Series[] ordered() {
    Series[] a = ordered;
    if (a == null) {
      a = series.values().toArray(NO_SERIES);
      ordered = a;
    }
    return a;
  }
}
