package io.pushmill.gateway.store;

import static io.pushmill.gateway.store.Pushes.T0;
import static io.pushmill.gateway.store.Pushes.gaugeValue;
import static io.pushmill.gateway.store.Pushes.key;
import static io.pushmill.gateway.store.Pushes.post;
import static io.pushmill.gateway.store.Pushes.put;
import static io.pushmill.gateway.store.Pushes.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's push semantics, as upstream's storage tests (spec §7 rows 31–56) state them. */
class DefaultMetricStoreTest {
  static final OwnMetrics OWN =
      name ->
          name.equals("go_goroutines")
              ? Optional.of(
                  new OwnMetrics.Shape(
                      MetricType.GAUGE, "Number of goroutines that currently exist."))
              : Optional.empty();

  private final MutableClock clock = new MutableClock(T0);
  private DefaultMetricStore store;

  @BeforeEach
  void open() throws IOException {
    store = new DefaultMetricStore(StorePersistence.none(), OWN, options());
  }

  @AfterEach
  void close() throws InterruptedException {
    store.close();
  }

  private StoreOptions options() {
    return new StoreOptions(Duration.ofMinutes(5), 1000, clock);
  }

  private GroupSnapshot group(GroupingKey key) {
    return store.groups().stream()
        .filter(g -> g.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + key));
  }

  private boolean hasGroup(GroupingKey key) {
    return store.groups().stream().anyMatch(g -> g.key().equals(key));
  }

  private PushOutcome push(PushRequest r) throws InterruptedException {
    return store.push(r);
  }

  private static PushOutcome ok() {
    return PushOutcome.accepted();
  }

  @Test
  void families_of_the_same_name_in_several_groups_merge_and_empty_groups_add_nothing()
      throws Exception {
    push(put(key("job", "job1", "instance", "instance2"), "mf1 -3e3\n", T0));
    push(put(key("job", "job2", "instance", "instance1"), "mf1 42\n", T0));
    push(put(key("job", "job3", "instance", "instance2"), "mf1 42\n", T0));
    push(put(key("job", "job4"), "", T0));

    MetricFamily mf1 =
        store.gather(List.of()).stream().filter(f -> f.name().equals("mf1")).findFirst().get();

    assertThat(mf1.metrics())
        .extracting(Metric::labels)
        .containsExactly(
            Labels.of("instance", "instance1", "job", "job2"),
            Labels.of("instance", "instance2", "job", "job1"),
            Labels.of("instance", "instance2", "job", "job3"));
    assertThat(store.gather(List.of()))
        .extracting(MetricFamily::name)
        .containsExactly("mf1", "push_failure_time_seconds", "push_time_seconds");
  }

  @Test
  void a_first_push_creates_the_group_with_push_time_and_a_zero_failure_time() throws Exception {
    GroupingKey k = key("job", "job1", "instance", "instance1");

    assertThat(push(put(k, "mf3 1\n", T0))).isEqualTo(ok());

    GroupSnapshot g = group(k);
    assertThat(g.families()).containsOnlyKeys("mf3", "push_time_seconds", "push_failure_time_seconds");
    assertThat(gaugeValue(g, "push_time_seconds")).isEqualTo(PushTimes.seconds(T0));
    assertThat(gaugeValue(g, "push_failure_time_seconds")).isZero();
    assertThat(g.families().get("push_time_seconds").family().metrics().getFirst().labels())
        .isEqualTo(Labels.of("instance", "instance1", "job", "job1"));
    assertThat(g.families().get("push_time_seconds").family().help())
        .contains("Last Unix time when changing this group in the Pushgateway succeeded.");
    assertThat(g.families().get("push_failure_time_seconds").family().help())
        .contains("Last Unix time when changing this group in the Pushgateway failed.");
    assertThat(g.families().values()).extracting(StoredFamily::timestamp).containsOnly(T0);
    assertThat(g.lastPushSuccessful()).isTrue();
  }

  @Test
  void push_time_is_the_float_seconds_upstream_computes() {
    assertThat(PushTimes.seconds(Instant.parse("2026-11-25T12:11:06.767252537Z")))
        .isEqualTo(1.7956086667672524e+09);
  }

  @Test
  void each_group_has_its_own_push_time_series() throws Exception {
    push(put(key("job", "job1", "instance", "instance1"), "mf3 1\n", T0));
    push(put(key("job", "job1", "instance", "instance2"), "mf1 42\nmf2 1\n", T0.plusSeconds(1)));

    assertThat(scrape(store))
        .contains(
            "push_time_seconds{instance=\"instance1\",job=\"job1\"} 1.7956080001234567e+09\n"
                + "push_time_seconds{instance=\"instance2\",job=\"job1\"} 1.7956080011234567e+09\n");
  }

  @Test
  void post_adds_a_family_and_keeps_the_others() throws Exception {
    GroupingKey k = key("job", "job1", "instance", "instance1");
    push(put(k, "mf3 1\n", T0));

    push(post(k, "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", T0.plusSeconds(2)));

    GroupSnapshot g = group(k);
    assertThat(g.families()).containsKeys("mf3", "h");
    assertThat(g.families().get("mf3").timestamp()).isEqualTo(T0);
    assertThat(g.families().get("h").timestamp()).isEqualTo(T0.plusSeconds(2));
    assertThat(gaugeValue(g, "push_time_seconds")).isEqualTo(PushTimes.seconds(T0.plusSeconds(2)));
  }

  @Test
  void post_replaces_the_whole_family_of_the_same_name() throws Exception {
    GroupingKey k = key("job", "j");
    push(put(k, "mf1{a=\"1\"} 1\nmf1{a=\"2\"} 2\nother 1\n", T0));

    push(post(k, "mf1{a=\"3\"} 3\n", T0));

    assertThat(scrape(store))
        .contains("mf1{a=\"3\",instance=\"\",job=\"j\"} 3\n")
        .doesNotContain("a=\"1\"", "a=\"2\"")
        .contains("other{instance=\"\",job=\"j\"} 1\n");
  }

  @Test
  void a_push_with_timestamps_is_refused_and_creates_the_group_with_its_failure_time()
      throws Exception {
    GroupingKey k = key("job", "ts");

    PushOutcome outcome = push(post(k, "a 1\nb 1 1000\n", T0));

    assertThat(outcome)
        .isEqualTo(
            PushOutcome.rejected("pushed metrics must not have timestamps"));
    assertThat(((PushOutcome.Rejected) outcome).message())
        .isEqualTo(
            "pushed metrics are invalid or inconsistent with existing metrics: pushed metrics must"
                + " not have timestamps");
    GroupSnapshot g = group(k);
    assertThat(g.families()).containsOnlyKeys("push_time_seconds", "push_failure_time_seconds");
    assertThat(gaugeValue(g, "push_time_seconds")).isZero();
    assertThat(gaugeValue(g, "push_failure_time_seconds")).isEqualTo(PushTimes.seconds(T0));
    assertThat(g.lastPushSuccessful()).isFalse();
  }

  @Test
  void timestamps_are_refused_also_without_waiting() throws Exception {
    store.pushWithoutWaiting(post(key("job", "ts"), "b 1 1000\n", T0));
    push(put(key("job", "barrier"), "", T0));

    assertThat(group(key("job", "ts")).families()).doesNotContainKey("b");
  }

  @Test
  void a_summary_without_observations_is_accepted() throws Exception {
    assertThat(push(put(key("job", "job5"), "# TYPE s summary\ns_sum 0\ns_count 0\n", T0)))
        .isEqualTo(ok());
    assertThat(scrape(store)).contains("s_sum{instance=\"\",job=\"job5\"} 0\n");
  }

  @Test
  void delete_removes_exactly_the_group_with_that_key() throws Exception {
    push(put(key("job", "job1", "instance", "instance1"), "a 1\n", T0));
    push(put(key("job", "job1", "instance", "instance2"), "a 2\n", T0));
    push(put(key("job", "job5"), "b 1\n", T0));

    store.delete(key("job", "job1", "instance", "instance1"));
    store.delete(key("job", "job5"));
    store.delete(key("job", "job1"));
    push(put(key("job", "barrier"), "", T0));

    assertThat(store.groups())
        .extracting(GroupSnapshot::key)
        .containsExactlyInAnyOrder(key("job", "job1", "instance", "instance2"), key("job", "barrier"));
    assertThat(scrape(store)).doesNotContain("job5", "instance1").contains("instance2");
    assertThat(store.stats().groups()).isEqualTo(2);
  }

  @Test
  void ten_queued_writes_are_applied_before_close_saves() throws Exception {
    RecordingPersistence persistence = new RecordingPersistence();
    DefaultMetricStore s = new DefaultMetricStore(persistence, OWN, options());
    for (int i = 0; i < 10; i++) {
      s.pushWithoutWaiting(put(key("job", "job" + i), "unlabelled " + i + "\n", T0));
    }

    s.close();

    List<GroupSnapshot> saved = persistence.nextSave();
    assertThat(saved).hasSize(10);
    assertThat(saved)
        .allSatisfy(
            g ->
                assertThat(g.families().get("unlabelled").family().metrics().getFirst().labels())
                    .isEqualTo(Labels.of("instance", "", "job", g.key().job())));
  }

  @Test
  void a_store_without_persistence_starts_empty_and_healthy() throws Exception {
    push(put(key("job", "j"), "a 1\n", T0));
    store.close();

    store = new DefaultMetricStore(StorePersistence.none(), OWN, options());

    assertThat(store.groups()).isEmpty();
    assertThat(store.healthy()).isTrue();
  }

  @Test
  void an_own_metric_pushed_with_another_type_is_refused_and_a_later_good_push_keeps_the_failure()
      throws Exception {
    GroupingKey k = key("job", "job1", "instance", "instance2");
    PushOutcome refused = push(put(k, "# TYPE go_goroutines counter\ngo_goroutines 5\n", T0));
    assertThat(refused)
        .isEqualTo(
            PushOutcome.rejected(
                "gathered metric family go_goroutines has type COUNTER but should have GAUGE"));

    PushOutcome accepted = push(post(k, "a 1\n", T0.plusSeconds(1)));

    assertThat(accepted).isEqualTo(ok());
    GroupSnapshot g = group(k);
    assertThat(gaugeValue(g, "push_failure_time_seconds")).isEqualTo(PushTimes.seconds(T0));
    assertThat(gaugeValue(g, "push_time_seconds")).isEqualTo(PushTimes.seconds(T0.plusSeconds(1)));
    assertThat(g.lastPushSuccessful()).isTrue();
  }

  @Test
  void a_series_that_another_group_already_has_is_refused_and_the_new_group_records_the_failure()
      throws Exception {
    push(put(key("job", "job1", "instance", "instance1"), "mf 1\n", T0));

    PushOutcome outcome =
        push(put(key("job", "job1"), "mf{instance=\"instance1\"} 2\n", T0.plusSeconds(1)));

    assertThat(outcome)
        .isEqualTo(
            PushOutcome.rejected(
                "collected metric \"mf\" { label:<name:\"instance\" value:\"instance1\" >"
                    + " label:<name:\"job\" value:\"job1\" > untyped:<value:2 > } was collected"
                    + " before with the same name and label values"));
    GroupSnapshot g = group(key("job", "job1"));
    assertThat(g.families()).containsOnlyKeys("push_time_seconds", "push_failure_time_seconds");
    assertThat(gaugeValue(g, "push_time_seconds")).isZero();
    assertThat(gaugeValue(g, "push_failure_time_seconds"))
        .isEqualTo(PushTimes.seconds(T0.plusSeconds(1)));
  }

  @Test
  void grouping_labels_override_body_labels_and_missing_ones_are_added() throws Exception {
    push(
        put(
            key("job", "job1", "instance", "instance2"),
            "a{job=\"job2\",instance=\"instance1\"} 1\nb 2\n",
            T0));
    push(put(key("job", "job3"), "c 3\n", T0));

    assertThat(scrape(store))
        .contains("a{instance=\"instance2\",job=\"job1\"} 1\n")
        .contains("b{instance=\"instance2\",job=\"job1\"} 2\n")
        .contains("c{instance=\"\",job=\"job3\"} 3\n");
  }

  @Test
  void a_body_instance_survives_when_instance_is_not_in_the_grouping_key() throws Exception {
    push(post(key("job", "j7"), "keepinst{instance=\"bodyinst\"} 1\n", T0));

    assertThat(scrape(store)).contains("keepinst{instance=\"bodyinst\",job=\"j7\"} 1\n");
    assertThat(scrape(store)).contains("push_time_seconds{instance=\"\",job=\"j7\"}");
  }

  @Test
  void put_after_a_failed_push_keeps_the_failure_time_and_sets_the_push_time() throws Exception {
    GroupingKey k = key("job", "j");
    push(put(k, "a 1 1000\n", T0));

    push(put(k, "a 1\n", T0.plusSeconds(5)));

    GroupSnapshot g = group(k);
    assertThat(gaugeValue(g, "push_failure_time_seconds")).isEqualTo(PushTimes.seconds(T0));
    assertThat(gaugeValue(g, "push_time_seconds")).isEqualTo(PushTimes.seconds(T0.plusSeconds(5)));
  }

  @Test
  void put_removes_the_families_it_does_not_push() throws Exception {
    GroupingKey k = key("job", "j");
    push(put(k, "a 1\nb 2\n", T0));

    push(put(k, "c 3\n", T0));

    assertThat(group(k).families()).containsOnlyKeys("c", "push_time_seconds", "push_failure_time_seconds");
  }

  @Test
  void a_failed_put_changes_only_the_failure_time() throws Exception {
    GroupingKey k = key("job", "j");
    push(put(k, "a 1\nb 2\n", T0));
    push(put(key("job", "other"), "# TYPE c counter\nc 1\n", T0));

    PushOutcome outcome = push(put(k, "# TYPE c gauge\nc 3\n", T0.plusSeconds(1)));

    assertThat(outcome).isInstanceOf(PushOutcome.Rejected.class);
    GroupSnapshot g = group(k);
    assertThat(g.families()).containsOnlyKeys("a", "b", "push_time_seconds", "push_failure_time_seconds");
    assertThat(gaugeValue(g, "push_time_seconds")).isEqualTo(PushTimes.seconds(T0));
    assertThat(gaugeValue(g, "push_failure_time_seconds")).isEqualTo(PushTimes.seconds(T0.plusSeconds(1)));
  }

  @Test
  void an_empty_put_leaves_only_the_push_time_families() throws Exception {
    GroupingKey k = key("job", "j");
    push(put(k, "a 1\n", T0));

    assertThat(push(new PushRequest(k, Map.of(), PushMode.REPLACE, T0.plusSeconds(1)))).isEqualTo(ok());

    assertThat(group(k).families()).containsOnlyKeys("push_time_seconds", "push_failure_time_seconds");
    assertThat(gaugeValue(group(k), "push_time_seconds")).isEqualTo(PushTimes.seconds(T0.plusSeconds(1)));
  }

  @Test
  void groups_lists_every_group_with_its_push_time_families() throws Exception {
    push(put(key("job", "a"), "x 1\n", T0));
    push(put(key("job", "b", "instance", "i"), "y 1\n", T0));

    assertThat(store.groups()).hasSize(2);
    assertThat(store.groups())
        .allSatisfy(
            g -> assertThat(g.families()).containsKeys("push_time_seconds", "push_failure_time_seconds"));
    assertThat(store.stats()).isEqualTo(new StoreStats(2, 6, 0));
  }

  @Test
  void help_conflicts_are_tolerated_and_an_own_name_is_shown_with_the_own_help() throws Exception {
    store.pushWithoutWaiting(
        put(key("job", "a"), "# HELP go_goroutines foreign\n# TYPE go_goroutines gauge\ngo_goroutines 5\n", T0));
    store.pushWithoutWaiting(put(key("job", "a", "instance", "1"), "# HELP mf help one\nmf 1\n", T0));
    push(put(key("job", "a", "instance", "2"), "# HELP mf help two\nmf 2\n", T0));

    String text = scrape(store);

    assertThat(text)
        .contains("# HELP go_goroutines Number of goroutines that currently exist.\n")
        .doesNotContain("foreign")
        .contains("# HELP mf help one\n# TYPE mf untyped\n")
        .doesNotContain("help two");
    assertThat(store.gather(List.of())).hasSize(4);
  }

  @Test
  void the_storage_key_separates_names_and_values_with_byte_ff() {
    assertThat(key("job", "bar").storageKey()).isEqualTo("job\u00ffbar");
    assertThat(key("job", "bar", "dings", "bums").storageKey())
        .isEqualTo("dings\u00ffbums\u00ffjob\u00ffbar");
  }
}
