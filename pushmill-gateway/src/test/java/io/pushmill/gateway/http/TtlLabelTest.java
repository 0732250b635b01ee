package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.gateway.http.gocompat.GoPath;
import io.pushmill.gateway.store.GroupingKey;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The push URL's {@code __ttl__} pseudo-label: values, placement, {@code @base64}, and errors.
 * Label paths are given as sent, percent-encoded; the job is always {@code j}.
 */
class TtlLabelTest {
  private static final GroupingKeyParser PARSER = new GroupingKeyParser(false);
  private static final GroupingKeyParser UTF8_PARSER = new GroupingKeyParser(true);

  record Row(int n, String labels, GroupingKey key, Optional<Duration> ttl, String error) {
    @Override
    public String toString() {
      return n + ": " + labels;
    }
  }

  private static Row ok(int n, String labels, Duration ttl, String... key) {
    return new Row(n, labels, GroupingKey.of(key), Optional.ofNullable(ttl), null);
  }

  private static Row fails(int n, String labels, String error) {
    return new Row(n, labels, null, Optional.empty(), error);
  }

  static Stream<Row> rows() {
    return Stream.of(
        ok(1, "", null, "job", "j"),
        ok(2, "/__ttl__/30s", Duration.ofSeconds(30), "job", "j"),
        ok(3, "/instance/i/__ttl__/5m", Duration.ofMinutes(5), "job", "j", "instance", "i"),
        ok(4, "/__ttl__/1h30m/instance/i", Duration.ofMinutes(90), "job", "j", "instance", "i"),
        ok(5, "/__ttl__/1.5h", Duration.ofMinutes(90), "job", "j"),
        ok(6, "/__ttl__/500ms", Duration.ofMillis(500), "job", "j"),
        ok(7, "/__ttl__/30", Duration.ofSeconds(30), "job", "j"),
        ok(8, "/__ttl__/2.5", Duration.ofMillis(2500), "job", "j"),
        ok(9, "/__ttl__/0", Duration.ZERO, "job", "j"),
        ok(10, "/__ttl__/0s", Duration.ZERO, "job", "j"),
        ok(11, "/__ttl__@base64/MzBz", Duration.ofSeconds(30), "job", "j"),
        ok(12, "/__ttl__/10s/__ttl__/20s", Duration.ofSeconds(20), "job", "j"),
        ok(13, "/__ttl__/%33%30s", Duration.ofSeconds(30), "job", "j"),
        fails(
            14,
            "/__ttl__/soon",
            "invalid __ttl__ \"soon\": want a duration such as 30s, 5m or 1h30m, or a number of"
                + " seconds"),
        fails(15, "/__ttl__/-5s", "invalid __ttl__ \"-5s\": a TTL cannot be negative"),
        fails(
            16,
            "/__ttl__/-5",
            "invalid __ttl__ \"-5\": want a duration such as 30s, 5m or 1h30m, or a number of"
                + " seconds"),
        fails(
            17,
            "/__ttl__@base64/=",
            "invalid __ttl__ \"\": want a duration such as 30s, 5m or 1h30m, or a number of"
                + " seconds"),
        fails(
            18,
            "/__ttl__@base64/!",
            "invalid base64 encoding for label __ttl__=\"!\": illegal base64 data at input byte 0"),
        fails(19, "/__ttl__/99999999999999", "invalid __ttl__ \"99999999999999\": too long"),
        fails(20, "/__ttl__", "odd number of components in label string \"/__ttl__\""),
        fails(21, "/__other__/x", "improper label name \"__other__\""),
        fails(22, "/__TTL__/30s", "improper label name \"__TTL__\""),
        fails(23, "/a-b/1/__ttl__/bad", "improper label name \"a-b\""),
        fails(
            24,
            "/__ttl__/bad/a-b/1",
            "invalid __ttl__ \"bad\": want a duration such as 30s, 5m or 1h30m, or a number of"
                + " seconds"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void the_ttl_pseudo_label(Row row) {
    byte[] labels = GoPath.bytes(GoPath.decode(row.labels()).orElseThrow());
    if (row.error() != null) {
      assertThatThrownBy(() -> PARSER.parseTarget(false, "j".getBytes(), labels))
          .isInstanceOf(BadRequestException.class)
          .hasMessage(row.error());
      return;
    }
    PushTarget target = PARSER.parseTarget(false, "j".getBytes(), labels);
    assertThat(target.key()).isEqualTo(row.key());
    assertThat(target.ttl()).isEqualTo(row.ttl());
    assertThat(PARSER.parse(false, "j".getBytes(), labels)).isEqualTo(row.key());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void the_ttl_pseudo_label_is_the_same_with_utf8_names(Row row) {
    byte[] labels = GoPath.bytes(GoPath.decode(row.labels()).orElseThrow());
    if (row.error() == null) {
      assertThat(UTF8_PARSER.parseTarget(false, "j".getBytes(), labels))
          .isEqualTo(new PushTarget(row.key(), row.ttl()));
    } else if (!row.error().contains("a-b")) {
      assertThatThrownBy(() -> UTF8_PARSER.parseTarget(false, "j".getBytes(), labels))
          .hasMessage(row.error());
    }
  }
}
