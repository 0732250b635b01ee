package io.pushmill.gateway.http;

import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.MetricStore;
import io.pushmill.gateway.store.PushMode;
import io.pushmill.gateway.store.PushOutcome;
import io.pushmill.gateway.store.PushRequest;
import io.pushmill.gateway.store.StoreStats;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.Utf8Order;
import io.pushmill.metrics.text.NameEscaping;
import io.pushmill.metrics.text.TextWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An in-memory store for handler tests: it records what the handlers submit, answers pushes with a
 * settable outcome, and keeps groups well enough (grouping labels set, {@code instance=""} added,
 * {@code push_time_seconds}) for round trips through a scrape. No consistency check.
 */
public final class FakeMetricStore implements MetricStore {
  public final List<PushRequest> pushes = new ArrayList<>();
  public final List<PushRequest> uncheckedPushes = new ArrayList<>();
  public final List<GroupingKey> deletes = new ArrayList<>();
  public int wipes;
  public boolean healthy = true;
  public boolean closed;
  public Function<PushRequest, PushOutcome> outcome = r -> PushOutcome.accepted();
  private final Map<GroupingKey, Map<String, StoredFamily>> groups = new LinkedHashMap<>();
  private final Map<GroupingKey, GroupExpiry> expiries = new LinkedHashMap<>();

  @Override
  public synchronized PushOutcome push(PushRequest request) {
    pushes.add(request);
    PushOutcome o = outcome.apply(request);
    if (o instanceof PushOutcome.Accepted) {
      apply(request);
    }
    return o;
  }

  @Override
  public synchronized void pushWithoutWaiting(PushRequest request) {
    uncheckedPushes.add(request);
    apply(request);
  }

  @Override
  public synchronized void delete(GroupingKey key) {
    deletes.add(key);
    groups.remove(key);
  }

  @Override
  public synchronized void wipe() {
    wipes++;
    groups.clear();
  }

  /** Puts a group as it is, for API and UI tests. */
  public synchronized void put(GroupSnapshot group) {
    groups.put(group.key(), new LinkedHashMap<>(group.families()));
    expiries.put(group.key(), group.expiry());
  }

  private void apply(PushRequest r) {
    Map<String, StoredFamily> g = groups.computeIfAbsent(r.key(), k -> new LinkedHashMap<>());
    if (r.mode() == PushMode.REPLACE) {
      g.keySet().removeIf(n -> !n.equals(PUSH_TIME) && !n.equals(PUSH_FAILURE_TIME));
    }
    r.families()
        .forEach((name, f) -> g.put(name, new StoredFamily(r.time(), sanitize(f, r.key()))));
    double seconds = r.time().getEpochSecond() + r.time().getNano() / 1e9;
    g.put(PUSH_TIME, pushFamily(PUSH_TIME, r, seconds));
    g.putIfAbsent(PUSH_FAILURE_TIME, pushFamily(PUSH_FAILURE_TIME, r, 0));
  }

  private static StoredFamily pushFamily(String name, PushRequest r, double value) {
    Labels labels = sanitizeLabels(Labels.EMPTY, r.key());
    MetricFamily f =
        MetricFamily.of(
            name,
            Optional.of(
                "Last Unix time when changing this group in the Pushgateway "
                    + (name.equals(PUSH_TIME) ? "succeeded." : "failed.")),
            MetricType.GAUGE,
            List.of(Metric.of(labels, new MetricValue.Gauge(value))));
    return new StoredFamily(r.time(), f);
  }

  private static MetricFamily sanitize(MetricFamily f, GroupingKey key) {
    List<Metric> metrics = new ArrayList<>();
    for (Metric m : f.metrics()) {
      metrics.add(m.withLabels(sanitizeLabels(m.labels(), key)));
    }
    return f.withMetrics(metrics);
  }

  private static Labels sanitizeLabels(Labels labels, GroupingKey key) {
    Labels out = labels;
    for (int i = 0; i < key.labels().size(); i++) {
      out = out.with(key.labels().name(i), key.labels().value(i));
    }
    return out.contains("instance") ? out : out.with("instance", "");
  }

  @Override
  public synchronized List<GroupSnapshot> groups() {
    List<GroupSnapshot> out = new ArrayList<>();
    groups.forEach(
        (k, v) -> {
          GroupSnapshot g = new GroupSnapshot(k, v);
          out.add(expiries.containsKey(k) ? g.withExpiry(expiries.get(k)) : g);
        });
    return out;
  }

  @Override
  public synchronized StoreStats stats() {
    return new StoreStats(groups.size(), 0, 0);
  }

  @Override
  public void writeText(OutputStream out, List<MetricFamily> own, boolean escapeNames)
      throws IOException {
    TextWriter.write(
        out,
        gather(own),
        escapeNames ? NameEscaping.Scheme.UNDERSCORES : NameEscaping.Scheme.ALLOW_UTF8);
  }

  @Override
  public synchronized List<MetricFamily> gather(List<MetricFamily> own) {
    Map<String, MetricFamily> merged = new TreeMap<>(Utf8Order.COMPARATOR);
    for (MetricFamily f : own) {
      merged.put(f.name(), f);
    }
    for (Map<String, StoredFamily> g : groups.values()) {
      for (StoredFamily s : g.values()) {
        MetricFamily f = s.family();
        MetricFamily prev = merged.get(f.name());
        if (prev == null) {
          merged.put(f.name(), f);
        } else {
          List<Metric> all = new ArrayList<>(prev.metrics());
          all.addAll(f.metrics());
          merged.put(f.name(), prev.withMetrics(all));
        }
      }
    }
    List<MetricFamily> out = new ArrayList<>();
    for (MetricFamily f : merged.values()) {
      List<Metric> sorted = new ArrayList<>(f.metrics());
      sorted.sort(Comparator.comparing(Metric::labels));
      out.add(f.withMetrics(sorted));
    }
    return out;
  }

  @Override
  public boolean healthy() {
    return healthy;
  }

  @Override
  public void close() {
    closed = true;
  }
}
