package io.pushmill.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.PushOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayPageTest {
  static final String HISTOGRAM = """
      # HELP rpc_seconds How long the RPCs took.
      # TYPE rpc_seconds histogram
      rpc_seconds_bucket{le="0.5"} 3
      rpc_seconds_bucket{le="1"} 7
      rpc_seconds_bucket{le="+Inf"} 9
      rpc_seconds_sum 6.25
      rpc_seconds_count 9
      # TYPE lag summary
      lag{quantile="0.99"} 1.5
      lag_sum 12
      lag_count 4
      """;

  @TempDir Path dir;
  UiFixture ui;
  UiClient client;

  @BeforeEach
  void start() throws Exception {
    ui = UiFixture.start(dir);
    ui.push(GroupingKey.of("job", "batch", "instance", "a"),
        "# HELP job_records_processed Records.\n# TYPE job_records_processed gauge\n"
            + "job_records_processed 42\n");
    ui.push(GroupingKey.of("job", "rpc"), HISTOGRAM);
    ui.push(GroupingKey.of("job", "<script>alert(1)</script>"), "x 1\n");
    client = ui.client().login();
  }

  @AfterEach
  void stop() throws Exception {
    ui.close();
  }

  @Test
  void the_page_lists_every_group_with_its_labels_and_escapes_label_values() throws Exception {
    HttpTester.Response r = client.get("/gateway");
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContent())
        .contains("3 groups holding")
        .contains("<span class=\"label-name\">instance</span>=<span class=\"label-value\">\"a\"")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)")
        .contains("last push <time");
  }

  @Test
  void the_filter_keeps_groups_whose_labels_or_families_match_every_word() throws Exception {
    assertThat(client.get("/gateway?q=rpc_seconds").getContent())
        .contains("Groups 1–1 of 1 matching (3 in all)").contains("\"rpc\"");
    assertThat(client.get("/gateway?q=JOB%3D%22batch%22+instance").getContent())
        .contains("Groups 1–1 of 1 matching").contains("\"batch\"");
    assertThat(client.get("/gateway?q=nothing-like-it").getContent())
        .contains("No group matches “nothing-like-it”.");
  }

  @Test
  void an_opened_group_shows_help_type_values_bucket_tables_and_quantiles() throws Exception {
    String batch = client.send("GET", "/gateway/group?l.job=batch&l.instance=a", "",
        Map.of("HX-Request", "true")).getContent();
    assertThat(batch).doesNotContain("<html").contains("<code>job_records_processed</code>")
        .contains("<span class=\"type\">gauge</span>").contains("Records.")
        .contains("<td class=\"num\">42</td>");
    String rpc = client.get("/gateway/group?l.job=rpc").getContent();
    assertThat(rpc).contains("<html").contains("How long the RPCs took.")
        .contains("<tr><td class=\"num\">0.5</td><td class=\"num\">3</td></tr>")
        .contains("<tr><td class=\"num\">+Inf</td><td class=\"num\">9</td></tr>")
        .contains("count <strong>9</strong>").contains("sum <strong>6.25</strong>")
        .contains("<tr><td class=\"num\">0.99</td><td class=\"num\">1.5</td></tr>");
  }

  @Test
  void a_group_is_deleted_with_the_sessions_token() throws Exception {
    HttpTester.Response r = client.post("/gateway/delete", "l.job", "rpc", "q", "", "page", "1");
    assertThat(r.getStatus()).isEqualTo(303);
    await().atMost(Duration.ofSeconds(5)).until(() -> ui.store.groups().size() == 2);
    assertThat(client.get("/gateway").getContent()).doesNotContain("\"rpc\"");
  }

  @Test
  void a_delete_without_the_csrf_token_or_from_another_site_is_refused() throws Exception {
    HttpTester.Response noToken = client.send("POST", "/gateway/delete",
        UiClient.form("l.job", "rpc"), Map.of());
    assertThat(noToken.getStatus()).isEqualTo(403);
    assertThat(noToken.getContent()).contains("security token is missing");
    HttpTester.Response otherSite = client.send("POST", "/gateway/delete",
        UiClient.form("l.job", "rpc", "_csrf", client.csrf()),
        Map.of("Origin", "https://evil.example"));
    assertThat(otherSite.getStatus()).isEqualTo(403);
    assertThat(otherSite.getContent()).contains("another site");
    HttpTester.Response crossSite = client.send("POST", "/gateway/delete",
        UiClient.form("l.job", "rpc", "_csrf", client.csrf()),
        Map.of("Sec-Fetch-Site", "cross-site"));
    assertThat(crossSite.getStatus()).isEqualTo(403);
    assertThat(ui.store.groups()).hasSize(3);
  }

  @Test
  void delete_all_is_neither_offered_nor_accepted_without_the_admin_api(@TempDir Path other)
      throws Exception {
    try (UiFixture plain = UiFixture.withoutAdminApi(other)) {
      plain.push(GroupingKey.of("job", "kept"), "x 1\n");
      UiClient c = plain.client().login();
      assertThat(c.get("/gateway").getContent()).doesNotContain("Delete all groups");
      HttpTester.Response r = c.post("/gateway/delete-all");
      assertThat(r.getStatus()).isEqualTo(403);
      assertThat(r.getContent()).contains("--web.enable-admin-api");
      assertThat(plain.store.groups()).hasSize(1);
    }
  }

  @Test
  void the_charts_data_holds_each_push_as_a_sample_and_nothing_instant_once_stale()
      throws Exception {
    java.time.Instant t = java.time.Instant.now().minusSeconds(20);
    for (int i = 0; i < 3; i++) {
      assertThat(ui.push(GroupingKey.of("job", "tutorial"),
          "# TYPE job_records_processed gauge\njob_records_processed " + (10 + i) + "\n",
          t.plusSeconds(5L * i))).isEqualTo(PushOutcome.accepted());
    }
    String json = client.get("/charts/data?name=job_records_processed&l.job=tutorial&range=5m")
        .getContent();
    String t0 = Long.toString(t.toEpochMilli());
    assertThat(json).contains("\"history\":true")
        .contains("\"label\":\"job_records_processed{instance=\\\"\\\","
            + " job=\\\"tutorial\\\"}\"")
        .contains("\"samples\":[[" + t0 + ",10.0],[" + (t.toEpochMilli() + 5000) + ",11.0],[")
        .contains("\"instant\":[[" + t0 + ",10.0],")
        .contains("\"fresh\":false");
    assertThat(client.get("/charts?name=job_records_processed&job=tutorial").getContent())
        .contains("data-chart-src=\"/charts/data?name=job_records_processed&amp;l.job=tutorial"
            + "&amp;range=15m\"")
        .contains("<td class=\"num\">12</td>")
        .contains("<span class=\"muted\">stale</span>");
  }

  @Test
  void delete_all_empties_the_store_when_the_admin_api_is_on() throws Exception {
    assertThat(client.get("/gateway").getContent()).contains("Delete all groups");
    HttpTester.Response r = client.post("/gateway/delete-all");
    assertThat(r.getStatus()).isEqualTo(303);
    await().atMost(Duration.ofSeconds(5)).until(() -> ui.store.groups().isEmpty());
  }
}
