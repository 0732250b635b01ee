package io.pushmill.gateway.http;

import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.store.MetricStore;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.Utf8Order;
import io.pushmill.metrics.proto.ProtobufFormat;
import io.pushmill.metrics.text.NameEscaping;
import io.pushmill.metrics.text.TextWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET <telemetry path>}: the own metrics merged with every pushed group, in the negotiated
 * format and escaping, gzipped when the client accepts it. The body is rendered before anything is
 * sent, so a failure can still be answered with the own metrics instead of a broken stream: a
 * scrape never answers 500.
 */
final class ScrapeEndpoint implements Router.Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger(ScrapeEndpoint.class);

  private final MetricStore store;
  private final GatewayMetrics metrics;
  private final AtomicInteger lastSize = new AtomicInteger(64 * 1024);

  ScrapeEndpoint(MetricStore store, GatewayMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  @Override
  public void handle(Exchange ex, Map<String, String> params) throws IOException {
    ScrapeFormat format = ScrapeFormat.negotiate(ex.header("Accept").orElse(""));
    List<MetricFamily> own = metrics.collect();
    ScrapeBuffer body = new ScrapeBuffer(lastSize.get());
    try {
      render(body, format, own);
    } catch (RuntimeException | IOException e) {
      LOG.atError()
          .setCause(e)
          .addKeyValue("err", e.toString())
          .log("error gathering metrics; serving the gateway's own metrics only");
      body = new ScrapeBuffer(16 * 1024);
      body.write(renderOwn(format, own));
    }
    lastSize.set(body.size());
    if (acceptsGzip(ex.header("Accept-Encoding").orElse(""))) {
      ex.header("Content-Encoding", "gzip");
      body = gzip(body);
    }
    ex.send(200, format.contentType(), body.asByteBuffer());
  }

  private void render(ScrapeBuffer out, ScrapeFormat format, List<MetricFamily> own)
      throws IOException {
    boolean storeWritesIt =
        !format.protobuf()
            && (format.escaping() == NameEscaping.Scheme.UNDERSCORES
                || format.escaping() == NameEscaping.Scheme.ALLOW_UTF8);
    if (storeWritesIt) {
      store.writeText(out, own, format.escaping() == NameEscaping.Scheme.UNDERSCORES);
    } else {
      write(out, format, store.gather(own));
    }
  }

  private static byte[] renderOwn(ScrapeFormat format, List<MetricFamily> own) throws IOException {
    List<MetricFamily> sorted = new ArrayList<>(own);
    sorted.sort(Comparator.comparing(MetricFamily::name, Utf8Order.COMPARATOR));
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    write(out, format, sorted);
    return out.toByteArray();
  }

  private static void write(
      ByteArrayOutputStream out, ScrapeFormat format, List<MetricFamily> families)
      throws IOException {
    if (!format.protobuf()) {
      TextWriter.write(out, families, format.escaping()); // keeps Go's label order
      return;
    }
    List<MetricFamily> escaped = new ArrayList<>(families.size());
    for (MetricFamily f : families) {
      if (!f.metrics().isEmpty()) {
        escaped.add(NameEscaping.escape(f, format.escaping()));
      }
    }
    ProtobufFormat.write(out, escaped);
  }

  /**
   * client_golang's choice between identity and gzip: the offer with the highest quality wins,
   * identity first on a tie, and a quality of 0 means identity.
   */
  static boolean acceptsGzip(String acceptEncoding) {
    double identityQ = -1;
    double gzipQ = -1;
    for (String part : acceptEncoding.split(",")) {
      String[] spec = part.split(";");
      String value = spec[0].strip().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < spec.length; i++) {
        String p = spec[i].strip();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (value.equals("*") || value.equals("identity")) {
        identityQ = Math.max(identityQ, q);
      }
      if (value.equals("*") || value.equals("gzip")) {
        gzipQ = Math.max(gzipQ, q);
      }
    }
    return gzipQ > identityQ && gzipQ > 0;
  }

  /**
   * The fastest deflate level: a scrape of 100,000 series is about 6 MB of very repetitive text, so
   * level 1 compresses it nearly as well as the default level 6 in a third of the time.
   */
  private static ScrapeBuffer gzip(ScrapeBuffer body) throws IOException {
    ScrapeBuffer out = new ScrapeBuffer(body.size() / 8 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out, 64 * 1024) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        }) {
      body.writeTo(gz);
    }
    return out;
  }

  /**
   * A byte buffer sized from the previous scrape, so a scrape does not grow it by doubling, and
   * handed to Jetty without the copy {@code toByteArray()} would make: a large scrape then costs
   * one body-sized allocation instead of about four.
   */
  static final class ScrapeBuffer extends ByteArrayOutputStream {
    ScrapeBuffer(int expectedSize) {
      super(Math.max(expectedSize + expectedSize / 16, 1024));
    }

    ByteBuffer asByteBuffer() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }
}
