package io.pushmill.gateway.persistence;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.MetricStore;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.MetricValue.Bucket;
import io.pushmill.metrics.MetricValue.BucketSpan;
import io.pushmill.metrics.MetricValue.Exemplar;
import io.pushmill.metrics.MetricValue.NativeBuckets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Groups as the store holds them, covering every kind of metric and timestamp. */
final class StoreGroups {
  /** A push instant with nanoseconds, written down in a zone far from UTC. */
  static final Instant PUSHED =
      LocalDateTime.of(2026, 11, 25, 23, 45, 1, 123_456_789)
          .atZone(ZoneId.of("Pacific/Kiritimati"))
          .toInstant();

  private StoreGroups() {}

  static List<GroupSnapshot> varied() {
    return List.of(everyKind(), failedPush(), oddLabels(), emptyGroup());
  }

  static GroupSnapshot group(GroupingKey key, StoredFamily... families) {
    Map<String, StoredFamily> byName = new LinkedHashMap<>();
    for (StoredFamily f : families) {
      byName.put(f.family().name(), f);
    }
    return new GroupSnapshot(key, byName);
  }

  static StoredFamily gauge(Instant at, String name, double value, String... labels) {
    return new StoredFamily(
        at,
        MetricFamily.of(
            name,
            Optional.empty(),
            MetricType.GAUGE,
            List.of(Metric.of(Labels.of(labels), new MetricValue.Gauge(value)))));
  }

  private static StoredFamily pushTimes(GroupingKey key, Instant at, String name, double seconds) {
    return gauge(
        at,
        name,
        seconds,
        flatten(key.labels().with("instance", key.labels().get("instance").orElse(""))));
  }

  private static String[] flatten(Labels labels) {
    String[] out = new String[labels.size() * 2];
    for (int i = 0; i < labels.size(); i++) {
      out[2 * i] = labels.name(i);
      out[2 * i + 1] = labels.value(i);
    }
    return out;
  }

  static GroupSnapshot everyKind() {
    GroupingKey key = GroupingKey.of("job", "batch", "instance", "host-1");
    Labels labels = Labels.of("instance", "host-1", "job", "batch");
    Exemplar exemplar =
        new Exemplar(Labels.of("trace_id", "abc"), 0.5, Optional.of(Instant.ofEpochSecond(-3, 7)));
    return group(
        key,
        pushTimes(key, PUSHED, MetricStore.PUSH_TIME, 1.7644716011234567e9),
        pushTimes(key, PUSHED, MetricStore.PUSH_FAILURE_TIME, 0),
        new StoredFamily(
            PUSHED,
            new MetricFamily(
                "jobs_total",
                Optional.of("Jobs done."),
                MetricType.COUNTER,
                "",
                List.of(
                    Metric.of(
                        labels,
                        new MetricValue.Counter(
                            12, Optional.of(exemplar), Optional.of(PUSHED.minusSeconds(60))))))),
        new StoredFamily(
            Instant.ofEpochSecond(-86_400 * 365L, 999_999_999),
            new MetricFamily(
                "rpc_seconds",
                Optional.of(""),
                MetricType.SUMMARY,
                "seconds",
                List.of(
                    Metric.of(
                        labels.with("q", "x"),
                        new MetricValue.Summary(
                            -1L,
                            3.5,
                            List.of(new MetricValue.Quantile(0.5, 0.1)),
                            Optional.of(Instant.EPOCH)))))),
        new StoredFamily(Instant.MAX, histograms(labels)),
        new StoredFamily(
            Instant.MIN,
            MetricFamily.of(
                "odd",
                Optional.empty(),
                MetricType.UNTYPED,
                List.of(
                    new Metric(labels, new MetricValue.Untyped(Double.NaN), OptionalLong.of(-1)),
                    Metric.of(labels.with("x", "1"), new MetricValue.Missing()),
                    Metric.of(
                        Labels.of(List.of("d", "d"), List.of("2", "1")),
                        new MetricValue.Gauge(-0.0))))));
  }

  private static MetricFamily histograms(Labels labels) {
    MetricValue.Histogram classic =
        new MetricValue.Histogram(
            10,
            0,
            4.5,
            List.of(
                Bucket.of(0.1, 3),
                new Bucket(
                    Double.POSITIVE_INFINITY,
                    10,
                    0,
                    Optional.of(new Exemplar(Labels.EMPTY, 9, Optional.empty())))),
            Optional.empty(),
            Optional.of(Instant.ofEpochSecond(1_700_000_000L, 1)),
            List.of());
    MetricValue.Histogram floatNative =
        new MetricValue.Histogram(
            0,
            20.5,
            99.25,
            List.of(new Bucket(1, 0, 2.5, Optional.empty())),
            Optional.of(
                new NativeBuckets(
                    -4,
                    0.001,
                    0,
                    0.5,
                    List.of(new BucketSpan(-1, 2)),
                    List.of(),
                    List.of(2.0, -2.0),
                    List.of(new BucketSpan(0, 1), new BucketSpan(3, 2)),
                    List.of(1L, 2L, -3L),
                    List.of())),
            Optional.empty(),
            List.of(new Exemplar(Labels.of("t", "1"), 1.5, Optional.of(PUSHED))));
    return new MetricFamily(
        "latency",
        Optional.of("Latency."),
        MetricType.HISTOGRAM,
        "",
        List.of(
            Metric.of(labels.with("kind", "classic"), classic),
            Metric.of(labels.with("kind", "native"), floatNative)));
  }

  /** A group created by a refused push: success time 0, failure time set. */
  static GroupSnapshot failedPush() {
    GroupingKey key = GroupingKey.of("job", "refused");
    return group(
        key,
        pushTimes(key, PUSHED, MetricStore.PUSH_TIME, 0),
        pushTimes(key, PUSHED, MetricStore.PUSH_FAILURE_TIME, 1.7956077904449205e9));
  }

  static GroupSnapshot oddLabels() {
    GroupingKey key =
        GroupingKey.of("job", "py/job", "empty", "", "path", "/var/tmp", "city", "Zürich 🏔");
    return group(key, gauge(Instant.EPOCH, "", 1), gauge(PUSHED, "a.b-c", 2, "dotted.name", "v"));
  }

  static GroupSnapshot emptyGroup() {
    return group(GroupingKey.of("job", "empty-put", "instance", ""));
  }
}
