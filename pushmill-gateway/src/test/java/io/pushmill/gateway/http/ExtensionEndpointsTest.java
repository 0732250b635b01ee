package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.history.HistoryOptions;
import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.store.AcceptedPush;
import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.PushMode;
import io.pushmill.gateway.store.PushRequest;
import io.pushmill.gateway.store.TtlSource;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The extensions through HTTP: the TTL in push URLs, expiry in the API, the history API. */
class ExtensionEndpointsTest {
  private static final Instant T = GatewayTester.NOW;
  private GatewayTester gw;

  @AfterEach
  void stop() {
    gw.close();
  }

  private GatewayTester start(PushHistory history) throws Exception {
    gw = new GatewayTester(GatewayTester.options(), history);
    return gw;
  }

  @Test
  void a_ttl_in_the_push_url_reaches_the_store_and_is_no_label() throws Exception {
    start(PushHistory.disabled());

    HttpTester.Response r =
        gw.send("PUT", "/metrics/job/batch/__ttl__/30s/instance/h1", Map.of(), "m 1\n");

    assertThat(r.getStatus()).isEqualTo(200);
    PushRequest p = gw.store.pushes.getFirst();
    assertThat(p.key()).isEqualTo(GroupingKey.of("job", "batch", "instance", "h1"));
    assertThat(p.ttl()).contains(Duration.ofSeconds(30));
    assertThat(p.mode()).isEqualTo(PushMode.REPLACE);
  }

  @Test
  void a_push_without_ttl_asks_for_none_as_upstream() throws Exception {
    start(PushHistory.disabled());
    gw.send("POST", "/metrics/job/batch", Map.of(), "m 1\n");
    assertThat(gw.store.pushes.getFirst().ttl()).isEmpty();
  }

  @Test
  void a_delete_with_a_ttl_deletes_the_same_group() throws Exception {
    start(PushHistory.disabled());
    HttpTester.Response r = gw.send("DELETE", "/metrics/job/batch/__ttl__/30s");
    assertThat(r.getStatus()).isEqualTo(202);
    assertThat(gw.store.deletes).containsExactly(GroupingKey.of("job", "batch"));
  }

