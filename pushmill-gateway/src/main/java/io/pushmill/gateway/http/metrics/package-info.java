/**
 * The gateway's own metrics (build info, HTTP counters and summaries, JVM and process metrics, and
 * added {@link io.pushmill.gateway.http.metrics.MetricSource}s), which are also the store's {@link
 * io.pushmill.gateway.store.OwnMetrics}.
 */
package io.pushmill.gateway.http.metrics;
