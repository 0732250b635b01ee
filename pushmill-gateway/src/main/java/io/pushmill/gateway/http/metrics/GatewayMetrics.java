package io.pushmill.gateway.http.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.gateway.store.OwnMetrics;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own metrics: {@code pushgateway_build_info}, the HTTP counters and push summaries
 * upstream exposes, the JVM and process metrics of client_java (in place of Go's {@code go_*}), and
 * whatever {@link MetricSource}s are added. It is also the store's {@link OwnMetrics}: a pushed
 * family with one of these names must have the same type.
 *
 * <p>Thread-safe. Shapes of sources are learnt from their last collection, so a source's family
 * constrains pushes from its first scrape on (and from {@link #addSource} on).
 */
public final class GatewayMetrics implements OwnMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayMetrics.class);

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final MetricFamily buildInfo;
  private final Counter requests;
  private final Summary pushDuration;
  private final Summary pushSize;
  private final List<MetricSource> sources = new CopyOnWriteArrayList<>();
  private volatile Map<String, Shape> shapes = Map.of();

  private GatewayMetrics(BuildInfo build, boolean jvm) {
    buildInfo = buildInfoFamily(build);
    requests =
        Counter.builder()
            .name("pushgateway_http_requests_total")
            .help("Total HTTP requests processed by the Pushgateway, excluding scrapes.")
            .labelNames("code", "handler", "method")
            .register(registry);
    pushDuration =
        pushSummary(
            "pushgateway_http_push_duration_seconds",
            "HTTP request duration for pushes to the Pushgateway.");
    pushSize =
        pushSummary(
            "pushgateway_http_push_size_bytes", "HTTP request size for pushes to the Pushgateway.");
    if (jvm) {
      JvmMetrics.builder().register(registry);
    }
    collect();
  }

  /** The gateway's metrics with the JVM and process metrics. */
  public static GatewayMetrics create(BuildInfo build) {
    return new GatewayMetrics(build, true);
  }

  /** Without JVM and process metrics, whose values change on their own: for exact tests. */
  public static GatewayMetrics withoutJvm(BuildInfo build) {
    return new GatewayMetrics(build, false);
  }

  private Summary pushSummary(String name, String help) {
    // Upstream's objectives; client_java's default window (10 minutes, 5 buckets) is Go's too.
    return Summary.builder()
        .name(name)
        .help(help)
        .quantile(0.1, 0.01)
        .quantile(0.5, 0.05)
        .quantile(0.9, 0.01)
        .labelNames("method")
        .register(registry);
  }

  private static MetricFamily buildInfoFamily(BuildInfo b) {
    Labels labels =
        Labels.of(
            "branch", b.branch(),
            "goarch", goArch(),
            "goos", System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT),
            "goversion", b.runtimeVersion(),
            "revision", b.revision(),
            "tags", "unknown",
            "version", b.version());
    return MetricFamily.of(
        "pushgateway_build_info",
        Optional.of(
            "A metric with a constant '1' value labeled by version, revision, branch, goversion"
                + " from which pushgateway was built, and the goos and goarch for the build."),
        MetricType.GAUGE,
        List.of(Metric.of(labels, new MetricValue.Gauge(1))));
  }

  private static String goArch() {
    String arch = System.getProperty("os.arch", "unknown");
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> arch;
    };
  }

  /** Adds a source; its families appear from the next scrape on. */
  public void addSource(MetricSource source) {
    sources.add(source);
    collect();
  }

  /** Counts one request to an instrumented handler, as upstream's {@code InstrumentWithCounter}. */
  public void countRequest(String handler, int code, String method) {
    requests.labelValues(Integer.toString(code), handler, method.toLowerCase(Locale.ROOT)).inc();
  }

  /** Records one push: its duration and upstream's approximate request size. */
  public void observePush(String method, double seconds, long approximateSize) {
    String m = method.toLowerCase(Locale.ROOT);
    pushDuration.labelValues(m).observe(seconds);
    pushSize.labelValues(m).observe(approximateSize);
  }

  /** Every own family as of now, in no particular order; families may be empty. */
  public List<MetricFamily> collect() {
    List<MetricFamily> families = new ArrayList<>();
    families.add(buildInfo);
    for (MetricSnapshot s : registry.scrape()) {
      families.add(SnapshotConverter.convert(s));
    }
    for (MetricSource source : sources) {
      try {
        families.addAll(source.collect());
      } catch (RuntimeException e) {
        LOG.atError().addKeyValue("err", e.toString()).log("metric source failed");
      }
    }
    Map<String, Shape> next = new HashMap<>(shapes);
    for (MetricFamily f : families) {
      next.put(f.name(), new Shape(f.type(), f.help().orElse("")));
    }
    shapes = Map.copyOf(next);
    return families;
  }

  @Override
  public Optional<Shape> shapeOf(String familyName) {
    return Optional.ofNullable(shapes.get(familyName));
  }
}
