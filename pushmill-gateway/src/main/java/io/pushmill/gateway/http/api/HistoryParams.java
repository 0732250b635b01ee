package io.pushmill.gateway.http.api;

import io.pushmill.gateway.history.HistoryQuery;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The query parameters of {@code GET /api/v1/history}: {@code match} (a family or sample name),
 * {@code start} and {@code end} (Unix seconds or RFC 3339, as Prometheus takes them), and any other
 * parameter as a label that the series must have with that value ({@code job=…}, {@code
 * instance=…}).
 */
public final class HistoryParams {
  /** Parameters that are not labels. */
  public static final List<String> RESERVED = List.of("match", "start", "end");

  private HistoryParams() {}

  /**
   * The query these parameters ask for.
   *
   * @throws IllegalArgumentException naming the bad parameter and value
   */
  public static HistoryQuery parse(Map<String, List<String>> params) {
    Map<String, String> labels = new TreeMap<>();
    params.forEach(
        (name, values) -> {
          if (!RESERVED.contains(name)) {
            labels.put(name, single(name, values));
          }
        });
    Optional<String> match = optional(params, "match");
    if (match.isPresent() && match.get().isEmpty()) {
      throw new IllegalArgumentException("match must name a metric");
    }
    Optional<Instant> start = optional(params, "start").map(v -> time("start", v));
    Optional<Instant> end = optional(params, "end").map(v -> time("end", v));
    if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
      throw new IllegalArgumentException("end must not be before start");
    }
    return new HistoryQuery(match, labels, start, end);
  }

  private static Optional<String> optional(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null ? Optional.empty() : Optional.of(single(name, values));
  }

  private static String single(String name, List<String> values) {
    if (values.size() != 1) {
      throw new IllegalArgumentException(
          "parameter " + name + " is given " + values.size() + " times");
    }
    return values.getFirst();
  }

  private static Instant time(String name, String value) {
    try {
      BigDecimal seconds = new BigDecimal(value);
      return Instant.ofEpochMilli(seconds.movePointRight(3).longValueExact());
    } catch (NumberFormatException | ArithmeticException | DateTimeException notSeconds) {
      try {
        return Instant.parse(value);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "invalid " + name + " \"" + value + "\": want Unix seconds or an RFC 3339 time");
      }
    }
  }
}
