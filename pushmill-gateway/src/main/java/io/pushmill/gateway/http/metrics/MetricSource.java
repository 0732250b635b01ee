package io.pushmill.gateway.http.metrics;

import io.pushmill.metrics.MetricFamily;
import java.util.List;

/**
 * More families for the gateway's own part of {@code /metrics}, e.g. the runner's job metrics. They
 * are merged with the pushed families by name, and a push must agree with their type; their HELP
 * wins over a pushed one.
 *
 * <p>{@link #collect()} is called on every scrape, on a request thread, possibly concurrently; it
 * should be quick and must not block on the gateway's store. An exception drops the source's
 * families from that scrape only.
 */
@FunctionalInterface
public interface MetricSource {
  /** The source's families as of now. */
  List<MetricFamily> collect();
}
