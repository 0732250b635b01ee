package io.pushmill.gateway.store;

import static io.pushmill.gateway.store.Pushes.T0;
import static io.pushmill.gateway.store.Pushes.gaugeValue;
import static io.pushmill.gateway.store.Pushes.key;
import static io.pushmill.gateway.store.Pushes.post;
import static io.pushmill.gateway.store.Pushes.put;
import static io.pushmill.gateway.store.Pushes.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Debian 1.5.1 binary answered (spec §8 V8–V14, V19) and the pushes that poison it
 * (§2.9, rows 98–99), replayed against the store.
 */
class ObservedBehaviourTest {
  private static final String PREFIX = "pushed metrics are invalid or inconsistent with existing metrics: ";

  private DefaultMetricStore store;

  @BeforeEach
  void open() throws IOException {
    store =
        new DefaultMetricStore(
            StorePersistence.none(),
            DefaultMetricStoreTest.OWN,
            new StoreOptions(Duration.ofMinutes(5), 1000, new MutableClock(T0)));
  }

  @AfterEach
  void close() throws InterruptedException {
    store.close();
  }

  private String refusal(PushRequest r) throws InterruptedException {
    PushOutcome outcome = store.push(r);
    assertThat(outcome).isInstanceOf(PushOutcome.Rejected.class);
    return ((PushOutcome.Rejected) outcome).message();
  }

  private GroupSnapshot group(GroupingKey k) {
    return store.groups().stream().filter(g -> g.key().equals(k)).findFirst().orElseThrow();
  }

  @Test
  void v8_timestamps_refuse_the_push_and_record_the_failure() throws Exception {
    assertThat(refusal(post(key("job", "ts"), "a 1\nb 1 1000\n", T0)))
        .isEqualTo(PREFIX + "pushed metrics must not have timestamps");

    GroupSnapshot g = group(key("job", "ts"));
    assertThat(gaugeValue(g, "push_time_seconds")).isZero();
    assertThat(gaugeValue(g, "push_failure_time_seconds")).isEqualTo(PushTimes.seconds(T0));
    assertThat(g.lastPushSuccessful()).isFalse();
  }

  @Test
  void v9_a_type_clash_across_groups_is_refused() throws Exception {
    store.push(put(key("job", "tc1"), "# TYPE tcm counter\ntcm 1\n", T0));

    assertThat(refusal(put(key("job", "tc2"), "# TYPE tcm gauge\ntcm 2\n", T0)))
        .isEqualTo(
            PREFIX
                + "collected metric \"tcm\" { label:<name:\"instance\" value:\"\" >"
                + " label:<name:\"job\" value:\"tc2\" > gauge:<value:2 > } is not a COUNTER");
  }

  @Test
  void v10_a_series_another_group_has_is_refused() throws Exception {
    store.push(put(key("job", "dup"), "dupm{instance=\"a\"} 1\n", T0));

    assertThat(refusal(put(key("job", "dup", "instance", "a"), "dupm 2\n", T0)))
        .isEqualTo(
            PREFIX
                + "collected metric \"dupm\" { label:<name:\"instance\" value:\"a\" >"
                + " label:<name:\"job\" value:\"dup\" > untyped:<value:2 > } was collected before"
                + " with the same name and label values");
  }

  @Test
  void v11_an_own_name_needs_the_own_type_and_gets_the_own_help() throws Exception {
    assertThat(refusal(put(key("job", "own"), "go_goroutines 5\n", T0)))
        .isEqualTo(
            PREFIX + "gathered metric family go_goroutines has type UNTYPED but should have GAUGE");

    PushOutcome ok =
        store.push(
            put(
                key("job", "own"),
                "# HELP go_goroutines mine\n# TYPE go_goroutines gauge\ngo_goroutines 5\n",
                T0));

    assertThat(ok).isEqualTo(PushOutcome.accepted());
    assertThat(scrape(store))
        .contains(
            "# HELP go_goroutines Number of goroutines that currently exist.\n"
                + "# TYPE go_goroutines gauge\n"
                + "go_goroutines{instance=\"\",job=\"own\"} 5\n");
  }

  @Test
  void v13_url_labels_override_body_labels() throws Exception {
    store.push(
        post(
            key("job", "j6", "instance", "i6"),
            "clash{job=\"bodyjob\",instance=\"bodyinst\",x=\"y\"} 1\n",
            T0));

    assertThat(scrape(store)).contains("clash{instance=\"i6\",job=\"j6\",x=\"y\"} 1\n");
  }

