package io.pushmill.gateway.store;

import static io.pushmill.gateway.store.ExpiryTest.JOB;
import static io.pushmill.gateway.store.ExpiryTest.OTHER;
import static io.pushmill.gateway.store.ExpiryTest.TTL;
import static io.pushmill.gateway.store.ExpiryTest.push;
import static io.pushmill.gateway.store.Pushes.T0;
import static io.pushmill.gateway.store.Pushes.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expiry over a store's life: the writer's own sweeps, restarts, and what the listener hears. */
class ExpiryLifecycleTest {
  private final MutableClock clock = new MutableClock(T0);
  private final RecordingListener listener = new RecordingListener();

  private DefaultMetricStore open(StorePersistence persistence, Duration defaultTtl)
      throws IOException {
    return new DefaultMetricStore(
        persistence,
        DefaultMetricStoreTest.OWN,
        new StoreOptions(Duration.ofMinutes(5), 1000, clock)
            .withDefaultTtl(defaultTtl)
            .withListener(listener));
  }

  @Test
  void the_writer_deletes_an_expired_group_without_any_write_to_wake_it() throws Exception {
    DefaultMetricStore store = open(StorePersistence.none(), Duration.ZERO);
    store.push(push(JOB, T0, Optional.of(TTL)));

    clock.advance(TTL.plusMillis(1));

    // The writer wakes at least once a second while a group has a TTL.
    await().atMost(Duration.ofSeconds(10)).until(() -> store.stats().expiredGroups() == 1);
    assertThat(listener.removed).containsExactly("EXPIRED {job=\"batch\"} at " + T0.plus(TTL));
    store.close();
  }

  @Test
  void a_url_ttl_survives_a_restart_and_a_default_ttl_follows_the_new_default() throws Exception {
    RecordingPersistence first = new RecordingPersistence();
    DefaultMetricStore store = open(first, Duration.ofMinutes(1));
    store.push(push(JOB, T0, Optional.of(TTL)));
    store.push(push(OTHER, T0, Optional.empty()));
    store.close();
    List<GroupSnapshot> saved = first.nextSave();
    assertThat(saved)
        .extracting(GroupSnapshot::expiry)
        .containsExactlyInAnyOrder(
            GroupExpiry.of(TTL, TtlSource.URL, T0),
            GroupExpiry.of(Duration.ofMinutes(1), TtlSource.DEFAULT, T0));

    DefaultMetricStore restarted = open(new RecordingPersistence(saved), Duration.ofHours(1));

    assertThat(restarted.groups())
        .extracting(GroupSnapshot::expiry)
        .containsExactlyInAnyOrder(
            GroupExpiry.of(TTL, TtlSource.URL, T0),
            GroupExpiry.of(Duration.ofHours(1), TtlSource.DEFAULT, T0));
    restarted.close();
  }

  @Test
  void a_group_loaded_past_its_expiry_is_never_seen_and_deleted_at_once() throws Exception {
    RecordingPersistence first = new RecordingPersistence();
    DefaultMetricStore store = open(first, Duration.ZERO);
    store.push(push(JOB, T0, Optional.of(TTL)));
    store.push(push(OTHER, T0, Optional.empty()));
    store.close();
    clock.advance(Duration.ofHours(1));

    DefaultMetricStore restarted = open(new RecordingPersistence(first.nextSave()), Duration.ZERO);

    assertThat(restarted.groups()).extracting(GroupSnapshot::key).containsExactly(OTHER);
    restarted.flush();
    assertThat(restarted.stats().expiredGroups()).isEqualTo(1);
    assertThat(restarted.stats().groups()).isEqualTo(1);
    restarted.close();
  }

  @Test
  void groups_from_a_file_without_ttls_get_the_default_counting_from_their_last_push()
      throws Exception {
    RecordingPersistence first = new RecordingPersistence();
    DefaultMetricStore store = open(first, Duration.ZERO);
    store.push(push(JOB, T0, Optional.empty()));
    store.close();
    GroupSnapshot old = first.nextSave().getFirst();
    GroupSnapshot asVersion1 = new GroupSnapshot(old.key(), old.families());

    DefaultMetricStore restarted =
        open(new RecordingPersistence(List.of(asVersion1)), Duration.ofMinutes(10));

    GroupExpiry e = restarted.groups().getFirst().expiry();
    assertThat(e.ttl()).contains(Duration.ofMinutes(10));
    assertThat(e.source()).isEqualTo(TtlSource.DEFAULT);
    // push_time_seconds is a float of seconds: within a microsecond of the push.
    assertThat(Duration.between(T0, e.since()).abs()).isLessThan(Duration.ofNanos(1000));
    restarted.close();
  }

  @Test
  void the_listener_hears_accepted_pushes_as_stored_and_not_refused_ones() throws Exception {
    DefaultMetricStore store = open(StorePersistence.none(), Duration.ZERO);
    GroupingKey k = key("job", "j", "instance", "i");
    store.push(
        new PushRequest(
            k, Pushes.text("m{job=\"body\"} 1\n"), PushMode.MERGE, T0, Optional.of(TTL)));
    store.push(new PushRequest(k, Pushes.text("m 1 1000\n"), PushMode.MERGE, T0, Optional.empty()));
    store.flush();

    assertThat(listener.accepted).hasSize(1);
    AcceptedPush p = listener.accepted.getFirst();
    assertThat(p.key()).isEqualTo(k);
    assertThat(p.time()).isEqualTo(T0);
    assertThat(p.mode()).isEqualTo(PushMode.MERGE);
    assertThat(p.expiry()).isEqualTo(GroupExpiry.of(TTL, TtlSource.URL, T0));
    assertThat(p.families().getFirst().metrics())
        .extracting(Metric::labels)
        .containsExactly(Labels.of("instance", "i", "job", "j"));
    store.close();
  }

  @Test
  void a_listener_that_throws_does_not_stop_the_writer() throws Exception {
    DefaultMetricStore store =
        new DefaultMetricStore(
            StorePersistence.none(),
            DefaultMetricStoreTest.OWN,
            new StoreOptions(Duration.ofMinutes(5), 1000, clock)
                .withListener(
                    new PushListener() {
                      @Override
                      public void accepted(AcceptedPush push) {
                        throw new IllegalStateException("boom");
                      }
                    }));

    assertThat(store.push(push(JOB, T0, Optional.empty()))).isEqualTo(PushOutcome.accepted());
    assertThat(store.push(push(OTHER, T0, Optional.empty()))).isEqualTo(PushOutcome.accepted());
    assertThat(store.stats().groups()).isEqualTo(2);
    store.close();
  }
}
