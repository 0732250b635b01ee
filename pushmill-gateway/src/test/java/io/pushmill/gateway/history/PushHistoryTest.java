package io.pushmill.gateway.history;

import static io.pushmill.gateway.history.HistoryFixtures.T0;
import static io.pushmill.gateway.history.HistoryFixtures.gauge;
import static io.pushmill.gateway.history.HistoryFixtures.labels;
import static io.pushmill.gateway.history.HistoryFixtures.millis;
import static io.pushmill.gateway.history.HistoryFixtures.push;
import static io.pushmill.gateway.history.HistoryFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.history.SeriesHistory.Sample;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.PushListener.Removal;
import io.pushmill.gateway.store.PushMode;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the history records from the store's reports, and how it bounds itself. */
class PushHistoryTest {
  static final GroupingKey JOB = GroupingKey.of("job", "batch");

  private final HistoryFixtures.Clock clock = new HistoryFixtures.Clock();

  private PushHistory history(int samples, Duration retention, long bytes) {
    return PushHistory.create(new HistoryOptions(samples, retention, bytes), clock);
  }

  private PushHistory history() {
    return PushHistory.create(HistoryOptions.defaults(), clock);
  }

  private static List<Sample> samples(PushHistory h, String name) {
    List<SeriesHistory> found = h.query(HistoryQuery.of(name, Map.of()));
    assertThat(found).as("series named " + name).hasSize(1);
    return found.getFirst().samples();
  }

  @Test
  void each_push_is_one_sample_per_series_at_the_push_time() {
    PushHistory h = history();
    Labels l = labels(JOB);
    MetricFamily summary =
        MetricFamily.of(
            "rpc",
            Optional.empty(),
            MetricType.SUMMARY,
            List.of(Metric.of(l, new MetricValue.Summary(4, 2.5, List.of(), Optional.empty()))));
    MetricFamily histogram =
        MetricFamily.of(
            "size",
            Optional.empty(),
            MetricType.HISTOGRAM,
            List.of(Metric.of(l, MetricValue.Histogram.classic(3, 9, List.of()))));
    clock.at(10);

    h.accepted(put(JOB, 1.5, gauge("m", JOB, 7), summary, histogram));

    assertThat(h.query(HistoryQuery.all()))
        .extracting(SeriesHistory::name)
        .containsExactly("m", "rpc_count", "rpc_sum", "size_count", "size_sum");
    assertThat(samples(h, "m")).containsExactly(new Sample(millis(1.5), 7));
    assertThat(samples(h, "rpc_count")).containsExactly(new Sample(millis(1.5), 4));
    assertThat(samples(h, "size_sum")).containsExactly(new Sample(millis(1.5), 9));
    assertThat(h.query(HistoryQuery.of("rpc", Map.of()))).hasSize(2);
  }

  @Test
  void a_series_keeps_at_most_its_samples_the_newest() {
    PushHistory h = history(5, Duration.ofDays(1), 1 << 20);
    for (int t = 1; t <= 8; t++) {
      h.accepted(put(JOB, t, gauge("m", JOB, t)));
    }
    clock.at(9);

    assertThat(samples(h, "m")).extracting(Sample::value).containsExactly(4.0, 5.0, 6.0, 7.0, 8.0);
    assertThat(h.stats().entries()).isEqualTo(5);
  }

  @Test
  void samples_older_than_the_retention_are_neither_kept_nor_shown() {
    PushHistory h = history(100, Duration.ofSeconds(60), 1 << 20);
    h.accepted(put(JOB, 0, gauge("m", JOB, 1)));
    h.accepted(put(JOB, 30, gauge("m", JOB, 2)));
    clock.at(70);
    assertThat(samples(h, "m")).extracting(Sample::value).containsExactly(2.0);

    h.accepted(put(JOB, 70, gauge("m", JOB, 3)));

    assertThat(h.stats().entries()).isEqualTo(2);
    assertThat(samples(h, "m")).extracting(Sample::value).containsExactly(2.0, 3.0);
  }

  @Test
  void the_byte_bound_holds_after_every_push_by_giving_each_series_fewer_samples() {
    long max = 64 * 1024;
    PushHistory h = history(4096, Duration.ofDays(1), max);
    for (int round = 0; round < 200; round++) {
      for (int i = 0; i < 20; i++) {
        GroupingKey k = GroupingKey.of("job", "j" + i);
        h.accepted(put(k, round, gauge("m", k, round)));
        assertThat(h.stats().bytes()).isLessThanOrEqualTo(max);
      }
    }
    clock.at(200);

    assertThat(h.stats().series()).isEqualTo(20);
    List<SeriesHistory> all = h.query(HistoryQuery.all());
    assertThat(all).hasSize(20).allMatch(s -> s.samples().size() > 100);
    assertThat(all).allMatch(s -> s.samples().getLast().value() == 199);
  }

