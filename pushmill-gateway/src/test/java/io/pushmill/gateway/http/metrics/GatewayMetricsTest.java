package io.pushmill.gateway.http.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.gateway.store.OwnMetrics;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gateway's own metrics and their shapes for the consistency check (spec §6). */
class GatewayMetricsTest {
  private static final BuildInfo BUILD = new BuildInfo("1.2.3", "abc", "main", "u", "d", "java25");

  private static Map<String, MetricFamily> byName(List<MetricFamily> families) {
    return families.stream().collect(Collectors.toMap(MetricFamily::name, Function.identity()));
  }

  @Test
  void build_info_is_a_gauge_of_one_with_upstreams_labels_and_help() {
    MetricFamily f =
        byName(GatewayMetrics.withoutJvm(BUILD).collect()).get("pushgateway_build_info");

    assertThat(f.type()).isEqualTo(MetricType.GAUGE);
    assertThat(f.help().orElseThrow())
        .startsWith("A metric with a constant '1' value labeled by version");
    Labels labels = f.metrics().getFirst().labels();
    assertThat(labels.asMap())
        .containsOnlyKeys("branch", "goarch", "goos", "goversion", "revision", "tags", "version");
    assertThat(labels.get("version")).contains("1.2.3");
    assertThat(f.metrics().getFirst().value()).isEqualTo(new MetricValue.Gauge(1));
  }

  @Test
  void request_counters_appear_after_first_use_with_lower_case_methods() {
    GatewayMetrics m = GatewayMetrics.withoutJvm(BUILD);
    assertThat(byName(m.collect()).get("pushgateway_http_requests_total").metrics()).isEmpty();

    m.countRequest("push", 200, "POST");
    m.countRequest("push", 200, "POST");

    MetricFamily f = byName(m.collect()).get("pushgateway_http_requests_total");
    assertThat(f.type()).isEqualTo(MetricType.COUNTER);
    assertThat(f.help())
        .contains("Total HTTP requests processed by the Pushgateway, excluding scrapes.");
    assertThat(f.metrics())
        .containsExactly(
            Metric.of(
                Labels.of("code", "200", "handler", "push", "method", "post"),
                MetricValue.Counter.of(2)));
  }

  @Test
  void push_summaries_have_upstreams_objectives() {
    GatewayMetrics m = GatewayMetrics.withoutJvm(BUILD);
    m.observePush("PUT", 0.5, 120);

    MetricFamily size = byName(m.collect()).get("pushgateway_http_push_size_bytes");
    MetricValue.Summary s = (MetricValue.Summary) size.metrics().getFirst().value();
    assertThat(size.type()).isEqualTo(MetricType.SUMMARY);
    assertThat(size.metrics().getFirst().labels()).isEqualTo(Labels.of("method", "put"));
    assertThat(s.count()).isEqualTo(1);
    assertThat(s.sum()).isEqualTo(120);
    assertThat(s.quantiles())
        .extracting(MetricValue.Quantile::quantile)
        .containsExactly(0.1, 0.5, 0.9);
  }

  @Test
  void jvm_and_process_metrics_are_converted_with_exposition_names() {
    Map<String, MetricFamily> families = byName(GatewayMetrics.create(BUILD).collect());

    assertThat(families.get("jvm_threads_current").type()).isEqualTo(MetricType.GAUGE);
    assertThat(families.get("process_cpu_seconds_total").type()).isEqualTo(MetricType.COUNTER);
    assertThat(families.get("jvm_runtime_info").type()).isEqualTo(MetricType.GAUGE);
    assertThat(families.get("jvm_runtime_info").metrics().getFirst().value())
        .isEqualTo(new MetricValue.Gauge(1));
  }

  @Test
  void own_shapes_constrain_pushes_including_added_sources() {
    GatewayMetrics m = GatewayMetrics.withoutJvm(BUILD);
    OwnMetrics own = m;
    assertThat(own.shapeOf("pushgateway_http_requests_total"))
        .contains(
            new OwnMetrics.Shape(
                MetricType.COUNTER,
                "Total HTTP requests processed by the Pushgateway, excluding scrapes."));
    assertThat(own.shapeOf("runner_jobs_total")).isEmpty();

    m.addSource(
        () ->
            List.of(
                MetricFamily.of(
                    "runner_jobs_total",
                    Optional.of("Jobs run."),
                    MetricType.COUNTER,
                    List.of(Metric.of(Labels.of("state", "ok"), MetricValue.Counter.of(3))))));

    assertThat(own.shapeOf("runner_jobs_total"))
        .contains(new OwnMetrics.Shape(MetricType.COUNTER, "Jobs run."));
    assertThat(byName(m.collect())).containsKey("runner_jobs_total");
  }

  @Test
  void a_failing_source_is_left_out_of_that_scrape_only() {
    GatewayMetrics m = GatewayMetrics.withoutJvm(BUILD);
    boolean[] fail = {false};
    m.addSource(
        () -> {
          if (fail[0]) {
            throw new IllegalStateException("boom");
          }
          return List.of(MetricFamily.of("src", Optional.empty(), MetricType.GAUGE, List.of()));
        });
    fail[0] = true;

    assertThat(byName(m.collect())).containsKey("pushgateway_build_info").doesNotContainKey("src");
    fail[0] = false;
    assertThat(byName(m.collect())).containsKey("src");
  }
}
