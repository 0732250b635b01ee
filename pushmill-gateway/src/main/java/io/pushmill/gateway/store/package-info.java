/**
 * The Pushgateway-compatible metric store: the contract ({@link
 * io.pushmill.gateway.store.MetricStore}) with its values, and {@link
 * io.pushmill.gateway.store.DefaultMetricStore}, which owns the write queue, the writer thread,
 * the consistency indexes and the pre-rendered scrape. It imports no HTTP.
 */
package io.pushmill.gateway.store;
