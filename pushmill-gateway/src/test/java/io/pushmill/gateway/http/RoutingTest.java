package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's router as clients see it (spec §2.1, §2.11, §2.13), one numbered row per quirk: the
 * method and target sent, the status, one header that must be there (or must not, with value {@code
 * null}), and the body when it matters. Rows 1-49 run on a default gateway, 50-69 on one with
 * {@code --web.route-prefix=/pgw --web.telemetry-path=/scrape}, the admin API and the lifecycle
 * API.
 */
class RoutingTest {
  private static final String NOT_FOUND = "404 page not found\n";
  private static final String NOT_ALLOWED = "Method Not Allowed\n";
  private static final String PUSH_ALLOW = "DELETE, OPTIONS, POST, PUT";
  private static final String ANY = null;

  private static GatewayTester plain;
  private static GatewayTester prefixed;

  record Row(
      int n, String method, String target, int status, String header, String value, String body) {
    @Override
    public String toString() {
      return n + ": " + method + " " + target;
    }
  }

  private static Row row(
      int n, String method, String target, int status, String header, String value, String body) {
    return new Row(n, method, target, status, header, value, body);
  }

  static Stream<Row> defaults() {
    return Stream.of(
        row(1, "GET", "/metrics/job/j1", 405, "Allow", PUSH_ALLOW, NOT_ALLOWED),
        row(2, "HEAD", "/metrics/job/j1", 405, "Allow", PUSH_ALLOW, ""),
        row(3, "PATCH", "/metrics/job/j1", 405, "Allow", PUSH_ALLOW, NOT_ALLOWED),
        row(4, "OPTIONS", "/metrics/job/j1", 200, "Allow", PUSH_ALLOW, ""),
        row(5, "OPTIONS", "/metrics/job@base64/ab/c/d", 200, "Allow", PUSH_ALLOW, ""),
        row(6, "POST", "/metrics/job/j3//a/b", 301, "Location", "/metrics/job/j3/a/b", ""),
        row(
            7,
            "GET",
            "/metrics/job/j3/./a",
            301,
            "Location",
            "/metrics/job/j3/a",
            "<a href=\"/metrics/job/j3/a\">Moved Permanently</a>.\n\n"),
        row(8, "DELETE", "/metrics/job/j3/x/../y", 301, "Location", "/metrics/job/j3/y", ""),
        row(9, "PUT", "/a/../metrics/job/j", 301, "Location", "/metrics/job/j", ""),
        row(10, "POST", "/metrics/job/", 307, "Location", "/metrics/job", ""),
        row(11, "POST", "/metrics/job", 404, "Allow", null, NOT_FOUND),
        row(12, "POST", "/metrics/job@base64/", 404, "Allow", null, NOT_FOUND),
        row(13, "GET", "/nope", 404, "Content-Type", "text/plain; charset=utf-8", NOT_FOUND),
        row(14, "GET", "/metrics/", 301, "Location", "/metrics", ANY),
        row(15, "GET", "/METRICS", 301, "Location", "/metrics", ANY),
        row(16, "PUT", "/Metrics/Job/x", 307, "Location", "/metrics/job/x", ""),
        row(17, "HEAD", "/metrics", 405, "Allow", "GET, OPTIONS", ""),
        row(18, "OPTIONS", "/metrics", 200, "Allow", "GET, OPTIONS", ""),
        row(19, "PUT", "/metrics", 405, "Allow", "GET, OPTIONS", NOT_ALLOWED),
        row(20, "GET", "/-/quit", 405, "Allow", null, "Only POST or PUT requests allowed."),
        row(21, "DELETE", "/-/quit", 405, "Allow", "GET, OPTIONS, POST, PUT", NOT_ALLOWED),
        row(
            22,
            "PUT",
            "/-/quit",
            403,
            "Content-Type",
            "text/plain; charset=utf-8",
            "Lifecycle API is not enabled."),
        row(23, "POST", "/-/quit", 403, "Allow", null, "Lifecycle API is not enabled."),
        row(24, "PUT", "/api/v1/admin/wipe", 404, "Allow", null, NOT_FOUND),
        row(25, "POST", "/api/v1/status", 405, "Allow", "GET, OPTIONS", NOT_ALLOWED),
        row(26, "GET", "/api/v1/nope", 404, "Access-Control-Allow-Origin", null, NOT_FOUND),
        row(27, "GET", "/api/v1", 301, "Location", "/api/v1/", ANY),
        row(28, "OPTIONS", "/api/v1/anything/at/all", 200, "Access-Control-Allow-Origin", "*", ""),
        row(29, "GET", "/api/v1/status/", 301, "Location", "/api/v1/status", ANY),
        row(
            30,
            "POST",
            "/metrics/job/x/path/a%2Fb",
            400,
            "X-Content-Type-Options",
            "nosniff",
            "odd number of components in label string \"/path/a/b\"\n"),
        row(
            31,
            "GET",
            "/metrics/job/j3//a?x=1&y=%2F",
            301,
            "Location",
            "/metrics/job/j3/a?x=1&y=%2F",
            ANY),
        row(32, "GET", "/static", 301, "Location", "/static/", ANY),
        row(33, "GET", "/status/", 301, "Location", "/status", ANY),
        row(34, "GET", "/-/healthy/", 301, "Location", "/-/healthy", ANY),
        row(35, "POST", "/metrics/job/a%2F%2Fb", 301, "Location", "/metrics/job/a/b", ""),
        row(36, "GET", "/", 200, "Content-Type", "text/html; charset=utf-8", ANY),
        row(37, "GET", "/status", 200, "Content-Type", "text/html; charset=utf-8", ANY),
        row(38, "GET", "/static/pushmill.css", 200, "Content-Type", "text/css; charset=utf-8", ANY),
        row(
            39,
            "GET",
            "/static/pushmill.js",
            200,
            "Content-Type",
            "text/javascript; charset=utf-8",
            ANY),
        row(40, "GET", "/static/nope.css", 404, "Allow", null, NOT_FOUND),
        row(41, "GET", "/debug/pprof/", 404, "Allow", null, NOT_FOUND),
        row(42, "GET", "/-/healthy", 200, "Content-Type", "text/plain; charset=utf-8", "OK"),
        row(43, "GET", "/-/ready", 200, "Content-Length", "2", "OK"),
        row(44, "HEAD", "/-/healthy", 405, "Allow", "GET, OPTIONS", ""),
        row(45, "DELETE", "/metrics/job/j1/instance/i1", 202, "Content-Type", null, ""),
        row(46, "DELETE", "/metrics/job/nonexist/a/b", 202, "Content-Length", "0", ""),
        row(
            47,
            "PUT",
            "/metrics/job/%CE%A0/name/%CE%A0%CF%81%CE%BF",
            200,
            "Content-Length",
            "0",
            ""),
        row(48, "GET", "/metrics/job/j%C3%A9//x", 301, "Location", "/metrics/job/j%C3%A9/x", ANY),
        row(49, "OPTIONS", "/nope", 404, "Allow", null, NOT_FOUND));
  }