  @Test
  void v14_put_and_post_replace_what_upstream_replaces() throws Exception {
    GroupingKey k = key("job", "mg");
    store.push(put(k, "a 1\nb 2\n", T0));
    store.push(post(k, "b 3\nc 4\n", T0));
    assertThat(families(k)).containsExactly("a", "b", "c", "push_failure_time_seconds", "push_time_seconds");
    assertThat(scrape(store)).contains("b{instance=\"\",job=\"mg\"} 3\n");

    store.push(put(k, "c 5\n", T0));
    assertThat(families(k)).containsExactly("c", "push_failure_time_seconds", "push_time_seconds");

    store.push(post(k, "", T0.plusSeconds(1)));
    assertThat(scrape(store)).contains("c{instance=\"\",job=\"mg\"} 5\n");
    assertThat(gaugeValue(group(k), "push_time_seconds")).isEqualTo(PushTimes.seconds(T0.plusSeconds(1)));

    store.push(put(k, "", T0));
    assertThat(families(k)).containsExactly("push_failure_time_seconds", "push_time_seconds");

    store.delete(k);
    store.push(put(key("job", "barrier"), "", T0));
    assertThat(store.groups()).extracting(GroupSnapshot::key).containsExactly(key("job", "barrier"));
  }

  private List<String> families(GroupingKey k) {
    return List.copyOf(group(k).families().keySet());
  }

  @Test
  void v19_an_unchecked_conflicting_push_is_refused_so_that_scrapes_keep_working() throws Exception {
    store.pushWithoutWaiting(put(key("job", "u1"), "# TYPE um counter\num 1\n", T0));
    store.pushWithoutWaiting(put(key("job", "u2"), "# TYPE um gauge\num 2\n", T0));
    store.push(put(key("job", "barrier"), "", T0));

    assertThat(scrape(store))
        .contains("# TYPE um counter\num{instance=\"\",job=\"u1\"} 1\n")
        .doesNotContain("job=\"u2\"} 2");
    assertThat(group(key("job", "u2")).lastPushSuccessful()).isFalse();
    assertThat(store.healthy()).isTrue();
  }

  @Test
  void row98_a_group_whose_push_series_would_repeat_another_groups_is_not_created() throws Exception {
    store.push(put(key("job", "gi"), "fam 1\n", T0));
    String before = scrape(store);

    String message = refusal(put(key("job", "gi", "instance", ""), "fam 1\n", T0.plusSeconds(1)));

    assertThat(message)
        .startsWith(PREFIX + "3 error(s) occurred:\n* collected metric \"fam\"")
        .contains("* collected metric \"push_failure_time_seconds\"")
        .contains("* collected metric \"push_time_seconds\"");
    assertThat(store.groups()).extracting(GroupSnapshot::key).containsExactly(key("job", "gi"));
    assertThat(scrape(store)).isEqualTo(before);
    assertThat(store.push(put(key("job", "other"), "fam 2\n", T0))).isEqualTo(PushOutcome.accepted());
  }

  @Test
  void row99_a_grouping_value_that_is_not_utf8_changes_nothing() throws Exception {
    GroupingKey poison = key("job", "j", "v", "\udcff");

    String message = refusal(put(poison, "m 1\n", T0));

    assertThat(message)
        .contains(
            "collected metric \"m\" { label:<name:\"instance\" value:\"\" > label:<name:\"job\""
                + " value:\"j\" > label:<name:\"v\" value:\"\\377\" > untyped:<value:1 > } has a label"
                + " named \"v\" whose value is not utf8: \"\\xff\"");
    assertThat(store.groups()).isEmpty();
    assertThat(refusal(put(poison, "m 1 1000\n", T0))).endsWith("must not have timestamps");
    assertThat(store.groups()).isEmpty();
    assertThat(store.push(put(key("job", "j"), "m 1\n", T0))).isEqualTo(PushOutcome.accepted());
  }

  @Test
  void an_empty_family_name_is_refused_and_changes_nothing_but_the_failure_time() throws Exception {
    String message =
        refusal(put(key("job", "e"), T0, Pushes.family("", io.pushmill.metrics.MetricType.GAUGE)));

    assertThat(message).isEqualTo(PREFIX + "pushed metric families must have a name");
    assertThat(group(key("job", "e")).families()).containsOnlyKeys("push_time_seconds", "push_failure_time_seconds");
  }
}
