package io.pushmill.gateway.store;

import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.Utf8Order;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Lines up the store's families and the process's own families by name (byte order), the way
 * upstream's gather merges its own registry with the store: a name present on both sides is one
 * family with the own HELP and TYPE and the metrics of both, sorted together.
 */
final class ScrapeMerge {
  private ScrapeMerge() {}

  /** One name of the merged scrape: the store's part, the own part, or both. */
  record Entry(Optional<StoreState.ScrapeFamily> stored, Optional<MetricFamily> own) {}

  static void forEach(
      List<StoreState.ScrapeFamily> stored, List<MetricFamily> own, Consumer<Entry> action) {
    Iterator<MetricFamily> o = byName(own).values().iterator();
    Iterator<StoreState.ScrapeFamily> s = stored.iterator();
    MetricFamily nextOwn = o.hasNext() ? o.next() : null;
    StoreState.ScrapeFamily nextStored = s.hasNext() ? s.next() : null;
    while (nextOwn != null || nextStored != null) {
      int c =
          nextOwn == null
              ? 1
              : nextStored == null ? -1 : Utf8Order.compare(nextOwn.name(), nextStored.name());
      action.accept(
          new Entry(
              c >= 0 ? Optional.of(nextStored) : Optional.empty(),
              c <= 0 ? Optional.of(nextOwn) : Optional.empty()));
      if (c <= 0) {
        nextOwn = o.hasNext() ? o.next() : null;
      }
      if (c >= 0) {
        nextStored = s.hasNext() ? s.next() : null;
      }
    }
  }

  // Own families by name, a repeated name merged into the first, metrics sorted as a scrape wants.
  private static Map<String, MetricFamily> byName(List<MetricFamily> own) {
    Map<String, MetricFamily> map = new TreeMap<>(Utf8Order.COMPARATOR);
    for (MetricFamily f : own) {
      map.merge(f.name(), f, (a, b) -> a.withMetrics(concat(a.metrics(), b.metrics())));
    }
    map.replaceAll((name, f) -> f.withMetrics(sorted(f.metrics())));
    return map;
  }

  private static List<Metric> concat(List<Metric> a, List<Metric> b) {
    List<Metric> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<Metric> sorted(List<Metric> metrics) {
    List<Metric> copy = new ArrayList<>(metrics);
    copy.sort((x, y) -> FamilyIndex.SERIES_ORDER.compare(x.labels(), y.labels()));
    return copy;
  }

  /**
   * Walks own metrics and stored series of one name in scrape order, own first on equal labels;
   * {@code ownAction} gets an own metric, {@code storedAction} a stored series.
   */
  static void interleave(
      List<Metric> own,
      Series[] stored,
      Consumer<Metric> ownAction,
      Consumer<Series> storedAction) {
    int i = 0;
    int j = 0;
    while (i < own.size() || j < stored.length) {
      boolean takeOwn =
          j == stored.length
              || (i < own.size()
                  && FamilyIndex.SERIES_ORDER.compare(
                          own.get(i).labels(), stored[j].metric().labels())
                      <= 0);
      if (takeOwn) {
        ownAction.accept(own.get(i++));
      } else {
        storedAction.accept(stored[j++]);
      }
    }
  }
}