  static Stream<Row> prefixedRows() {
    return Stream.of(
        row(
            50,
            "GET",
            "/pgw/scrape",
            200,
            "Content-Type",
            "text/plain; version=0.0.4; charset=utf-8; escaping=underscores",
            ANY),
        row(51, "GET", "/pgw/metrics", 404, "Allow", null, NOT_FOUND),
        row(52, "PUT", "/pgw/metrics/job/rp", 200, "Content-Length", "0", ""),
        row(53, "PUT", "/metrics/job/rp", 404, "Allow", null, NOT_FOUND),
        row(54, "GET", "/pgw/api/v1/status", 200, "Content-Type", "application/json", ANY),
        row(55, "GET", "/pgw", 301, "Location", "/pgw/", ANY),
        row(56, "GET", "/-/quit", 405, "Allow", null, "Only POST or PUT requests allowed."),
        row(57, "GET", "/pgw/-/quit", 405, "Allow", "OPTIONS, POST, PUT", NOT_ALLOWED),
        row(58, "GET", "/pgw/api/v1/admin/wipe", 405, "Allow", "OPTIONS, PUT", NOT_ALLOWED),
        row(59, "DELETE", "/pgw/api/v1/admin/wipe", 405, "Allow", "OPTIONS, PUT", NOT_ALLOWED),
        row(60, "PUT", "/pgw/api/v1/admin/wipe", 202, "Access-Control-Allow-Origin", null, ""),
        row(61, "GET", "/pgw/", 200, "Content-Type", "text/html; charset=utf-8", ANY),
        row(62, "GET", "/pgw/-/healthy", 200, "Content-Length", "2", "OK"),
        row(63, "GET", "/-/healthy", 404, "Allow", null, NOT_FOUND),
        row(64, "POST", "/pgw/metrics/job/", 307, "Location", "/pgw/metrics/job", ""),
        row(65, "GET", "/api/v1/status", 404, "Allow", null, NOT_FOUND),
        row(66, "GET", "/pgw/api/v1", 301, "Location", "/pgw/api/v1/", ANY),
        row(
            67,
            "GET",
            "/pgw/static/pushmill.js",
            200,
            "Content-Type",
            "text/javascript; charset=utf-8",
            ANY),
        row(68, "DELETE", "/pgw/metrics/job/rp", 202, "Content-Length", "0", ""),
        row(
            69,
            "OPTIONS",
            "/pgw/api/v1/",
            200,
            "Access-Control-Allow-Methods",
            "GET, POST, DELETE, OPTIONS",
            ""));
  }

