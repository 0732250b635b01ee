/**
 * The gateway's HTTP surface, wire-compatible with the upstream Pushgateway: Jetty wiring ({@link
 * io.pushmill.gateway.http.GatewayServer}), a router with upstream's quirks, the push, delete,
 * scrape, health, lifecycle and admin endpoints. Handlers parse requests and call one {@link
 * io.pushmill.gateway.store.MetricStore} method; they hold no state of their own.
 */
package io.pushmill.gateway.http;
