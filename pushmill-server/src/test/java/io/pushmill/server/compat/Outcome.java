package io.pushmill.server.compat;

/**
 * What a gateway shows after a client's request, normalised: the text scrape and the metrics
 * API. Two gateways that applied the same pushes have equal outcomes.
 */
record Outcome(String scrape, String api) {

  static Outcome of(GatewayProcess gateway, boolean checked) {
    Barrier.pass(gateway, checked);
    HttpReply scrape = gateway.send(HttpCall.get(gateway.routePrefix() + "/metrics"));
    HttpReply api = gateway.send(HttpCall.get(gateway.routePrefix() + "/api/v1/metrics"));
    return new Outcome(
        Compare.SCRAPE.view(scrape, ScrapeNormalizer.standard()).render(),
        Compare.API.view(api, ScrapeNormalizer.standard()).render());
  }
}
