package io.pushmill.gateway.history;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which series and which stretch of time a history read wants.
 *
 * @param name a family name ({@code job_records_processed}, {@code rpc_seconds}) or a sample name
 *     ({@code rpc_seconds_count}); empty for every series
 * @param labels label values the series must have (a missing label counts as the empty value)
 * @param start the first instant wanted; empty for the oldest kept
 * @param end the last instant wanted; empty for now
 */
public record HistoryQuery(
    Optional<String> name,
    Map<String, String> labels,
    Optional<Instant> start,
    Optional<Instant> end) {

  public HistoryQuery {
    if (name == null || labels == null || start == null || end == null) {
      throw new IllegalArgumentException("history query fields must not be null");
    }
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** Every series, all the time kept. */
  public static HistoryQuery all() {
    return new HistoryQuery(Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
  }

  /** The series of one family or sample name with these label values. */
  public static HistoryQuery of(String name, Map<String, String> labels) {
    return new HistoryQuery(Optional.of(name), labels, Optional.empty(), Optional.empty());
  }

  boolean matches(SeriesKey key) {
    if (name.isPresent() && !name.get().equals(key.family()) && !name.get().equals(key.name())) {
      return false;
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!key.labels().get(e.getKey()).orElse("").equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }
}
