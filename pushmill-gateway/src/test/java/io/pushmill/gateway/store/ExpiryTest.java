package io.pushmill.gateway.store;

import static io.pushmill.gateway.store.Pushes.T0;
import static io.pushmill.gateway.store.Pushes.key;
import static io.pushmill.gateway.store.Pushes.scrape;
import static io.pushmill.gateway.store.Pushes.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opt-in expiry: where a group's TTL comes from, when exactly it expires, what refreshes it, and
 * that a store nobody asked for expiry behaves as upstream's. The clock is set by hand; {@link
 * DefaultMetricStore#flush()} lets the writer do its timed work.
 */
class ExpiryTest {
  static final GroupingKey JOB = key("job", "batch");
  static final GroupingKey OTHER = key("job", "other");
  static final Duration TTL = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(T0);
  private final RecordingListener listener = new RecordingListener();
  private DefaultMetricStore store;

  private DefaultMetricStore open(Duration defaultTtl, TtlPolicy policy) throws IOException {
    store =
        new DefaultMetricStore(
            StorePersistence.none(),
            DefaultMetricStoreTest.OWN,
            new StoreOptions(Duration.ofMinutes(5), 1000, clock)
                .withDefaultTtl(defaultTtl)
                .withTtlPolicy(policy)
                .withListener(listener));
    return store;
  }

  private DefaultMetricStore open() throws IOException {
    return open(Duration.ZERO, TtlPolicy.none());
  }

  @AfterEach
  void close() throws InterruptedException {
    store.close();
  }

  static PushRequest push(GroupingKey key, Instant time, Optional<Duration> ttl) {
    return new PushRequest(key, text("m 1\n"), PushMode.REPLACE, time, ttl);
  }

  private boolean has(GroupingKey key) {
    return store.groups().stream().anyMatch(g -> g.key().equals(key));
  }

  private GroupExpiry expiry(GroupingKey key) {
    return store.groups().stream()
        .filter(g -> g.key().equals(key))
        .findFirst()
        .orElseThrow()
        .expiry();
  }