  @BeforeAll
  static void start() throws Exception {
    plain = new GatewayTester();
    prefixed =
        new GatewayTester(
            GatewayTester.options()
                .withPaths("/scrape", Optional.empty(), "/pgw")
                .withApis(true, false));
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    prefixed.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void a_default_gateway_routes_as_upstream(Row row) throws Exception {
    check(plain, row);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prefixedRows")
  void a_prefixed_gateway_routes_as_upstream(Row row) throws Exception {
    check(prefixed, row);
  }

  private static void check(GatewayTester gw, Row row) throws Exception {
    HttpTester.Response r =
        gw.raw(
            row.method()
                + " "
                + row.target()
                + " HTTP/1.1\r\nHost: gw\r\n"
                + "Connection: close\r\n"
                + (isBodyMethod(row.method()) ? "Content-Length: 0\r\n" : "")
                + "\r\n");
    assertThat(r.getStatus()).as("status").isEqualTo(row.status());
    assertThat(r.get(row.header())).as(row.header()).isEqualTo(row.value());
    if (row.body() != null) {
      assertThat(r.getContent()).as("body").isEqualTo(row.body());
    }
  }

  private static boolean isBodyMethod(String method) {
    return method.equals("PUT") || method.equals("POST");
  }

  @Test
  void errors_follow_go_http_error_conventions() throws Exception {
    HttpTester.Response r = plain.send("GET", "/metrics/job/j1");
    assertThat(r.get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(r.get("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.get("Content-Length")).isEqualTo(String.valueOf(NOT_ALLOWED.length()));
    assertThat(r.get("Server")).isNull();
    assertThat(r.get("Date")).isNotNull();
  }

  @Test
  void answers_without_a_body_have_content_length_zero_and_no_content_type() throws Exception {
    HttpTester.Response r = plain.send("DELETE", "/metrics/job/j1");
    assertThat(r.getStatus()).isEqualTo(202);
    assertThat(r.get("Content-Length")).isEqualTo("0");
    assertThat(r.get("Content-Type")).isNull();
  }

  @Test
  void a_redirect_keeps_the_query_and_escapes_the_path() throws Exception {
    HttpTester.Response r = plain.send("PUT", "/metrics/job/a%20b//c?x=%20");
    assertThat(r.getStatus()).isEqualTo(301);
    assertThat(r.get("Location")).isEqualTo("/metrics/job/a%20b/c?x=%20");
    assertThat(URI.create(r.get("Location")).getPath()).isEqualTo("/metrics/job/a b/c");
  }

  @Test
  void the_external_url_sets_the_route_prefix_when_none_is_given() throws Exception {
    GatewayOptions options =
        GatewayTester.options()
            .withPaths("/metrics", Optional.of(URI.create("http://x.example/ext/")), "");
    try (GatewayTester gw = new GatewayTester(options)) {
      assertThat(gw.send("GET", "/ext/-/ready").getStatus()).isEqualTo(200);
      assertThat(gw.send("GET", "/-/ready").getStatus()).isEqualTo(404);
      assertThat(gw.send("GET", "/ext/").getContent())
          .contains("href=\"/ext/static/pushmill.css?v=abc123\"");
    }
  }

  @Test
  void the_ui_links_relatively_when_there_is_no_external_url() throws Exception {
    String html = prefixed.send("GET", "/pgw/").getContent();
    assertThat(html).contains("href=\"./static/pushmill.css?v=abc123\"");
    assertThat(html).contains("src=\"./static/pushmill.js?v=abc123\"");
  }

  @Test
  void headers_of_the_request_are_not_needed_for_a_scrape() throws Exception {
    HttpTester.Response r = plain.send("GET", "/metrics", Map.of(), "");
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContent()).contains("pushgateway_build_info{");
  }
}
