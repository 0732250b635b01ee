package io.pushmill.server.tutorial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus (Debian's 2.42, {@code /usr/bin/prometheus}) on a free loopback port with a
 * temporary storage directory, scraping one gateway as the tutorial's {@code prometheus.yml} does:
 * every second, job {@code prometheus_gateway}, {@code honor_labels} left at false.
 */
final class PrometheusProcess implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus");
  static final String SCRAPE_JOB = "prometheus_gateway";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One point of a series: Unix seconds and the value. */
  record Point(double time, double value) {}

  /** A series of a query's answer: its labels and points. */
  record Series(Map<String, String> labels, List<Point> points) {}

  private final Process process;
  private final URI base;
  private final Path log;

  private PrometheusProcess(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /** Starts Prometheus scraping {@code target} ({@code host:port}) and waits until it is ready. */
  static PrometheusProcess start(Path dir, String target) throws IOException {
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: %s
            scrape_interval: 1s
            static_configs:
              - targets: ['%s']
        """.formatted(SCRAPE_JOB, target));
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      int port = freePort();
      Path log = dir.resolve("prometheus-" + port + ".log");
      Process p = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("tsdb-" + port),
          "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      PrometheusProcess prometheus =
          new PrometheusProcess(p, URI.create("http://127.0.0.1:" + port), log);
      try {
        prometheus.awaitReady(Duration.ofSeconds(30));
        return prometheus;
      } catch (IllegalStateException e) {
        prometheus.close();
        last = e;
        if (!prometheus.logTail().toLowerCase(Locale.ROOT).contains("address already in use")) {
          break;
        }
      }
    }
    throw last;
  }

  private void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited with " + process.exitValue()
            + ":\n" + logTail());
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYetListening) {
        // keep polling until the deadline
      }
      sleep(Duration.ofMillis(100));
    }
    throw new IllegalStateException("prometheus was not ready after " + timeout + ":\n"
        + logTail());
  }

  /** An instant query at {@code time}. */
  List<Series> query(String promql, Instant time) {
    return series(api("/api/v1/query?query=" + encode(promql) + "&time=" + seconds(time)));
  }

  /** A range query from {@code start} to {@code end} at a 1 s step. */
  List<Series> queryRange(String promql, Instant start, Instant end) {
    return series(api("/api/v1/query_range?query=" + encode(promql) + "&start=" + seconds(start)
        + "&end=" + seconds(end) + "&step=1"));
  }

  private JsonNode api(String pathAndQuery) {
    HttpResponse<String> r = get(pathAndQuery);
    try {
      JsonNode body = JSON.readTree(r.body());
      if (r.statusCode() != 200 || !body.path("status").asText().equals("success")) {
        throw new IllegalStateException("prometheus answered " + r.statusCode() + " to "
            + pathAndQuery + ": " + r.body());
      }
      return body.path("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Series> series(JsonNode data) {
    List<Series> all = new ArrayList<>();
    for (JsonNode s : data.path("result")) {
      Map<String, String> labels = new TreeMap<>();
      s.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      List<Point> points = new ArrayList<>();
      JsonNode values = s.has("values") ? s.path("values") : JSON.createArrayNode().add(s.path("value"));
      for (JsonNode v : values) {
        points.add(new Point(v.get(0).asDouble(), Double.parseDouble(v.get(1).asText())));
      }
      all.add(new Series(labels, points));
    }
    return all;
  }

  private HttpResponse<String> get(String pathAndQuery) {
    try {
      return HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String seconds(Instant t) {
    return String.format(Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
