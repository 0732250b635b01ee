/** The JSON bodies of {@code /api/v1/status} and {@code /api/v1/metrics}, as upstream writes them. */
package io.pushmill.gateway.http.api;
