package io.pushmill.gateway.http.api;

import io.pushmill.gateway.history.HistoryStats;
import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.history.SeriesHistory;
import io.pushmill.gateway.http.gocompat.GoJson;
import io.pushmill.metrics.text.GoFloat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code GET /api/v1/history}, in upstream's envelope and Prometheus' shapes: each
 * series as {@code metric} (labels with {@code __name__}), {@code values} as {@code [unix seconds,
 * "value"]} pairs, and the instant view with {@code null} where the value went stale. See {@code
 * docs/api.md}.
 */
public final class HistoryJson {
  private HistoryJson() {}

  /** The answer for {@code series} read from {@code history}. */
  public static String body(PushHistory history, List<SeriesHistory> series) {
    HistoryStats stats = history.stats();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("enabled", history.enabled());
    data.put("max_samples_per_series", history.options().maxSamplesPerSeries());
    data.put("retention_seconds", ExpiryFields.seconds(history.options().retention()));
    data.put("bytes", stats.bytes());
    data.put("max_bytes", stats.maxBytes());
    data.put("series_count", stats.series());
    List<Object> result = new ArrayList<>(series.size());
    for (SeriesHistory s : series) {
      result.add(series(s));
    }
    data.put("result", result);
    return ApiJson.success(new GoJson.Ordered(data));
  }

  /** The error answer (status 400) for a bad query, as Prometheus' API words it. */
  public static String badData(String message) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("status", "error");
    envelope.put("errorType", "bad_data");
    envelope.put("error", message);
    return GoJson.write(new GoJson.Ordered(envelope));
  }

  private static GoJson.Ordered series(SeriesHistory s) {
    Map<String, Object> metric = new TreeMap<>(s.labels().asMap());
    metric.put("__name__", s.name());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("metric", metric);
    fields.put("family", s.family());
    fields.put("current", s.current());
    fields.put("fresh", s.fresh());
    s.freshFor().ifPresent(d -> fields.put("fresh_for_seconds", ExpiryFields.seconds(d)));
    List<Object> values = new ArrayList<>(s.samples().size());
    for (SeriesHistory.Sample p : s.samples()) {
      values.add(Arrays.asList(seconds(p.timeMillis()), GoFloat.formatG(p.value())));
    }
    fields.put("values", values);
    List<Object> instant = new ArrayList<>(s.instant().size());
    for (SeriesHistory.InstantPoint p : s.instant()) {
      String value = p.value().isPresent() ? GoFloat.formatG(p.value().getAsDouble()) : null;
      instant.add(Arrays.asList(seconds(p.timeMillis()), value));
    }
    fields.put("instant", instant);
    fields.put("removed", s.removals().stream().map(HistoryJson::seconds).toList());
    return new GoJson.Ordered(fields);
  }

  // Unix seconds with up to three decimals, as Prometheus writes sample times.
  private static BigDecimal seconds(long millis) {
    BigDecimal s = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