  @Test
  void a_url_ttl_keeps_the_group_exactly_until_its_ttl_has_passed() throws Exception {
    open().push(push(JOB, T0, Optional.of(TTL)));

    clock.advance(TTL);
    store.flush();
    assertThat(has(JOB)).isTrue();
    assertThat(scrape(store)).contains("m{instance=\"\",job=\"batch\"} 1\n");

    clock.advance(Duration.ofNanos(1));
    // Gone for readers at once, before the writer's sweep...
    assertThat(has(JOB)).isFalse();
    assertThat(scrape(store)).isEmpty();
    assertThat(store.gather(java.util.List.of())).isEmpty();
    // ...and deleted by it, counted and reported at the instant of expiry.
    store.flush();
    assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0, 1, 0));
    assertThat(listener.removed).containsExactly("EXPIRED {job=\"batch\"} at " + T0.plus(TTL));
  }

  static Stream<Object[]> precedence() {
    Duration url = Duration.ofSeconds(10);
    Duration policy = Duration.ofSeconds(20);
    Duration dflt = Duration.ofSeconds(40);
    return Stream.of(
        new Object[] {
          1, Optional.of(url), Optional.of(policy), dflt, Optional.of(url), TtlSource.URL
        },
        new Object[] {
          2, Optional.empty(), Optional.of(policy), dflt, Optional.of(policy), TtlSource.POLICY
        },
        new Object[] {
          3, Optional.empty(), Optional.empty(), dflt, Optional.of(dflt), TtlSource.DEFAULT
        },
        new Object[] {
          4, Optional.empty(), Optional.empty(), Duration.ZERO, Optional.empty(), TtlSource.NONE
        },
        new Object[] {
          5, Optional.of(Duration.ZERO), Optional.of(policy), dflt, Optional.empty(), TtlSource.URL
        },
        new Object[] {
          6, Optional.empty(), Optional.of(Duration.ZERO), dflt, Optional.empty(), TtlSource.POLICY
        },
        new Object[] {
          7, Optional.of(url), Optional.empty(), Duration.ZERO, Optional.of(url), TtlSource.URL
        });
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("precedence")
  void the_url_ttl_wins_over_the_policy_which_wins_over_the_default(
      int n,
      Optional<Duration> url,
      Optional<Duration> policy,
      Duration defaultTtl,
      Optional<Duration> ttl,
      TtlSource source)
      throws Exception {
    open(defaultTtl, k -> k.equals(JOB) ? policy : Optional.empty()).push(push(JOB, T0, url));

    assertThat(expiry(JOB)).isEqualTo(new GroupExpiry(ttl, source, T0));
  }

  @Test
  void the_policy_is_asked_per_group() throws Exception {
    open(Duration.ZERO, k -> k.equals(JOB) ? Optional.of(TTL) : Optional.empty());
    store.push(push(JOB, T0, Optional.empty()));
    store.push(push(OTHER, T0, Optional.empty()));

    clock.advance(TTL.plusMillis(1));
    store.flush();

    assertThat(has(JOB)).isFalse();
    assertThat(has(OTHER)).isTrue();
  }

  @Test
  void a_failing_policy_counts_as_no_opinion() throws Exception {
    open(
            TTL,
            k -> {
              throw new IllegalStateException("no database");
            })
        .push(push(JOB, T0, Optional.empty()));

    assertThat(expiry(JOB)).isEqualTo(GroupExpiry.of(TTL, TtlSource.DEFAULT, T0));
  }

  @Test
  void every_successful_push_restarts_the_countdown() throws Exception {
    open().push(push(JOB, T0, Optional.of(TTL)));
    clock.advance(Duration.ofSeconds(20));
    store.push(push(JOB, clock.instant(), Optional.of(TTL)));

    clock.advance(Duration.ofSeconds(20));
    store.flush();
    assertThat(has(JOB)).isTrue();
    assertThat(expiry(JOB).expiresAt()).contains(T0.plusSeconds(50));

    clock.advance(Duration.ofSeconds(10).plusNanos(1));
    assertThat(has(JOB)).isFalse();
  }

  @Test
  void a_later_push_without_a_ttl_decides_the_ttl_again() throws Exception {
    open().push(push(JOB, T0, Optional.of(TTL)));
    store.push(push(JOB, T0.plusSeconds(1), Optional.empty()));

    clock.advance(Duration.ofDays(365));
    store.flush();

    assertThat(has(JOB)).isTrue();
    assertThat(expiry(JOB)).isEqualTo(GroupExpiry.none(T0.plusSeconds(1)));
    assertThat(store.stats().groupsWithTtl()).isZero();
  }

  @Test
  void a_refused_push_neither_refreshes_nor_changes_the_ttl() throws Exception {
    open().push(push(JOB, T0, Optional.of(TTL)));
    clock.advance(Duration.ofSeconds(20));
    PushRequest refused =
        new PushRequest(
            JOB,
            text("m 1 1000\n"),
            PushMode.REPLACE,
            clock.instant(),
            Optional.of(Duration.ofHours(1)));

    assertThat(store.push(refused)).isInstanceOf(PushOutcome.Rejected.class);

    assertThat(expiry(JOB)).isEqualTo(GroupExpiry.of(TTL, TtlSource.URL, T0));
    clock.advance(Duration.ofSeconds(10).plusNanos(1));
    store.flush();
    assertThat(has(JOB)).isFalse();
  }

  @Test
  void a_group_made_by_refused_pushes_counts_from_the_last_of_them() throws Exception {
    open();
    PushRequest refused =
        new PushRequest(JOB, text("m 1 1000\n"), PushMode.REPLACE, T0, Optional.of(TTL));
    store.push(refused);
    clock.advance(Duration.ofSeconds(20));
    store.push(
        new PushRequest(
            JOB, text("m 1 1000\n"), PushMode.REPLACE, clock.instant(), Optional.of(TTL)));

    assertThat(expiry(JOB)).isEqualTo(GroupExpiry.of(TTL, TtlSource.URL, T0.plusSeconds(20)));
    assertThat(store.groups().getFirst().lastPushSuccessful()).isFalse();
  }

  @Test
  void a_delete_takes_the_ttl_with_the_group() throws Exception {
    open().push(push(JOB, T0, Optional.of(TTL)));
    store.delete(JOB);
    store.push(push(JOB, T0.plusSeconds(1), Optional.empty()));

    clock.advance(Duration.ofHours(1));
    store.flush();

    assertThat(has(JOB)).isTrue();
    assertThat(store.stats().expiredGroups()).isZero();
    assertThat(listener.removed).containsExactly("DELETED {job=\"batch\"} at " + T0);
  }

  @Test
  void a_wipe_takes_every_ttl_and_nothing_expires_later() throws Exception {
    open().push(push(JOB, T0, Optional.of(TTL)));
    store.push(push(OTHER, T0, Optional.of(TTL)));
    store.wipe();
    store.flush();
    assertThat(store.stats().groupsWithTtl()).isZero();

    clock.advance(Duration.ofHours(1));
    store.flush();

    assertThat(store.stats().expiredGroups()).isZero();
    assertThat(listener.removed).hasSize(2).allMatch(s -> s.startsWith("WIPED"));
  }

  @Test
  void a_push_after_expiry_starts_a_new_group() throws Exception {
    open().push(push(JOB, T0, Optional.of(TTL)));
    clock.advance(TTL.plusSeconds(1));
    store.push(
        new PushRequest(JOB, text("n 2\n"), PushMode.MERGE, clock.instant(), Optional.of(TTL)));

    assertThat(store.groups().getFirst().families())
        .containsOnlyKeys("n", "push_time_seconds", "push_failure_time_seconds");
    assertThat(store.stats().expiredGroups()).isEqualTo(1);
  }

  @Test
  void without_any_ttl_nothing_ever_expires_and_groups_look_as_upstream() throws Exception {
    open().push(push(JOB, T0, Optional.empty()));
    String before = scrape(store);

    clock.advance(Duration.ofDays(10_000));
    store.flush();

    assertThat(scrape(store)).isEqualTo(before);
    assertThat(expiry(JOB)).isEqualTo(GroupExpiry.none(T0));
    assertThat(store.stats()).isEqualTo(new StoreStats(1, 3, 0, 0, 0));
    assertThat(store.groups().getFirst().families())
        .containsOnlyKeys("m", "push_time_seconds", "push_failure_time_seconds");
  }

  @Test
  void the_gauge_counts_groups_with_a_ttl() throws Exception {
    open().push(push(JOB, T0, Optional.of(TTL)));
    store.push(push(OTHER, T0, Optional.empty()));
    store.push(push(key("job", "third"), T0, Optional.of(Duration.ofHours(1))));

    assertThat(store.stats().groupsWithTtl()).isEqualTo(2);
    assertThat(Map.of("expired", store.stats().expiredGroups())).containsEntry("expired", 0L);
  }
}