  @Test
  void an_invalid_ttl_is_a_400_naming_it() throws Exception {
    start(PushHistory.disabled());
    HttpTester.Response r = gw.send("PUT", "/metrics/job/batch/__ttl__/soon", Map.of(), "m 1\n");
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent())
        .isEqualTo(
            "invalid __ttl__ \"soon\": want a duration such as 30s, 5m or 1h30m, or a number of"
                + " seconds\n");
    assertThat(gw.store.pushes).isEmpty();
  }

  @Test
  void the_metrics_api_and_the_page_show_a_groups_expiry() throws Exception {
    start(PushHistory.disabled());
    gw.send("PUT", "/metrics/job/batch", Map.of(), "m 1\n");
    GroupSnapshot g = gw.store.groups().getFirst();
    gw.store.put(g.withExpiry(GroupExpiry.of(Duration.ofSeconds(90), TtlSource.POLICY, T)));

    String api = gw.send("GET", "/api/v1/metrics").getContent();
    String page = gw.send("GET", "/").getContent();

    assertThat(api)
        .endsWith(
            ",\"pushmill_expiry\":{\"ttl\":\"1m30s\",\"ttl_seconds\":\"90\",\"source\":\"policy\","
                + "\"since\":\"2026-11-25T12:11:06.767252537Z\","
                + "\"expires_at\":\"2026-11-25T12:12:36.767252537Z\"}}]}");
    assertThat(page).contains("TTL 1m30s, expires: 2026-11-25T12:12:36Z");
  }

  @Test
  void a_group_without_ttl_has_no_expiry_key_and_no_expiry_on_the_page() throws Exception {
    start(PushHistory.disabled());
    gw.send("PUT", "/metrics/job/batch", Map.of(), "m 1\n");

    assertThat(gw.send("GET", "/api/v1/metrics").getContent()).doesNotContain("pushmill_expiry");
    assertThat(gw.send("GET", "/").getContent()).doesNotContain("expires");
  }

  @Test
  void the_own_metrics_count_expiry_and_history() throws Exception {
    start(PushHistory.disabled());
    String scrape = gw.send("GET", "/metrics").getContent();
    assertThat(scrape)
        .contains("# TYPE pushmill_gateway_expired_groups_total counter\n")
        .contains("pushmill_gateway_expired_groups_total 0\n")
        .contains("pushmill_gateway_groups_with_ttl 0\n")
        .contains("pushmill_gateway_history_bytes 0\n")
        .contains("pushmill_gateway_history_series 0\n");
  }

  private static PushHistory historyWithTwoPushes() {
    PushHistory h =
        PushHistory.create(HistoryOptions.defaults(), InstantSource.fixed(T.plusSeconds(60)));
    GroupingKey k = GroupingKey.of("job", "u/admin/script");
    Labels l = Labels.of("instance", "", "job", "u/admin/script");
    for (int i = 0; i < 2; i++) {
      Instant at = Instant.parse("2026-11-25T12:11:00Z").plusSeconds(5L * i);
      MetricFamily f =
          MetricFamily.of(
              "job_records_processed",
              Optional.empty(),
              MetricType.GAUGE,
              List.of(Metric.of(l, new MetricValue.Gauge(40 + i + 0.5))));
      h.accepted(
          new AcceptedPush(
              k,
              at,
              PushMode.REPLACE,
              List.of(f),
              GroupExpiry.of(Duration.ofSeconds(10), TtlSource.URL, at)));
    }
    return h;
  }

  @Test
  void the_history_api_serves_samples_and_the_instant_view() throws Exception {
    start(historyWithTwoPushes());

    HttpTester.Response r =
        gw.send("GET", "/api/v1/history?match=job_records_processed&job=u%2Fadmin%2Fscript");

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.get("Content-Type")).isEqualTo("application/json");
    assertThat(r.get("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(r.getContent())
        .startsWith(
            "{\"status\":\"success\",\"data\":{\"enabled\":true,\"max_samples_per_series\":4096,"
                + "\"retention_seconds\":\"86400\",\"bytes\":")
        .endsWith(
            ",\"max_bytes\":67108864,\"series_count\":1,\"result\":[{"
                + "\"metric\":{\"__name__\":\"job_records_processed\",\"instance\":\"\","
                + "\"job\":\"u/admin/script\"},"
                + "\"family\":\"job_records_processed\",\"current\":true,\"fresh\":false,"
                + "\"fresh_for_seconds\":\"10\","
                + "\"values\":[[1795608660,\"40.5\"],[1795608665,\"41.5\"]],"
                + "\"instant\":[[1795608660,\"40.5\"],[1795608665,\"41.5\"],[1795608675,null]],"
                + "\"removed\":[]}]}}");
  }

  @Test
  void the_history_api_selects_nothing_for_other_labels() throws Exception {
    start(historyWithTwoPushes());
    String body = gw.send("GET", "/api/v1/history?job=other").getContent();
    assertThat(body).endsWith("\"series_count\":1,\"result\":[]}}");
  }

  @Test
  void a_bad_history_query_is_a_400_in_prometheus_words() throws Exception {
    start(historyWithTwoPushes());

    HttpTester.Response r = gw.send("GET", "/api/v1/history?start=yesterday");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent())
        .isEqualTo(
            "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid start"
                + " \\\"yesterday\\\": want Unix seconds or an RFC 3339 time\"}");
  }

  @Test
  void the_history_api_of_a_disabled_history_says_so() throws Exception {
    start(PushHistory.disabled());
    assertThat(gw.send("GET", "/api/v1/history").getContent())
        .startsWith(
            "{\"status\":\"success\",\"data\":{\"enabled\":false,\"max_samples_per_series\":0,")
        .endsWith("\"result\":[]}}");
  }
}
