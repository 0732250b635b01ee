package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.proto.ProtobufFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scrape: format and escaping negotiation (spec §2.8, V26), gzip, own metrics, no 500. */
class ScrapeEndpointTest {
  private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String PROTO =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";

  private GatewayTester gw;

  @BeforeEach
  void start() throws Exception {
    gw = new GatewayTester();
    MetricFamily dotted =
        MetricFamily.of(
            "a.b-c",
            Optional.empty(),
            MetricType.UNTYPED,
            List.of(
                Metric.of(
                    Labels.of("job", "pbn", "instance", "", "la.bel", "v"),
                    new MetricValue.Untyped(1))));
    gw.store.put(
        new GroupSnapshot(
            GroupingKey.of("job", "pbn"),
            Map.of("a.b-c", new StoredFamily(GatewayTester.NOW, dotted))));
  }

  @AfterEach
  void stop() {
    gw.close();
  }

  record Row(int n, String accept, String contentType) {
    @Override
    public String toString() {
      return n + ": " + accept;
    }
  }

  static Stream<Row> negotiation() {
    return Stream.of(
        new Row(1, "", TEXT + "; escaping=underscores"),
        new Row(2, "*/*", TEXT + "; escaping=underscores"),
        new Row(3, "application/openmetrics-text; version=1.0.0", TEXT + "; escaping=underscores"),
        new Row(4, PROTO, PROTO + "; escaping=underscores"),
        new Row(
            5,
            "application/vnd.google.protobuf; encoding=delimited;"
                + " proto=io.prometheus.client.MetricFamily",
            PROTO + "; escaping=underscores"),
        new Row(
            6,
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
                + "text/plain;version=0.0.4;q=0.3,*/*;q=0.1",
            PROTO + "; escaping=underscores"),
        new Row(
            7,
            "text/plain;version=0.0.4;q=0.9,application/vnd.google.protobuf;"
                + "proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.5",
            TEXT + "; escaping=underscores"),
        new Row(8, "text/plain; version=1.0.0", TEXT + "; escaping=underscores"),
        new Row(
            9, "text/plain; version=0.0.4; escaping=allow-utf-8", TEXT + "; escaping=allow-utf-8"),
        new Row(10, "text/plain; escaping=values", TEXT + "; escaping=values"),
        new Row(11, "text/plain; escaping=dots", TEXT + "; escaping=dots"),
        new Row(12, "text/plain; escaping=bogus", TEXT + "; escaping=underscores"),
        new Row(
            13,
            "application/json; escaping=allow-utf-8, text/html",
            TEXT + "; escaping=allow-utf-8"),
        new Row(14, PROTO + "; escaping=allow-utf-8", PROTO + "; escaping=allow-utf-8"),
        new Row(
            15,
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                + " encoding=text",
            TEXT + "; escaping=underscores"),
        new Row(
            16,
            "application/vnd.google.protobuf; proto=other; encoding=delimited",
            TEXT + "; escaping=underscores"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negotiation")
  void negotiates_format_and_escaping_as_expfmt(Row row) {
    assertThat(ScrapeFormat.negotiate(row.accept()).contentType()).isEqualTo(row.contentType());
  }

  @Test
  void a_text_scrape_merges_own_and_pushed_families_with_underscore_escaping() throws Exception {
    HttpTester.Response r = gw.send("GET", "/metrics");

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.get("Content-Type")).isEqualTo(TEXT + "; escaping=underscores");
    assertThat(r.getContent())
        .contains("# TYPE pushgateway_build_info gauge\n")
        .contains("pushgateway_build_info{branch=\"main\",goarch=")
        .contains("# TYPE a_b_c untyped\na_b_c{instance=\"\",job=\"pbn\",la_bel=\"v\"} 1\n");
  }

  @Test
  void allow_utf8_quotes_names_instead_of_escaping_them() throws Exception {
    HttpTester.Response r =
        gw.send("GET", "/metrics", Map.of("Accept", "text/plain; escaping=allow-utf-8"), "");

    assertThat(r.getContent())
        .contains("{\"a.b-c\",instance=\"\",job=\"pbn\",\"la.bel\"=\"v\"} 1\n");
  }

  @Test
  void values_escaping_encodes_every_invalid_character() throws Exception {
    HttpTester.Response r =
        gw.send("GET", "/metrics", Map.of("Accept", "text/plain; escaping=values"), "");

    // Labels keep their order from before the escaping, as in Go.
    assertThat(r.getContent())
        .contains("U__a_2e_b_2d_c{instance=\"\",job=\"pbn\",U__la_2e_bel=\"v\"} 1\n");
  }

  @Test
  void dots_escaping_spells_out_dots() throws Exception {
    HttpTester.Response r =
        gw.send("GET", "/metrics", Map.of("Accept", "text/plain; escaping=dots"), "");

    assertThat(r.getContent())
        .contains("a_dot_b__c{instance=\"\",job=\"pbn\",la_dot_bel=\"v\"} 1\n");
  }

  @Test
  void a_protobuf_scrape_decodes_back_to_the_same_families() throws Exception {
    HttpTester.Response r = gw.send("GET", "/metrics", Map.of("Accept", PROTO), "");

    assertThat(r.get("Content-Type")).isEqualTo(PROTO + "; escaping=underscores");
    Map<String, MetricFamily> families =
        ProtobufFormat.read(new ByteArrayInputStream(r.getContentBytes()));
    assertThat(families).containsKeys("pushgateway_build_info", "a_b_c");
    assertThat(families.get("a_b_c").metrics().getFirst().labels().get("la_bel")).contains("v");
  }

  @Test
  void a_scrape_is_gzipped_when_the_client_accepts_it() throws Exception {
    HttpTester.Response r =
        gw.send("GET", "/metrics", Map.of("Accept-Encoding", "gzip, deflate, br"), "");

    assertThat(r.get("Content-Encoding")).isEqualTo("gzip");
    String text =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(r.getContentBytes())).readAllBytes());
    assertThat(text).contains("a_b_c{instance=\"\",job=\"pbn\",la_bel=\"v\"} 1\n");
  }

