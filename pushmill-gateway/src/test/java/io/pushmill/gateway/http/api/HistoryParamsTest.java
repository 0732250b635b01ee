package io.pushmill.gateway.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.gateway.history.HistoryQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The query parameters of {@code /api/v1/history}, as a numbered table. */
class HistoryParamsTest {
  record Row(int n, Map<String, List<String>> params, HistoryQuery query, String error) {
    @Override
    public String toString() {
      return n + ": " + params;
    }
  }

  private static Row ok(int n, Map<String, List<String>> params, HistoryQuery query) {
    return new Row(n, params, query, null);
  }

  private static Row fails(int n, Map<String, List<String>> params, String error) {
    return new Row(n, params, null, error);
  }

  private static HistoryQuery query(
      String name, Map<String, String> labels, Instant start, Instant end) {
    return new HistoryQuery(
        Optional.ofNullable(name), labels, Optional.ofNullable(start), Optional.ofNullable(end));
  }

  static Stream<Row> rows() {
    Instant t = Instant.parse("2026-11-25T12:00:00.5Z");
    return Stream.of(
        ok(1, Map.of(), HistoryQuery.all()),
        ok(2, Map.of("match", List.of("m")), query("m", Map.of(), null, null)),
        ok(
            3,
            Map.of("match", List.of("m"), "job", List.of("u/a"), "instance", List.of("")),
            query("m", Map.of("job", "u/a", "instance", ""), null, null)),
        ok(4, Map.of("start", List.of("1795608000.5")), query(null, Map.of(), t, null)),
        ok(5, Map.of("end", List.of("2026-11-25T12:00:00.5Z")), query(null, Map.of(), null, t)),
        ok(
            6,
            Map.of("start", List.of("1795608000.5"), "end", List.of("1795608000.5")),
            query(null, Map.of(), t, t)),
        fails(7, Map.of("match", List.of("")), "match must name a metric"),
        fails(8, Map.of("match", List.of("a", "b")), "parameter match is given 2 times"),
        fails(9, Map.of("job", List.of("a", "b")), "parameter job is given 2 times"),
        fails(
            10,
            Map.of("start", List.of("yesterday")),
            "invalid start \"yesterday\": want Unix seconds or an RFC 3339 time"),
        fails(
            11,
            Map.of("start", List.of("1795608001"), "end", List.of("1795608000")),
            "end must not be before start"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void history_parameters(Row row) {
    if (row.error() != null) {
      assertThatThrownBy(() -> HistoryParams.parse(row.params()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(row.error());
    } else {
      assertThat(HistoryParams.parse(row.params())).isEqualTo(row.query());
    }
  }
}
