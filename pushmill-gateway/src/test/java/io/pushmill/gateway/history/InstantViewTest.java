package io.pushmill.gateway.history;

import static io.pushmill.gateway.history.HistoryFixtures.gauge;
import static io.pushmill.gateway.history.HistoryFixtures.millis;
import static io.pushmill.gateway.history.HistoryFixtures.push;
import static io.pushmill.gateway.history.HistoryFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.PushListener.Removal;
import io.pushmill.gateway.store.PushMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's "instant" view: a value while fresh, nothing once stale, where fresh means within
 * the group's TTL, or else within one and a half push intervals.
 */
class InstantViewTest {
  static final GroupingKey JOB = GroupingKey.of("job", "u/admin/random_number_metric_script");

  private final HistoryFixtures.Clock clock = new HistoryFixtures.Clock();
  private final PushHistory history = PushHistory.create(HistoryOptions.defaults(), clock);

  /** Points as "seconds=value" or "seconds=-" for a gap, seconds from T0. */
  private List<String> instant(Optional<Instant> start) {
    SeriesHistory s =
        history
            .query(new HistoryQuery(Optional.empty(), java.util.Map.of(), start, Optional.empty()))
            .getFirst();
    return s.instant().stream()
        .map(
            p ->
                (p.timeMillis() - millis(0)) / 1000.0
                    + "="
                    + (p.value().isPresent() ? String.valueOf(p.value().getAsDouble()) : "-"))
        .toList();
  }

  private SeriesHistory series() {
    return history.query(HistoryQuery.all()).getFirst();
  }

  @Test
  void with_a_ttl_a_value_is_fresh_for_the_ttl_after_its_push() {
    for (int t : new int[] {0, 5, 10}) {
      history.accepted(push(JOB, t, PushMode.REPLACE, Duration.ofSeconds(7), gauge("m", JOB, t)));
    }
    clock.at(16);
    assertThat(series().fresh()).isTrue();
    assertThat(series().freshFor()).contains(Duration.ofSeconds(7));

    clock.at(30);

    assertThat(instant(Optional.empty()))
        .containsExactly("0.0=0.0", "5.0=5.0", "10.0=10.0", "17.0=-");
    assertThat(series().fresh()).isFalse();
    assertThat(series().current()).isTrue();
  }

  @Test
  void without_a_ttl_a_value_is_fresh_for_one_and_a_half_median_intervals() {
    for (int t : new int[] {0, 5, 10, 15, 35}) {
      history.accepted(put(JOB, t, gauge("m", JOB, t)));
    }
    clock.at(40);
    assertThat(series().freshFor()).contains(Duration.ofMillis(7500));
    assertThat(series().fresh()).isTrue();

    clock.at(43);

    // The schedule stopped between 15 and 35: the view has a gap from 22.5 on.
    assertThat(instant(Optional.empty()))
        .containsExactly(
            "0.0=0.0", "5.0=5.0", "10.0=10.0", "15.0=15.0", "22.5=-", "35.0=35.0", "42.5=-");
    assertThat(series().fresh()).isFalse();
  }

  @Test
  void a_value_stops_where_its_group_left_the_store() {
    for (int t : new int[] {0, 5, 10}) {
      history.accepted(push(JOB, t, PushMode.REPLACE, Duration.ofSeconds(30), gauge("m", JOB, t)));
    }
    history.removed(JOB, HistoryFixtures.at(HistoryFixtures.T0, 12), Removal.DELETED);
    clock.at(60);

    assertThat(instant(Optional.empty()))
        .containsExactly("0.0=0.0", "5.0=5.0", "10.0=10.0", "12.0=-");
    assertThat(series().fresh()).isFalse();
    assertThat(series().current()).isFalse();
  }

  @Test
  void a_single_push_without_a_ttl_stays_fresh_until_it_is_removed() {
    history.accepted(put(JOB, 0, gauge("m", JOB, 1)));
    clock.at(1000);
    assertThat(series().freshFor()).isEmpty();
    assertThat(series().fresh()).isTrue();
    assertThat(instant(Optional.empty())).containsExactly("0.0=1.0");
  }

  @Test
  void a_value_still_fresh_when_the_wanted_stretch_starts_is_shown_at_its_start() {
    for (int t : new int[] {0, 5, 10}) {
      history.accepted(push(JOB, t, PushMode.REPLACE, Duration.ofSeconds(7), gauge("m", JOB, t)));
    }
    clock.at(30);

    assertThat(instant(Optional.of(HistoryFixtures.at(HistoryFixtures.T0, 6))))
        .containsExactly("6.0=5.0", "10.0=10.0", "17.0=-");
    HistoryQuery after =
        new HistoryQuery(
            Optional.empty(),
            java.util.Map.of(),
            Optional.of(HistoryFixtures.at(HistoryFixtures.T0, 20)),
            Optional.empty());
    assertThat(history.query(after))
        .as("nothing in the stretch, nothing fresh at its start")
        .isEmpty();
  }
}
