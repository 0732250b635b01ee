package io.pushmill.gateway.http.api;

import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.gateway.http.gocompat.GoJson;
import io.pushmill.gateway.http.gocompat.GoTime;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.text.GoFloat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of {@code /api/v1/status} and {@code /api/v1/metrics}, byte for byte as upstream's
 * {@code api/v1} package marshals them: {@code {"status":"success","data":…}}, every number as a
 * string in Go's {@code %v} form, map keys sorted, times in RFC 3339 with nanoseconds.
 */
public final class ApiJson {
  private ApiJson() {}

  /** {@code build_information}, {@code flags} and {@code start_time}. */
  public static String status(BuildInfo build, Map<String, String> flags, Instant startTime) {
    Map<String, Object> data = new HashMap<>();
    data.put("build_information", build.asMap());
    data.put("flags", flags);
    data.put("start_time", GoTime.rfc3339Nano(startTime));
    return success(data);
  }

  /**
   * One object per group: its labels, whether the last push succeeded, and its families; plus, for
   * a group with a TTL, {@value ExpiryFields#KEY} (a family of that name wins).
   */
  public static String metrics(List<GroupSnapshot> groups) {
    List<Object> data = new ArrayList<>(groups.size());
    for (GroupSnapshot g : groups) {
      Map<String, Object> group = new HashMap<>();
      group.put("labels", g.key().labels().asMap());
      group.put("last_push_successful", g.lastPushSuccessful());
      ExpiryFields.of(g.expiry()).ifPresent(e -> group.put(ExpiryFields.KEY, e));
      g.families().forEach((name, family) -> group.put(name, family(family)));
      data.add(group);
    }
    return success(data);
  }

  /** Upstream's envelope around {@code data}. */
  static String success(Object data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("status", "success");
    envelope.put("data", data);
    return GoJson.write(new GoJson.Ordered(envelope));
  }

  private static GoJson.Ordered family(StoredFamily stored) {
    MetricFamily f = stored.family();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("time_stamp", GoTime.rfc3339Nano(stored.timestamp()));
    fields.put("type", f.type().name());
    f.help().filter(h -> !h.isEmpty()).ifPresent(h -> fields.put("help", h));
    List<Object> metrics = new ArrayList<>(f.metrics().size());
    for (Metric m : f.metrics()) {
      metrics.add(metric(m, f.type()));
    }
    fields.put("metrics", metrics);
    return new GoJson.Ordered(fields);
  }

  private static Map<String, Object> metric(Metric m, MetricType type) {
    Map<String, Object> out = new HashMap<>();
    out.put("labels", m.labels().asMap());
    switch (type) {
      case SUMMARY -> summary(out, m.value());
      case HISTOGRAM -> histogram(out, m.value());
      default -> out.put("value", GoFloat.formatG(simpleValue(m.value())));
    }
    return out;
  }

  private static void summary(Map<String, Object> out, MetricValue value) {
    Map<String, String> quantiles = new HashMap<>();
    long count = 0;
    double sum = 0;
    if (value instanceof MetricValue.Summary s) {
      for (MetricValue.Quantile q : s.quantiles()) {
        quantiles.put(GoFloat.formatG(q.quantile()), GoFloat.formatG(q.value()));
      }
      count = s.count();
      sum = s.sum();
    }
    out.put("quantiles", quantiles);
    out.put("count", Long.toUnsignedString(count));
    out.put("sum", GoFloat.formatG(sum));
  }

  private static void histogram(Map<String, Object> out, MetricValue value) {
    MetricValue.Histogram h =
        value instanceof MetricValue.Histogram hist
            ? hist
            : MetricValue.Histogram.classic(0, 0, List.of());
    out.put("sum", GoFloat.formatG(h.sum()));
    if (NativeBuckets.isNative(h)) {
      out.put(
          "count",
          NativeBuckets.isFloat(h) ? GoFloat.formatG(h.countFloat()) : unsigned(h.count()));
      out.put("buckets", NativeBuckets.buckets(h));
      return;
    }
    Map<String, String> buckets = new HashMap<>();
    for (MetricValue.Bucket b : h.buckets()) {
      String count =
          b.cumulativeCountFloat() > 0
              ? GoFloat.formatG(b.cumulativeCountFloat())
              : unsigned(b.cumulativeCount());
      buckets.put(GoFloat.formatG(b.upperBound()), count);
    }
    out.put("buckets", buckets);
    out.put("count", h.countFloat() > 0 ? GoFloat.formatG(h.countFloat()) : unsigned(h.count()));
  }

  private static String unsigned(long v) {
    return Long.toUnsignedString(v);
  }

  /** Upstream's {@code getValue}: gauge, counter or untyped, else 0 (e.g. a gauge histogram). */
  private static double simpleValue(MetricValue v) {
    return switch (v) {
      case MetricValue.Gauge g -> g.value();
      case MetricValue.Counter c -> c.value();
      case MetricValue.Untyped u -> u.value();
      default -> 0;
    };
  }
}
