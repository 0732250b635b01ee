package io.pushmill.gateway.http;

import io.pushmill.gateway.http.gocompat.GoPath;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.store.MetricStore;
import io.pushmill.gateway.store.PushMode;
import io.pushmill.gateway.store.PushOutcome;
import io.pushmill.gateway.store.PushRequest;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.proto.ProtobufFormat;
import io.pushmill.metrics.proto.ProtobufParseException;
import io.pushmill.metrics.text.TextParseException;
import io.pushmill.metrics.text.TextParser;
import java.io.IOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUT, POST and DELETE on {@code /metrics/job/…}: the URL becomes a grouping key, the body is
 * parsed on the request thread, and only a parsed push reaches the store. Answers as upstream's
 * {@code handler.Push} and {@code handler.Delete}: 200 or 400 with the store's message, 202 when
 * the consistency check is off, 202 for a delete. A {@code __ttl__} pseudo-label in the URL goes
 * to the store as the push's TTL (a delete ignores it).
 */
final class PushEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(PushEndpoints.class);
  private static final String PROTOBUF = "application/vnd.google.protobuf";

  private final MetricStore store;
  private final GatewayMetrics metrics;
  private final GroupingKeyParser parser;
  private final boolean consistencyCheck;
  private final boolean utf8Names;
  private final InstantSource clock;

  PushEndpoints(MetricStore store, GatewayMetrics metrics, GatewayOptions options) {
    this.store = store;
    this.metrics = metrics;
    this.parser = new GroupingKeyParser(options.utf8Names());
    this.consistencyCheck = options.consistencyCheck();
    this.utf8Names = options.utf8Names();
    this.clock = options.clock();
  }

  Router.Endpoint push(PushMode mode, boolean base64Job) {
    return (ex, params) -> {
      long start = System.nanoTime();
      ex.beforeSend(
          status -> {
            metrics.countRequest("push", status, ex.method());
            metrics.observePush(
                ex.method(), (System.nanoTime() - start) / 1e9, approximateSize(ex));
          });
      Instrumented.answer(ex, () -> push(ex, params, mode, base64Job));
    };
  }

  Router.Endpoint delete(boolean base64Job) {
    return Instrumented.counted(
        metrics,
        "delete",
        (ex, params) -> {
          store.delete(target(params, base64Job).key());
          ex.empty(202);
        });
  }

  private void push(Exchange ex, Map<String, String> params, PushMode mode, boolean base64Job)
      throws InterruptedException {
    PushTarget target = target(params, base64Job);
    Map<String, MetricFamily> families = parseBody(ex);
    PushRequest request =
        new PushRequest(target.key(), families, mode, clock.instant(), target.ttl());
    if (!consistencyCheck) {
      store.pushWithoutWaiting(request);
      ex.empty(202);
      return;
    }
    switch (store.push(request)) {
      case PushOutcome.Accepted a -> ex.empty(200);
      case PushOutcome.Rejected r -> {
        LOG.atError()
            .addKeyValue("method", ex.method())
            .addKeyValue("source", source(ex))
            .addKeyValue("err", r.message())
            .log("pushed metrics are invalid or inconsistent with existing metrics");
        ex.error(400, r.message());
      }
    }
  }

  private PushTarget target(Map<String, String> params, boolean base64Job) {
    byte[] labels = GoPath.bytes(params.getOrDefault("labels", ""));
    return parser.parseTarget(base64Job, GoPath.bytes(params.get("job")), labels);
  }

  private Map<String, MetricFamily> parseBody(Exchange ex) {
    RequestBody body = ex.body();
    long declared = ex.request().getLength();
    if (declared > body.limit()) {
      throw new PayloadTooLargeException(body.limit());
    }
    try {
      return isDelimitedProtobuf(ex.header("Content-Type").orElse(""))
          ? ProtobufFormat.read(body.stream())
          : TextParser.parse(body.stream(), utf8Names);
    } catch (TextParseException | ProtobufParseException | IOException e) {
      if (body.limitExceeded()) {
        throw new PayloadTooLargeException(body.limit());
      }
      LOG.atDebug()
          .addKeyValue("source", source(ex))
          .addKeyValue("err", e.getMessage())
          .log("failed to parse text");
      throw new BadRequestException(body.decodeError().orElse(e.getMessage()));
    }
  }

  /**
   * Go's {@code mime.ParseMediaType} check: the media type and parameter names compared
   * case-insensitively, the values exactly, in any order; a malformed header means text.
   */
  static boolean isDelimitedProtobuf(String contentType) {
    String[] parts = contentType.split(";", -1);
    if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(PROTOBUF)) {
      return false;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.isEmpty() && i == parts.length - 1) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        return false;
      }
      String value = p.substring(eq + 1).strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      if (params.put(p.substring(0, eq).strip().toLowerCase(Locale.ROOT), value) != null) {
        return false;
      }
    }
    return "delimited".equals(params.get("encoding"))
        && "io.prometheus.client.MetricFamily".equals(params.get("proto"));
  }

  /** client_golang's {@code computeApproximateRequestSize}. */
  private static long approximateSize(Exchange ex) {
    var r = ex.request();
    long size = r.getHttpURI().getPathQuery().length();
    size += r.getMethod().length();
    size += r.getConnectionMetaData().getProtocol().length();
    for (HttpField f : r.getHeaders()) {
      if (f.getHeader() != HttpHeader.HOST) {
        size += f.getName().length() + f.getValue().length();
      }
    }
    String host = r.getHeaders().get(HttpHeader.HOST);
    size += host == null ? 0 : host.length();
    long length = r.getLength();
    return length >= 0 ? size + length : size;
  }

  static String source(Exchange ex) {
    var r = ex.request();
    return org.eclipse.jetty.server.Request.getRemoteAddr(r)
        + ":"
        + org.eclipse.jetty.server.Request.getRemotePort(r);
  }
}
