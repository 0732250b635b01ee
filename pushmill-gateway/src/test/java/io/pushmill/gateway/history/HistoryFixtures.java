package io.pushmill.gateway.history;

import io.pushmill.gateway.store.AcceptedPush;
import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.PushMode;
import io.pushmill.gateway.store.TtlSource;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** Pushes as the store reports them, on a clock the test sets, in seconds from {@link #T0}. */
final class HistoryFixtures {
  static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

  private HistoryFixtures() {}

  /** A clock the test sets. */
  static final class Clock implements InstantSource {
    volatile Instant now = T0;

    @Override
    public Instant instant() {
      return now;
    }

    void at(double seconds) {
      now = HistoryFixtures.at(T0, seconds);
    }
  }

  static Instant at(Instant base, double seconds) {
    return base.plusMillis(Math.round(seconds * 1000));
  }

  static long millis(double seconds) {
    return at(T0, seconds).toEpochMilli();
  }

  static AcceptedPush push(
      GroupingKey key, double seconds, PushMode mode, Duration ttl, MetricFamily... families) {
    Instant t = at(T0, seconds);
    GroupExpiry e = ttl.isZero() ? GroupExpiry.none(t) : GroupExpiry.of(ttl, TtlSource.URL, t);
    return new AcceptedPush(key, t, mode, List.of(families), e);
  }

  static AcceptedPush put(GroupingKey key, double seconds, MetricFamily... families) {
    return push(key, seconds, PushMode.REPLACE, Duration.ZERO, families);
  }

  /** A gauge family with one series labelled with the key's labels plus {@code instance=""}. */
  static MetricFamily gauge(String name, GroupingKey key, double value) {
    return MetricFamily.of(
        name,
        Optional.empty(),
        MetricType.GAUGE,
        List.of(Metric.of(labels(key), new MetricValue.Gauge(value))));
  }

  static Labels labels(GroupingKey key) {
    return key.labels().contains("instance") ? key.labels() : key.labels().with("instance", "");
  }
}