  @Test
  void eviction_takes_removed_series_first_then_those_pushed_longest_ago() {
    PushHistory h = history(4, Duration.ofDays(1), 1 << 20);
    for (String job : List.of("a", "b", "c", "d")) {
      GroupingKey k = GroupingKey.of("job", job);
      h.accepted(put(k, 1, gauge("m", k, 1)));
    }
    h.accepted(put(GroupingKey.of("job", "a"), 2, gauge("m", GroupingKey.of("job", "a"), 2)));
    h.removed(GroupingKey.of("job", "c"), T0.plusSeconds(3), Removal.DELETED);
    long perSeries = h.stats().bytes() / 4;

    PushHistory small = history(4, Duration.ofDays(1), perSeries * 3);
    for (String job : List.of("a", "b", "c", "d")) {
      GroupingKey k = GroupingKey.of("job", job);
      small.accepted(put(k, 1, gauge("m", k, 1)));
    }
    small.accepted(put(GroupingKey.of("job", "a"), 2, gauge("m", GroupingKey.of("job", "a"), 2)));
    small.removed(GroupingKey.of("job", "c"), T0.plusSeconds(3), Removal.DELETED);
    GroupingKey e = GroupingKey.of("job", "e");
    small.accepted(put(e, 4, gauge("m", e, 1)));
    clock.at(5);

    // c was removed, so it went first; then b, the series pushed longest ago (a was pushed again).
    assertThat(small.query(HistoryQuery.all()))
        .extracting(s -> s.labels().get("job").orElseThrow())
        .containsExactly("a", "d", "e");
  }

  @Test
  void a_removed_group_keeps_its_history_but_is_never_current_again_until_pushed() {
    PushHistory h = history();
    h.accepted(put(JOB, 0, gauge("m", JOB, 1)));
    h.accepted(put(JOB, 5, gauge("m", JOB, 2)));
    h.removed(JOB, HistoryFixtures.at(T0, 7), Removal.EXPIRED);
    clock.at(20);

    SeriesHistory s = h.query(HistoryQuery.all()).getFirst();
    assertThat(s.current()).isFalse();
    assertThat(s.fresh()).isFalse();
    assertThat(s.samples()).extracting(Sample::value).containsExactly(1.0, 2.0);
    assertThat(s.removals()).containsExactly(millis(7));

    h.accepted(put(JOB, 21, gauge("m", JOB, 3)));
    clock.at(21);
    assertThat(h.query(HistoryQuery.all()).getFirst().current()).isTrue();
  }

  @Test
  void a_put_removes_the_series_it_no_longer_has_and_a_post_only_those_of_its_families() {
    PushHistory h = history();
    GroupingKey k = JOB;
    h.accepted(put(k, 0, gauge("a", k, 1), gauge("b", k, 1), gauge("c", k, 1)));
    h.accepted(push(k, 1, PushMode.MERGE, Duration.ZERO, gauge("a", k, 2)));
    h.accepted(push(k, 2, PushMode.REPLACE, Duration.ZERO, gauge("b", k, 3)));
    clock.at(3);

    Map<String, Boolean> current = new java.util.TreeMap<>();
    h.query(HistoryQuery.all()).forEach(s -> current.put(s.name(), s.current()));
    assertThat(current).isEqualTo(Map.of("a", false, "b", true, "c", false));
    assertThat(h.query(HistoryQuery.of("a", Map.of())).getFirst().removals())
        .containsExactly(millis(2));
  }

  @Test
  void a_query_selects_by_name_labels_and_time() {
    PushHistory h = history();
    GroupingKey other = GroupingKey.of("job", "other", "instance", "i1");
    for (int t = 0; t < 10; t++) {
      h.accepted(put(JOB, t, gauge("m", JOB, t), gauge("n", JOB, t)));
      h.accepted(put(other, t, gauge("m", other, t)));
    }
    clock.at(10);

    assertThat(h.query(HistoryQuery.of("m", Map.of("job", "other")))).hasSize(1);
    assertThat(h.query(HistoryQuery.of("m", Map.of("instance", "")))).hasSize(1);
    assertThat(h.query(HistoryQuery.of("m", Map.of("nope", "x")))).isEmpty();
    assertThat(
            h.query(
                new HistoryQuery(
                    Optional.empty(), Map.of("job", "batch"), Optional.empty(), Optional.empty())))
        .hasSize(2);
    HistoryQuery window =
        new HistoryQuery(
            Optional.of("n"),
            Map.of(),
            Optional.of(T0.plusSeconds(3)),
            Optional.of(T0.plusSeconds(5)));
    assertThat(h.query(window).getFirst().samples())
        .extracting(Sample::value)
        .containsExactly(3.0, 4.0, 5.0);
  }

  @Test
  void a_disabled_history_keeps_nothing() {
    PushHistory h = PushHistory.create(HistoryOptions.off(), clock);
    h.accepted(put(JOB, 0, gauge("m", JOB, 1)));
    h.removed(JOB, Instant.EPOCH, Removal.WIPED);

    assertThat(h.enabled()).isFalse();
    assertThat(h.query(HistoryQuery.all())).isEmpty();
    assertThat(h.stats()).isEqualTo(new HistoryStats(0, 0, 0, HistoryOptions.DEFAULT_MAX_BYTES));
  }
}
