package io.pushmill.server;

import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.metrics.MetricFamily;
import java.util.List;
import java.util.function.Supplier;

/**
 * This process's own JVM and process metrics ({@code jvm_*}, {@code process_*}), converted as the
 * gateway converts its own, for the API's and a worker's {@code /metrics}.
 */
public final class ProcessMetrics implements Supplier<List<MetricFamily>> {
  private final GatewayMetrics metrics;

  public ProcessMetrics(BuildInfo build) {
    this.metrics = GatewayMetrics.create(build);
  }

  @Override
  public List<MetricFamily> get() {
    return metrics.collect().stream()
        .filter(f -> f.name().startsWith("jvm_") || f.name().startsWith("process_"))
        .toList();
  }
}
