package io.pushmill.server.api;

/** One route's work: parse the request, call the runner, say what to answer. */
@FunctionalInterface
public interface Endpoint {
  Reply handle(ApiRequest request);
}
