package io.pushmill.server.multiproc;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waiting in real time, which tests of several processes cannot avoid: their clocks are the
 * system's.
 */
final class Pause {
  private Pause() {}

  static void of(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void until(Instant t) {
    of(Duration.between(Instant.now(), t));
  }

  /** Polls {@code done} until it holds; fails with {@code what} after {@code timeout}. */
  static Instant until(BooleanSupplier done, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      of(Duration.ofMillis(100));
    }
    return Instant.now();
  }
}
