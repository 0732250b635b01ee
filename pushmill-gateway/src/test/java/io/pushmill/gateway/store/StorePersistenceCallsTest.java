package io.pushmill.gateway.store;

import static io.pushmill.gateway.store.Pushes.T0;
import static io.pushmill.gateway.store.Pushes.key;
import static io.pushmill.gateway.store.Pushes.post;
import static io.pushmill.gateway.store.Pushes.put;
import static io.pushmill.gateway.store.Pushes.scrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the store uses its {@link StorePersistence}: load once, save per interval and on close. */
class StorePersistenceCallsTest {
  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private final MutableClock clock = new MutableClock(T0);

  private DefaultMetricStore open(StorePersistence persistence) throws IOException {
    return new DefaultMetricStore(
        persistence, DefaultMetricStoreTest.OWN, new StoreOptions(INTERVAL, 1000, clock));
  }

  @Test
  void a_restarted_store_has_every_family_push_time_and_timestamp_back() throws Exception {
    RecordingPersistence first = new RecordingPersistence();
    DefaultMetricStore store = open(first);
    store.push(put(key("job", "job1", "instance", "instance1"), "# HELP mf3 help\nmf3 1\n", T0));
    store.push(post(key("job", "job1", "instance", "instance1"), "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", T0.plusSeconds(3)));
    store.push(put(key("job", "ts"), "a 1 1000\n", T0.plusSeconds(4)));
    String scrape = scrape(store);
    List<GroupSnapshot> groups = store.groups();
    store.close();
    List<GroupSnapshot> saved = first.nextSave();

    DefaultMetricStore restarted = open(new RecordingPersistence(saved));

    assertThat(scrape(restarted)).isEqualTo(scrape);
    assertThat(restarted.groups()).containsExactlyInAnyOrderElementsOf(groups);
    GroupSnapshot g =
        restarted.groups().stream().filter(x -> x.key().job().equals("job1")).findFirst().get();
    assertThat(g.families().get("mf3").timestamp()).isEqualTo(T0);
    assertThat(g.families().get("h").timestamp()).isEqualTo(T0.plusSeconds(3));
    restarted.close();
  }

  @Test
  void load_is_called_once_before_anything_is_served() throws Exception {
    RecordingPersistence persistence = new RecordingPersistence();

    DefaultMetricStore store = open(persistence);

    assertThat(persistence.loads()).isEqualTo(1);
    store.close();
    assertThat(persistence.loads()).isEqualTo(1);
  }

  @Test
  void a_load_failure_stops_the_store_from_starting() {
    StorePersistence broken =
        new StorePersistence() {
          @Override
          public List<GroupSnapshot> load() throws IOException {
            throw new IOException("unreadable");
          }

          @Override
          public void save(List<GroupSnapshot> groups) {}
        };

    assertThatThrownBy(() -> open(broken)).isInstanceOf(IOException.class).hasMessage("unreadable");
  }

  @Test
  void saves_come_at_most_once_per_interval_and_only_after_a_change() throws Exception {
    RecordingPersistence persistence = new RecordingPersistence();
    DefaultMetricStore store = open(persistence);
    store.push(put(key("job", "a"), "m 1\n", T0));
    store.push(put(key("job", "b"), "m 2\n", T0));
    assertThat(persistence.pendingSaves()).isZero();

    clock.advance(INTERVAL);
    store.push(put(key("job", "c"), "m 3\n", T0));

    assertThat(persistence.nextSave()).hasSize(3);
    clock.advance(INTERVAL.minusSeconds(1));
    store.push(put(key("job", "d"), "m 4\n", T0));
    assertThat(persistence.pendingSaves()).isZero();
    clock.advance(Duration.ofSeconds(1));
    store.delete(key("job", "a"));
    assertThat(persistence.nextSave()).extracting(GroupSnapshot::key)
        .containsExactlyInAnyOrder(key("job", "b"), key("job", "c"), key("job", "d"));
    store.close();
    assertThat(persistence.nextSave()).hasSize(3);
    assertThat(persistence.pendingSaves()).isZero();
  }

  @Test
  void a_failed_save_is_logged_and_tried_again_one_interval_later() throws Exception {
    java.util.concurrent.BlockingQueue<Integer> attempts = new java.util.concurrent.LinkedBlockingQueue<>();
    StorePersistence failingOnce =
        new StorePersistence() {
          @Override
          public List<GroupSnapshot> load() {
            return List.of();
          }

          @Override
          public void save(List<GroupSnapshot> groups) throws IOException {
            attempts.add(groups.size());
            if (attempts.size() == 1) {
              throw new IOException("disk full");
            }
          }
        };
    DefaultMetricStore store = open(failingOnce);
    clock.advance(INTERVAL);
    store.push(put(key("job", "a"), "m 1\n", T0));
    assertThat(attempts.poll()).isEqualTo(1);

    store.push(put(key("job", "b"), "m 2\n", T0));
    assertThat(attempts).isEmpty();
    clock.advance(INTERVAL);
    store.push(put(key("job", "c"), "m 3\n", T0));

    assertThat(attempts.poll()).isEqualTo(3);
    store.close();
  }

  @Test
  void an_inconsistent_persisted_store_still_loads_and_serves_each_series_once() throws Exception {
    Labels labels = Labels.of("instance", "", "job", "a");
    GroupSnapshot counter = group(key("job", "a"), MetricType.COUNTER, Pushes.counter(1, "instance", "", "job", "a"));
    GroupSnapshot gauge = group(key("job", "a", "x", ""), MetricType.GAUGE, Pushes.gauge(2, "instance", "", "job", "a"));

    DefaultMetricStore store = open(new RecordingPersistence(List.of(counter, gauge)));

    assertThat(store.groups()).hasSize(2);
    assertThat(scrape(store)).contains("# TYPE m counter\nm{instance=\"\",job=\"a\"} 1\n");
    assertThat(store.gather(List.of()).getFirst().metrics())
        .singleElement()
        .satisfies(m -> assertThat(m.labels()).isEqualTo(labels));
    assertThat(store.push(put(key("job", "b"), "other 1\n", T0))).isEqualTo(PushOutcome.accepted());
    store.close();
  }

  private static GroupSnapshot group(GroupingKey key, MetricType type, io.pushmill.metrics.Metric m) {
    return new GroupSnapshot(
        key, Map.of("m", new StoredFamily(T0, Pushes.family("m", type, m))));
  }
}
