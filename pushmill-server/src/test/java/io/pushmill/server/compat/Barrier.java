package io.pushmill.server.compat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Waits until a gateway has applied every write sent so far. A checked push is answered only
 * after the write queue applied it, and the queue is FIFO, so its answer is the barrier; an
 * unchecked push is answered at once, so then the API is polled until the barrier shows. The
 * barrier group ({@link OwnMetrics#BARRIER_JOB}) is dropped by every normalisation.
 */
final class Barrier {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Barrier() {}

  static void pass(GatewayProcess gateway, boolean checked) {
    int seq = SEQUENCE.incrementAndGet();
    gateway.send(
        HttpCall.put(
            gateway.routePrefix() + "/metrics/job/" + OwnMetrics.BARRIER_JOB,
            "compat_barrier_seq " + seq + "\n"));
    if (!checked) {
      awaitApi(gateway, body -> body.contains("\"value\":\"" + seq + "\""), "barrier " + seq);
    }
  }

  /** Polls {@code /api/v1/metrics} until {@code done} holds for its body. */
  static void awaitApi(GatewayProcess gateway, Predicate<String> done, String what) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      last = gateway.send(HttpCall.get(gateway.routePrefix() + "/api/v1/metrics")).text();
      if (done.test(last)) {
        return;
      }
      GatewayProcess.pause(Duration.ofMillis(10));
    }
    throw new AssertionError(gateway + " did not reach " + what + " in " + TIMEOUT + "; last API answer: " + last);
  }
}
