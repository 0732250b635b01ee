package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;

/** Health, lifecycle, wipe and the JSON API over HTTP (spec §2.10, §2.11, §6, V16, V17). */
class AdminEndpointsTest {

  @Test
  void health_and_readiness_follow_the_store() throws Exception {
    try (GatewayTester gw = new GatewayTester()) {
      assertThat(gw.send("GET", "/-/healthy").getContent()).isEqualTo("OK");
      gw.store.healthy = false;

      HttpTester.Response healthy = gw.send("GET", "/-/healthy");
      HttpTester.Response ready = gw.send("GET", "/-/ready");

      assertThat(healthy.getStatus()).isEqualTo(500);
      assertThat(healthy.getContent()).isEqualTo("write queue is full\n");
      assertThat(ready.getStatus()).isEqualTo(500);
      assertThat(gw.send("GET", "/metrics").getContent())
          .contains(
              "pushgateway_http_requests_total{code=\"200\",handler=\"healthy\",method=\"get\"}"
                  + " 1\n")
          .contains(
              "pushgateway_http_requests_total{code=\"500\",handler=\"healthy\",method=\"get\"}"
                  + " 1\n")
          .contains(
              "pushgateway_http_requests_total{code=\"500\",handler=\"ready\",method=\"get\"} 1\n");
    }
  }

  @Test
  void quit_with_the_lifecycle_api_answers_then_asks_for_shutdown() throws Exception {
    try (GatewayTester gw = new GatewayTester(GatewayTester.options().withApis(false, true))) {
      assertThat(gw.server.quitRequested()).isNotDone();

      HttpTester.Response r = gw.send("POST", "/-/quit");

      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.getContent()).isEqualTo("Requesting termination... Goodbye!");
      assertThat(r.get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
      assertThat(gw.server.quitRequested()).succeedsWithin(java.time.Duration.ofSeconds(5));
    }
  }

  @Test
  void quit_without_the_lifecycle_api_is_forbidden_and_changes_nothing() throws Exception {
    try (GatewayTester gw = new GatewayTester()) {
      HttpTester.Response r = gw.send("PUT", "/-/quit");

      assertThat(r.getStatus()).isEqualTo(403);
      assertThat(gw.server.quitRequested()).isNotDone();
    }
  }

  @Test
  void wipe_needs_the_admin_api_and_answers_202_without_cors() throws Exception {
    try (GatewayTester off = new GatewayTester();
        GatewayTester on = new GatewayTester(GatewayTester.options().withApis(true, false))) {
      assertThat(off.send("PUT", "/api/v1/admin/wipe").getStatus()).isEqualTo(404);
      assertThat(off.store.wipes).isZero();

      HttpTester.Response r = on.send("PUT", "/api/v1/admin/wipe");

      assertThat(r.getStatus()).isEqualTo(202);
      assertThat(r.get("Access-Control-Allow-Origin")).isNull();
      assertThat(on.store.wipes).isEqualTo(1);
      assertThat(on.send("GET", "/metrics").getContent())
          .contains(
              "pushgateway_http_requests_total{code=\"202\",handler=\"wipe\",method=\"put\"} 1\n");
    }
  }

  @Test
  void api_answers_carry_cors_and_cache_headers() throws Exception {
    try (GatewayTester gw = new GatewayTester()) {
      HttpTester.Response r = gw.send("GET", "/api/v1/metrics");

      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.getContent()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
      assertThat(r.get("Content-Type")).isEqualTo("application/json");
      assertThat(r.get("Access-Control-Allow-Headers"))
          .isEqualTo("Accept, Authorization, Content-Type, Origin");
      assertThat(r.get("Access-Control-Allow-Methods")).isEqualTo("GET, POST, DELETE, OPTIONS");
      assertThat(r.get("Access-Control-Allow-Origin")).isEqualTo("*");
      assertThat(r.get("Access-Control-Expose-Headers")).isEqualTo("Date");
      assertThat(r.get("Cache-Control")).isEqualTo("no-cache, no-store, must-revalidate");
    }
  }

  @Test
  void api_status_echoes_flags_build_and_start_time() throws Exception {
    try (GatewayTester gw = new GatewayTester()) {
      String json = gw.send("GET", "/api/v1/status").getContent();

      assertThat(json)
          .isEqualTo(
              "{\"status\":\"success\",\"data\":{\"build_information\":{\"branch\":\"main\","
                  + "\"buildDate\":\"20261125-12:00:00\",\"buildUser\":\"tester\",\"goVersion\":\"java25\","
                  + "\"revision\":\"abc123\",\"version\":\"1.2.3\"},\"flags\":{\"web.listen-address\":\":9091\"},"
                  + "\"start_time\":\"2026-11-25T12:11:06.767252537Z\"}}");
    }
  }

  @Test
  void a_pushed_group_appears_in_the_api_with_its_push_time() throws Exception {
    try (GatewayTester gw = new GatewayTester()) {
      gw.send(
          "POST",
          "/metrics/job/batch/instance/host1",
          Map.of(),
          "# HELP batch_duration_seconds Duration of batch job.\n"
              + "# TYPE batch_duration_seconds gauge\n"
              + "batch_duration_seconds 0.27\n");

      String json = gw.send("GET", "/api/v1/metrics").getContent();

      assertThat(json)
          .contains(
              "\"batch_duration_seconds\":{\"time_stamp\":\"2026-11-25T12:11:06.767252537Z\",\"type\":\"GAUGE\",\"help\":\"Duration"
                  + " of batch job.\",\"metrics\":[{\"labels\":{\"instance\":"
                  + "\"host1\",\"job\":\"batch\"},\"value\":\"0.27\"}]}");
      assertThat(json).contains("\"value\":\"1.7956086667672524e+09\"");
    }
  }
}
