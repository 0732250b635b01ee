package io.pushmill.server.compat;

import java.util.concurrent.CompletableFuture;

/** Upstream and the candidate, started with the same flags; closing stops both. */
public final class GatewayPair implements AutoCloseable {
  private final Setup setup;
  private final GatewayProcess reference;
  private final GatewayProcess candidate;

  private GatewayPair(Setup setup, GatewayProcess reference, GatewayProcess candidate) {
    this.setup = setup;
    this.reference = reference;
    this.candidate = candidate;
  }

  /** Starts both gateways at once (the JVM's start-up overlaps upstream's). */
  public static GatewayPair start(Setup setup) {
    CompletableFuture<GatewayProcess> reference =
        CompletableFuture.supplyAsync(
            () -> GatewayProcess.start(GatewayKind.UPSTREAM, setup.flags(), setup.routePrefix()));
    CompletableFuture<GatewayProcess> candidate =
        CompletableFuture.supplyAsync(
            () -> GatewayProcess.start(GatewayKind.candidate(), setup.flags(), setup.routePrefix()));
    try {
      return new GatewayPair(setup, reference.join(), candidate.join());
    } catch (RuntimeException e) {
      reference.thenAccept(GatewayProcess::close);
      candidate.thenAccept(GatewayProcess::close);
      throw e;
    }
  }

  public Setup setup() {
    return setup;
  }

  public GatewayProcess reference() {
    return reference;
  }

  public GatewayProcess candidate() {
    return candidate;
  }

  @Override
  public void close() {
    try (reference) {
      candidate.close();
    }
  }

  @Override
  public String toString() {
    return setup + ": " + reference + " vs " + candidate;
  }
}
