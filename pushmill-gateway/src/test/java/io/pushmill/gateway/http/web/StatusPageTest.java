package io.pushmill.gateway.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server-rendered UI (spec §2.12): what it shows, how it deletes, and that it escapes. */
class StatusPageTest {
  private static final Instant T = Instant.parse("2026-11-25T12:11:06.767Z");
  private static final BuildInfo BUILD =
      new BuildInfo("1.2.3", "rev\"1", "main", "tester", "today", "java25");

  private static GroupSnapshot group(
      Labels key, double pushTime, double failureTime, MetricFamily... fs) {
    Map<String, StoredFamily> families = new LinkedHashMap<>();
    for (MetricFamily f : fs) {
      families.put(f.name(), new StoredFamily(T, f));
    }
    families.put(
        "push_time_seconds", new StoredFamily(T, gauge("push_time_seconds", key, pushTime)));
    families.put(
        "push_failure_time_seconds",
        new StoredFamily(T, gauge("push_failure_time_seconds", key, failureTime)));
    return new GroupSnapshot(new GroupingKey(key), families);
  }

  private static MetricFamily gauge(String name, Labels labels, double v) {
    return MetricFamily.of(
        name,
        Optional.of("help of " + name),
        MetricType.GAUGE,
        List.of(Metric.of(labels, new MetricValue.Gauge(v))));
  }

  private static String render(boolean admin, GroupSnapshot... groups) {
    return StatusPage.render(
        new StatusPage.Model(
            List.of(groups),
            Map.of("web.enable-admin-api", String.valueOf(admin), "web.listen-address", ":9091"),
            BUILD,
            T,
            ".",
            admin));
  }

  @Test
  void every_user_value_is_escaped() {
    Labels key = Labels.of("job", "<script>alert(1)</script>", "path", "\"/var/tmp\" & 'x'");
    MetricFamily evil =
        MetricFamily.of(
            "evil",
            Optional.of("<b>bold</b>"),
            MetricType.UNTYPED,
            List.of(Metric.of(key.with("v", "</td>"), new MetricValue.Untyped(1))));

    String html = render(false, group(key, 1.7e9, 0, evil));

    assertThat(html)
        .doesNotContain("<script>alert", "<b>bold</b>", "</td>\"")
        .contains("<span class=\"badge job\">job=\"&lt;script&gt;alert(1)&lt;/script&gt;\"</span>")
        .contains(
            "<span class=\"badge label\">path=\"&#34;/var/tmp&#34; &amp; &#39;x&#39;\"</span>")
        .contains("data-group=\"{job=&#34;&lt;script&gt;")
        .contains("&lt;b&gt;bold&lt;/b&gt;")
        .contains("?v=rev&#34;1");
  }

  @Test
  void a_group_shows_job_first_its_last_push_and_a_relative_delete_url() {
    Labels key = Labels.of("job", "py/job", "empty", "", "path", "/var/tmp", "a", "1");

    String html = render(false, group(key, 1.7956086667672524e9, 0));

    int job = html.indexOf("<span class=\"badge job\">job=\"py/job\"</span>");
    assertThat(job)
        .isPositive()
        .isLessThan(html.indexOf("<span class=\"badge label\">a=\"1\"</span>"));
    assertThat(html).contains("last push: 2026-11-25T12:11:06Z");
    assertThat(html)
        .contains(
            "data-path=\"metrics/job@base64/cHkvam9i/a%40base64/MQ=/empty%40base64/="
                + "/path%40base64/L3Zhci90bXA=\"");
    assertThat(html).doesNotContain("Last push failed!");
  }

  @Test
  void a_failed_last_push_is_flagged() {
    Labels key = Labels.of("job", "j");

    String html = render(false, group(key, 100, 200));

    assertThat(html)
        .contains("<span class=\"badge failed\" role=\"alert\">Last push failed!</span>");
  }