  @Test
  void gzip_is_chosen_as_client_golang_chooses_it() {
    assertThat(ScrapeEndpoint.acceptsGzip("gzip")).isTrue();
    assertThat(ScrapeEndpoint.acceptsGzip("gzip;q=0.5, identity;q=0.9")).isFalse();
    assertThat(ScrapeEndpoint.acceptsGzip("identity, gzip")).isFalse();
    assertThat(ScrapeEndpoint.acceptsGzip("*")).isFalse();
    assertThat(ScrapeEndpoint.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(ScrapeEndpoint.acceptsGzip("")).isFalse();
  }

  @Test
  void a_failing_store_still_gives_a_200_with_the_own_metrics() throws Exception {
    FailingStore failing = new FailingStore();
    try (GatewayServer server =
        GatewayServer.create(failing, gw.metrics, GatewayTester.options())) {
      var connector = server.localConnector();
      server.start();
      HttpTester.Response r =
          HttpTester.parseResponse(
              connector.getResponse(
                  "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.getContent()).contains("pushgateway_build_info{").doesNotContain("a_b_c");
    }
  }

  /** A store whose scrape output fails. */
  private static final class FailingStore implements io.pushmill.gateway.store.MetricStore {
    private final FakeMetricStore delegate = new FakeMetricStore();

    @Override
    public io.pushmill.gateway.store.PushOutcome push(io.pushmill.gateway.store.PushRequest r) {
      return delegate.push(r);
    }

    @Override
    public void pushWithoutWaiting(io.pushmill.gateway.store.PushRequest r) {
      delegate.pushWithoutWaiting(r);
    }

    @Override
    public void delete(GroupingKey key) {
      delegate.delete(key);
    }

    @Override
    public void wipe() {
      delegate.wipe();
    }

    @Override
    public List<GroupSnapshot> groups() {
      return delegate.groups();
    }

    @Override
    public io.pushmill.gateway.store.StoreStats stats() {
      return delegate.stats();
    }

    @Override
    public void writeText(OutputStream out, List<MetricFamily> own, boolean escapeNames)
        throws IOException {
      throw new IOException("disk on fire");
    }

    @Override
    public List<MetricFamily> gather(List<MetricFamily> own) {
      throw new IllegalStateException("disk on fire");
    }

    @Override
    public boolean healthy() {
      return true;
    }

    @Override
    public void close() {}
  }
}
