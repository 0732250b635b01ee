package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.PushMode;
import io.pushmill.gateway.store.PushOutcome;
import io.pushmill.gateway.store.PushRequest;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.proto.ProtobufFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.SnappyFramedOutputStream;

/** Pushes and deletes through HTTP into a recording store (spec §2.2-§2.4, §7 rows 2-17). */
class PushEndpointsTest {
  private static final String PROTO_CT =
      "application/vnd.google.protobuf; encoding=delimited;"
          + " proto=io.prometheus.client.MetricFamily";

  private GatewayTester gw;

  @BeforeEach
  void start() throws Exception {
    gw = new GatewayTester();
  }

  @AfterEach
  void stop() throws Exception {
    gw.close();
  }

  private HttpTester.Response push(String method, String path, String body) throws Exception {
    return gw.send(method, path, Map.of(), body);
  }

  @Test
  void a_post_submits_the_parsed_families_with_merge_mode_and_the_clock_time() throws Exception {
    HttpTester.Response r =
        push(
            "POST",
            "/metrics/job/testjob/instance/testinstance",
            "some_metric 3.14\nanother_metric{instance=\"x\",job=\"y\"} 2\n");

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContent()).isEmpty();
    assertThat(r.get("Content-Length")).isEqualTo("0");
    assertThat(gw.store.pushes).hasSize(1);
    PushRequest p = gw.store.pushes.getFirst();
    assertThat(p.key()).isEqualTo(GroupingKey.of("job", "testjob", "instance", "testinstance"));
    assertThat(p.mode()).isEqualTo(PushMode.MERGE);
    assertThat(p.time()).isEqualTo(GatewayTester.NOW);
    assertThat(p.families()).containsOnlyKeys("some_metric", "another_metric");
    assertThat(p.families().get("another_metric").metrics().getFirst().labels())
        .as("the handler does not sanitise")
        .isEqualTo(Labels.of("instance", "x", "job", "y"));
  }

  @Test
  void a_put_replaces_and_an_empty_body_is_a_push_without_families() throws Exception {
    HttpTester.Response r = push("PUT", "/metrics/job/testjob", "");

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(gw.store.pushes.getFirst().mode()).isEqualTo(PushMode.REPLACE);
    assertThat(gw.store.pushes.getFirst().families()).isEmpty();
    assertThat(gw.store.pushes.getFirst().key()).isEqualTo(GroupingKey.of("job", "testjob"));
  }

  @Test
  void a_refused_push_answers_400_with_the_stores_message() throws Exception {
    gw.store.outcome = req -> PushOutcome.rejected("testerror");

    HttpTester.Response r = push("POST", "/metrics/job/j", "m 1\n");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent())
        .isEqualTo("pushed metrics are invalid or inconsistent with existing metrics: testerror\n");
    assertThat(r.get("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void a_body_that_does_not_parse_is_refused_before_the_store() throws Exception {
    HttpTester.Response r = push("POST", "/metrics/job/j/instance/i", "blablabla\n");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).startsWith("text format parsing error in line 1: ");
    assertThat(gw.store.pushes).isEmpty();
  }

  @Test
  void a_missing_final_newline_gives_upstreams_message() throws Exception {
    HttpTester.Response r = push("PUT", "/metrics/job/pe", "m 1");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent())
        .isEqualTo("text format parsing error in line 1: unexpected end of input stream\n");
  }

  @Test
  void a_bad_url_is_refused_before_the_body_is_read() throws Exception {
    HttpTester.Response r = push("POST", "/metrics/job/j2/a-b/c", "not even parsed");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).isEqualTo("improper label name \"a-b\"\n");
    assertThat(gw.store.pushes).isEmpty();
  }

  @Test
  void delimited_protobuf_is_read_whatever_the_parameter_order() throws Exception {
    byte[] body = protobuf(gauge("pbm", 1), gauge("pbm", 2), gauge("other", 3));

    HttpTester.Response r =
        gw.send("PUT", "/metrics/job/pb", Map.of("Content-Type", PROTO_CT), body);

    assertThat(r.getStatus()).isEqualTo(200);
    Map<String, MetricFamily> families = gw.store.pushes.getFirst().families();
    assertThat(families).containsOnlyKeys("pbm", "other");
    assertThat(families.get("pbm").metrics().getFirst().value())
        .as("a later family of the same name wins")
        .isEqualTo(new MetricValue.Gauge(2));
  }

  @Test
  void protobuf_without_encoding_delimited_goes_to_the_text_parser() throws Exception {
    byte[] body = protobuf(gauge("pbm", 1));
    Map<String, String> ct =
        Map.of(
            "Content-Type",
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily");

    HttpTester.Response r = gw.send("PUT", "/metrics/job/pb", ct, body);

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).startsWith("text format parsing error in line 1: ");
  }

  @Test
  void truncated_protobuf_is_an_unexpected_eof() throws Exception {
    byte[] body = protobuf(gauge("pbm", 1));
    byte[] truncated = java.util.Arrays.copyOf(body, body.length - 3);

    HttpTester.Response r =
        gw.send("PUT", "/metrics/job/pb", Map.of("Content-Type", PROTO_CT), truncated);

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).isEqualTo("unexpected EOF\n");
  }

  @Test
  void gzip_bodies_are_decoded_whatever_the_case_of_the_header() throws Exception {
    for (String encoding : List.of("gzip", "GZIP", "GZip")) {
      HttpTester.Response r =
          gw.send(
              "POST",
              "/metrics/job/gz",
              Map.of("Content-Encoding", encoding),
              gzip("gz_metric 1\n"));
      assertThat(r.getStatus()).as(encoding).isEqualTo(200);
    }
    assertThat(gw.store.pushes)
        .allSatisfy(p -> assertThat(p.families()).containsOnlyKeys("gz_metric"));
  }

  @Test
  void broken_gzip_gives_gos_messages() throws Exception {
    byte[] gz = gzip("gz_metric 1\n");
    byte[] truncated = java.util.Arrays.copyOf(gz, gz.length - 10);
    Map<String, String> h = Map.of("Content-Encoding", "gzip");

    assertThat(gw.send("POST", "/metrics/job/gz", h, "not gzip at all").getContent())
        .isEqualTo("gzip: invalid header\n");
    assertThat(gw.send("POST", "/metrics/job/gz", h, "").getContent()).isEqualTo("EOF\n");
    // Shorter than gzip's 10-byte header: Go reads the whole header before checking the magic.
    assertThat(gw.send("POST", "/metrics/job/gz", h, "gz 1\n").getContent())
        .isEqualTo("unexpected EOF\n");
    assertThat(gw.send("POST", "/metrics/job/gz", h, truncated).getContent())
        .isEqualTo("unexpected EOF\n");
    assertThat(gw.store.pushes).isEmpty();
  }

  @Test
  void a_gzip_header_is_checked_on_every_route_as_upstream_does() throws Exception {
    HttpTester.Response r = gw.send("GET", "/-/healthy", Map.of("Content-Encoding", "gzip"), "");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).isEqualTo("EOF\n");
  }

  @Test
  void snappy_framed_bodies_are_decoded() throws Exception {
    HttpTester.Response r =
        gw.send(
            "POST",
            "/metrics/job/sn",
            Map.of("Content-Encoding", "Snappy"),
            snappy("sn_metric 1\n"));

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(gw.store.pushes.getFirst().families()).containsOnlyKeys("sn_metric");
  }

  @Test
  void broken_snappy_is_a_400_and_empty_snappy_an_empty_push() throws Exception {
    Map<String, String> h = Map.of("Content-Encoding", "snappy");

    HttpTester.Response broken = gw.send("POST", "/metrics/job/sn", h, "sn_metric 1\n");
    HttpTester.Response empty = gw.send("POST", "/metrics/job/sn", h, "");

    assertThat(broken.getStatus()).isEqualTo(400);
    assertThat(broken.getContent()).isEqualTo("snappy: corrupt input\n");
    assertThat(empty.getStatus()).isEqualTo(200);
    assertThat(gw.store.pushes).hasSize(1);
  }

  @Test
  void an_unknown_content_encoding_is_ignored() throws Exception {
    HttpTester.Response r =
        gw.send("POST", "/metrics/job/x", Map.of("Content-Encoding", "br"), "plain_metric 1\n");

    assertThat(r.getStatus()).isEqualTo(200);
  }

  @Test
  void with_the_check_disabled_a_push_is_accepted_with_202_without_waiting() throws Exception {
    try (GatewayTester unchecked =
        new GatewayTester(GatewayTester.options().withPush(false, false, 1 << 20))) {
      HttpTester.Response r = unchecked.send("PUT", "/metrics/job/u", Map.of(), "um 1\n");

      assertThat(r.getStatus()).isEqualTo(202);
      assertThat(r.getContent()).isEmpty();
      assertThat(unchecked.store.uncheckedPushes).hasSize(1);
      assertThat(unchecked.store.pushes).isEmpty();
    }
  }

  @Test
  void a_delete_submits_exactly_the_key_and_answers_202() throws Exception {
    HttpTester.Response r = gw.send("DELETE", "/metrics/job@base64/dGVzdC9qb2I/instance@base64/aQ");

    assertThat(r.getStatus()).isEqualTo(202);
    assertThat(gw.store.deletes)
        .containsExactly(GroupingKey.of("job", "test/job", "instance", "i"));
  }

  @Test
  void a_delete_with_a_bad_url_submits_nothing() throws Exception {
    HttpTester.Response r = gw.send("DELETE", "/metrics/job@base64/=");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).isEqualTo("job name is required\n");
    assertThat(gw.store.deletes).isEmpty();
  }

  @Test
  void utf8_names_are_accepted_in_the_body_and_the_url_with_the_flag() throws Exception {
    try (GatewayTester utf8 =
        new GatewayTester(GatewayTester.options().withPush(true, true, 1 << 20))) {
      HttpTester.Response r =
          utf8.send(
              "PUT",
              "/metrics/job/u/U__dotted_2e_label/v",
              Map.of(),
              "{\"another.metric\",\"dotted.label.name\"=\"x\"} 1\n");

      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(utf8.store.pushes.getFirst().key().labels().get("dotted.label")).contains("v");
      assertThat(utf8.store.pushes.getFirst().families()).containsOnlyKeys("another.metric");
    }
  }

  @Test
  void pushes_are_counted_and_timed_per_method() throws Exception {
    push("POST", "/metrics/job/a", "m 1\n");
    push("POST", "/metrics/job/a", "bad\n");
    push("PUT", "/metrics/job/a", "m 1\n");
    gw.send("DELETE", "/metrics/job/a");

    String scrape = gw.send("GET", "/metrics").getContent();

    assertThat(scrape)
        .contains(
            "pushgateway_http_requests_total{code=\"200\",handler=\"push\",method=\"post\"} 1\n")
        .contains(
            "pushgateway_http_requests_total{code=\"400\",handler=\"push\",method=\"post\"} 1\n")
        .contains(
            "pushgateway_http_requests_total{code=\"200\",handler=\"push\",method=\"put\"} 1\n")
        .contains(
            "pushgateway_http_requests_total{code=\"202\",handler=\"delete\",method=\"delete\"}"
                + " 1\n")
        .contains("pushgateway_http_push_duration_seconds_count{method=\"post\"} 2\n")
        .contains("pushgateway_http_push_size_bytes_count{method=\"put\"} 1\n")
        .contains(
            "# HELP pushgateway_http_push_size_bytes HTTP request size for pushes to the"
                + " Pushgateway.\n")
        .contains("pushgateway_http_push_duration_seconds{method=\"put\",quantile=\"0.9\"}");
  }

  @Test
  void a_declared_body_over_the_limit_is_refused_with_413() throws Exception {
    try (GatewayTester small =
        new GatewayTester(GatewayTester.options().withPush(true, false, 64))) {
      HttpTester.Response r = small.send("POST", "/metrics/job/big", Map.of(), "m 1\n".repeat(20));

      assertThat(r.getStatus()).isEqualTo(413);
      assertThat(r.getContent())
          .isEqualTo("request body exceeds the limit of 64 bytes (--push.max-body-size)\n");
      assertThat(small.store.pushes).isEmpty();
    }
  }

  @Test
  void a_chunked_body_over_the_limit_is_refused_with_413() throws Exception {
    try (GatewayTester small =
        new GatewayTester(GatewayTester.options().withPush(true, false, 64))) {
      String chunk = "m 1\n".repeat(10);
      String request =
          "POST /metrics/job/big HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n"
              + Integer.toHexString(chunk.length())
              + "\r\n"
              + chunk
              + "\r\n"
              + Integer.toHexString(chunk.length())
              + "\r\n"
              + chunk
              + "\r\n0\r\n\r\n";

      HttpTester.Response r = small.raw(request);

      assertThat(r.getStatus()).isEqualTo(413);
      assertThat(small.store.pushes).isEmpty();
    }
  }

  @Test
  void a_body_that_decompresses_beyond_the_limit_is_refused_with_413() throws Exception {
    try (GatewayTester small =
        new GatewayTester(GatewayTester.options().withPush(true, false, 1024))) {
      byte[] bomb = gzip("m 1\n".repeat(100_000));
      assertThat(bomb.length).as("small on the wire").isLessThan(1024);

      HttpTester.Response gz =
          small.send("POST", "/metrics/job/bomb", Map.of("Content-Encoding", "gzip"), bomb);
      HttpTester.Response sn =
          small.send(
              "POST",
              "/metrics/job/bomb",
              Map.of("Content-Encoding", "snappy"),
              snappy("m 1\n".repeat(2_000)));

      assertThat(gz.getStatus()).isEqualTo(413);
      assertThat(sn.getStatus()).isEqualTo(413);
      assertThat(small.store.pushes).isEmpty();
    }
  }

  @Test
  void a_body_at_the_limit_is_accepted() throws Exception {
    try (GatewayTester small =
        new GatewayTester(GatewayTester.options().withPush(true, false, 16))) {
      HttpTester.Response r = small.send("POST", "/metrics/job/edge", Map.of(), "m 1\nm2 123456\n");

      assertThat(r.getStatus()).isEqualTo(200);
    }
  }

  @Test
  void an_overlong_url_is_refused_with_414_in_plain_text() throws Exception {
    String path = "/metrics/job/j/label/" + "v".repeat(GatewayServer.MAX_REQUEST_HEADER_SIZE);

    HttpTester.Response r =
        gw.raw(
            "PUT "
                + path
                + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n"
                + "Content-Length: 4\r\n\r\nm 1\n");

    assertThat(r.getStatus()).isEqualTo(414);
    assertThat(r.get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(r.getContent()).isEqualTo("414 Request URI Too Long");
    assertThat(gw.store.pushes).isEmpty();
  }

  private static MetricFamily gauge(String name, double v) {
    return MetricFamily.of(
        name,
        Optional.empty(),
        MetricType.GAUGE,
        List.of(Metric.of(Labels.EMPTY, new MetricValue.Gauge(v))));
  }

  private static byte[] protobuf(MetricFamily... families) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtobufFormat.write(out, List.of(families));
    return out.toByteArray();
  }

  static byte[] gzip(String s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static byte[] snappy(String s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SnappyFramedOutputStream sn = new SnappyFramedOutputStream(out)) {
      sn.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
