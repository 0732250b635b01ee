package io.pushmill.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.metrics.Labels;
import io.pushmill.server.ui.view.Format;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      1 | 42                 | 42
      2 | -3                 | -3
      3 | 6.25               | 6.25
      4 | 0.1                | 0.1
      5 | 1795622400.123     | 1795622400.123
      6 | 0.0001             | 1.0e-4
      7 | 1e20               | 1.0e20
      8 | NaN                | NaN
      9 | Infinity           | +Inf
     10 | -Infinity          | -Inf
     11 | 0                  | 0
     12 | 0.30000000000000004 | 0.30000000000000004
      """)
  void a_number_reads_as_a_person_expects(int n, double value, String text) {
    assertThat(Format.number(value)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}: {1} ms -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      1 | 0         | 0 ms
      2 | 850       | 850 ms
      3 | 3200      | 3.2 s
      4 | 125000    | 2 min 5 s
      5 | 3840000   | 1 h 4 min
      """)
  void a_duration_uses_the_unit_that_fits(int n, long millis, String text) {
    assertThat(Format.duration(millis)).isEqualTo(text);
  }

  @Test
  void an_age_counts_back_or_forward_in_the_coarsest_unit() {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    assertThat(Format.age(now.minusSeconds(5), now)).isEqualTo("5 s ago");
    assertThat(Format.age(now.minusSeconds(185), now)).isEqualTo("3 min ago");
    assertThat(Format.age(now.plusSeconds(7200), now)).isEqualTo("in 2 h");
    assertThat(Format.age(now.minusSeconds(3 * 86_400), now)).isEqualTo("3 d ago");
    assertThat(Format.time(now)).isEqualTo("2026-11-25 12:00:00 UTC");
  }

  @Test
  void labels_are_written_sorted_with_quoted_values() {
    assertThat(Format.labels(Labels.of("job", "a", "instance", "b")))
        .isEqualTo("{instance=\"b\", job=\"a\"}");
    assertThat(Format.labels(Labels.EMPTY)).isEqualTo("{}");
  }
}