  @Test
  void delete_all_is_offered_only_with_the_admin_api() {
    GroupSnapshot g = group(Labels.of("job", "j"), 1, 0);

    assertThat(render(true, g))
        .contains("id=\"delete-all\">Delete All <span class=\"count\">1</span> Groups");
    assertThat(render(false, g)).doesNotContain("delete-all");
    assertThat(render(true)).contains("id=\"delete-all\" disabled>");
  }

  @Test
  void families_show_help_type_time_and_values_by_kind() {
    Labels key = Labels.of("job", "j");
    MetricFamily summary =
        MetricFamily.of(
            "rd",
            Optional.empty(),
            MetricType.SUMMARY,
            List.of(
                Metric.of(
                    key,
                    new MetricValue.Summary(
                        5, 10, List.of(new MetricValue.Quantile(0.5, 1)), Optional.empty()))));
    MetricFamily histogram =
        MetricFamily.of(
            "hd",
            Optional.empty(),
            MetricType.HISTOGRAM,
            List.of(
                Metric.of(
                    key,
                    MetricValue.Histogram.classic(
                        3,
                        4.5,
                        List.of(MetricValue.Bucket.of(1, 1), MetricValue.Bucket.of(1e21, 3))))));
    MetricFamily big = gauge("big", key, 1.5e21);

    String html = render(false, group(key, 1, 0, summary, histogram, big));

    assertThat(html)
        .contains("<span class=\"name\">rd</span> <span class=\"badge type\">SUMMARY</span>")
        .contains("<span class=\"badge help\">help of big</span>")
        .contains("last pushed: 2026-11-25T12:11:06Z")
        .contains("<th scope=\"row\">Quantile 0.5</th><td>1</td>")
        .contains("<th scope=\"row\">Sample Count</th><td>5</td>")
        .contains("<th scope=\"row\">Sample values \u2264 1000000000000000000000</th><td>3</td>")
        .contains("<th scope=\"row\">Total sample Count</th><td>3</td>")
        .contains("<td>1500000000000000000000</td>");
  }

  @Test
  void the_status_tab_lists_start_time_build_and_flags() {
    String html = render(true);

    assertThat(html)
        .contains(
            "<th>Started</th>".replace("<th>", "<th scope=\"row\">")
                + "<td>2026-11-25T12:11:06.767Z</td>")
        .contains("<th scope=\"row\">goVersion</th><td>java25</td>")
        .contains("<th scope=\"row\">web.listen-address</th><td>:9091</td>");
  }

  @Test
  void plain_numbers_never_use_an_exponent() {
    assertThat(GroupSection.plain(1e-7)).isEqualTo("0.0000001");
    assertThat(GroupSection.plain(250000)).isEqualTo("250000");
    assertThat(GroupSection.plain(-0.0)).isEqualTo("-0");
    assertThat(GroupSection.plain(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GroupSection.plain(0.27)).isEqualTo("0.27");
  }

  @Test
  void a_group_with_a_ttl_shows_when_it_expires_and_an_explicit_never_says_so() {
    StringBuilder sb = new StringBuilder();
    GroupSection.appendExpiry(
        sb,
        io.pushmill.gateway.store.GroupExpiry.of(
            java.time.Duration.ofSeconds(30), io.pushmill.gateway.store.TtlSource.URL, T));
    assertThat(sb.toString())
        .isEqualTo(
            " <span class=\"when expiry\" title=\"TTL 30s from the url, counting from"
                + " 2026-11-25T12:11:06Z\">TTL 30s, expires: 2026-11-25T12:11:36Z</span>");

    sb.setLength(0);
    GroupSection.appendExpiry(
        sb,
        io.pushmill.gateway.store.GroupExpiry.of(
            java.time.Duration.ZERO, io.pushmill.gateway.store.TtlSource.POLICY, T));
    assertThat(sb.toString()).endsWith(">never expires</span>").contains("TTL 0s from the policy");

    sb.setLength(0);
    GroupSection.appendExpiry(sb, io.pushmill.gateway.store.GroupExpiry.none(T));
    assertThat(sb.toString()).isEmpty();
  }
}
