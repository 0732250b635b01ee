/**
 * The Pushgateway-compatible metric store: the contract ({@link
 * io.pushmill.gateway.store.MetricStore}) with its values, and {@link
 * io.pushmill.gateway.store.DefaultMetricStore}, which owns the write queue, the writer thread,
 * the consistency indexes, the pre-rendered scrape and the opt-in expiry of groups ({@link
 * io.pushmill.gateway.store.TtlPolicy}, {@link io.pushmill.gateway.store.GroupExpiry}). What the
 * writer did is reported to a {@link io.pushmill.gateway.store.PushListener} (the push history).
 * It imports no HTTP.
 */
package io.pushmill.gateway.store;
