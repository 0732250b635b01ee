package io.pushmill.gateway.http;

import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;

/** A gateway on a {@link LocalConnector} over a {@link FakeMetricStore}: HTTP without a socket. */
final class GatewayTester implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-25T12:11:06.767252537Z");
  static final BuildInfo BUILD =
      new BuildInfo("1.2.3", "abc123", "main", "tester", "20261125-12:00:00", "java25");

  final FakeMetricStore store = new FakeMetricStore();
  final GatewayMetrics metrics = GatewayMetrics.withoutJvm(BUILD);
  final GatewayServer server;
  private final LocalConnector connector;

  GatewayTester() throws Exception {
    this(options());
  }

  GatewayTester(GatewayOptions options) throws Exception {
    this(options, PushHistory.disabled());
  }

  GatewayTester(GatewayOptions options, PushHistory history) throws Exception {
    server = GatewayServer.create(store, metrics, options, history);
    connector = server.localConnector();
    server.start();
  }

  /** Defaults without a socket, a fixed clock, and flags to report. */
  static GatewayOptions options() {
    return GatewayOptions.defaults()
        .withListenAddresses(List.of())
        .withClock(InstantSource.fixed(NOW))
        .withReport(Map.of("web.listen-address", ":9091"), BUILD);
  }

  /** Sends raw HTTP/1.1 (the request must say {@code Connection: close}) and parses the answer. */
  HttpTester.Response raw(String request) throws Exception {
    String response = connector.getResponse(request);
    return HttpTester.parseResponse(response);
  }

  HttpTester.Response send(String method, String target) throws Exception {
    return send(method, target, Map.of(), "");
  }

  HttpTester.Response send(String method, String target, Map<String, String> headers, String body)
      throws Exception {
    return send(method, target, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  HttpTester.Response send(String method, String target, Map<String, String> headers, byte[] body)
      throws Exception {
    HttpTester.Request r = HttpTester.newRequest();
    r.setMethod(method);
    r.setURI(target);
    r.setVersion("HTTP/1.1");
    r.setHeader("Host", "gateway");
    r.setHeader("Connection", "close");
    headers.forEach(r::setHeader);
    if (body.length > 0 || method.equals("PUT") || method.equals("POST")) {
      r.setContent(body);
    }
    java.nio.ByteBuffer out = connector.getResponse(r.generate());
    return HttpTester.parseResponse(out);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the gateway did not stop", e);
    }
  }
}
