package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.text.TextParseException;
import io.pushmill.metrics.text.TextParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small factories for pushes: text bodies parsed as the HTTP layer would, or model objects. */
final class Pushes {
  static final Instant T0 = Instant.parse("2026-11-25T12:00:00.123456789Z");

  private Pushes() {}

  static GroupingKey key(String... namesAndValues) {
    return GroupingKey.of(namesAndValues);
  }

  static Map<String, MetricFamily> text(String body) {
    try {
      return TextParser.parse(body.getBytes(StandardCharsets.UTF_8), false);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("test body does not parse: " + body, e);
    }
  }

  static PushRequest put(GroupingKey key, String body, Instant time) {
    return new PushRequest(key, text(body), PushMode.REPLACE, time);
  }

  static PushRequest post(GroupingKey key, String body, Instant time) {
    return new PushRequest(key, text(body), PushMode.MERGE, time);
  }

  static PushRequest put(GroupingKey key, Instant time, MetricFamily... families) {
    return new PushRequest(key, byName(families), PushMode.REPLACE, time);
  }

  static PushRequest post(GroupingKey key, Instant time, MetricFamily... families) {
    return new PushRequest(key, byName(families), PushMode.MERGE, time);
  }

  static Map<String, MetricFamily> byName(MetricFamily... families) {
    Map<String, MetricFamily> map = new LinkedHashMap<>();
    for (MetricFamily f : families) {
      map.put(f.name(), f);
    }
    return map;
  }

  /** A family as only a protobuf push can make it: any type with any values. */
  static MetricFamily family(String name, MetricType type, Metric... metrics) {
    return MetricFamily.of(name, Optional.empty(), type, List.of(metrics));
  }

  static Metric gauge(double v, String... labels) {
    return Metric.of(Labels.of(labels), new MetricValue.Gauge(v));
  }

  static Metric counter(double v, String... labels) {
    return Metric.of(Labels.of(labels), MetricValue.Counter.of(v));
  }

  static Metric untyped(double v, String... labels) {
    return Metric.of(Labels.of(labels), new MetricValue.Untyped(v));
  }

  static Metric summary(long count, double sum, String... labels) {
    return Metric.of(
        Labels.of(labels), new MetricValue.Summary(count, sum, List.of(), Optional.empty()));
  }

  static Metric histogram(String... labels) {
    return Metric.of(
        Labels.of(labels),
        MetricValue.Histogram.classic(1, 0.5, List.of(MetricValue.Bucket.of(1, 1))));
  }

  static String scrape(MetricStore store) {
    return scrape(store, List.of(), true);
  }

  static String scrape(MetricStore store, List<MetricFamily> own, boolean escapeNames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      store.writeText(out, own, escapeNames);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The value of the single series of a gauge family in a group, as stored. */
  static double gaugeValue(GroupSnapshot group, String family) {
    return ((MetricValue.Gauge) group.families().get(family).family().metrics().getFirst().value())
        .value();
  }
}
