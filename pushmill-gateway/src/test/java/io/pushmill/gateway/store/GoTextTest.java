package io.pushmill.gateway.store;

import static io.pushmill.gateway.store.Pushes.counter;
import static io.pushmill.gateway.store.Pushes.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's quoting and the compact DTO text that upstream's consistency errors contain. */
class GoTextTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "1|plain|'\"plain\"'",
        "2|'a\"b\\c'|'\"a\\\"b\\\\c\"'",
        "3|'tab\there'|'\"tab\\there\"'",
        "4|ünï ☃|'\"ünï ☃\"'",
        "5|'\udcff'|'\"\\xff\"'",
        "6|'\u0001'|'\"\\x01\"'",
        "7|'\u200b'|'\"\\u200b\"'"
      })
  void strings_are_quoted_as_go_quotes_them(int no, String in, String expected) {
    assertThat(GoText.quote(in)).isEqualTo(expected);
  }

  @Test
  void a_metric_is_printed_in_the_compact_text_form_of_its_dto() {
    Metric m = counter(1, "instance", "", "job", "tc1");

    assertThat(GoText.metric("tcm", m))
        .isEqualTo(
            "\"tcm\" { label:<name:\"instance\" value:\"\" > label:<name:\"job\" value:\"tc1\" >"
                + " counter:<value:1 > }");
  }

  @Test
  void summaries_histograms_and_odd_strings_print_field_by_field() {
    Metric s =
        Metric.of(
            Labels.of("v", "ü\n"),
            new MetricValue.Summary(
                5, 10, List.of(new MetricValue.Quantile(0.5, Double.NaN)), Optional.empty()));
    Metric h =
        Metric.of(
            Labels.EMPTY,
            MetricValue.Histogram.classic(
                3, 4.5, List.of(MetricValue.Bucket.of(Double.POSITIVE_INFINITY, 3))));

    assertThat(GoText.metric("s", s))
        .isEqualTo(
            "\"s\" { label:<name:\"v\" value:\"\\303\\274\\n\" > summary:<sample_count:5"
                + " sample_sum:10 quantile:<quantile:0.5 value:nan > > }");
    assertThat(GoText.metric("h", h))
        .isEqualTo(
            "\"h\" { histogram:<sample_count:3 sample_sum:4.5 bucket:<cumulative_count:3"
                + " upper_bound:inf > > }");
    assertThat(GoText.metric("e", summary(0, 0))).contains("sample_count:0 sample_sum:0 > }");
  }
}
