package io.pushmill.gateway.http.config;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * {@code rate_limit}: Go's {@code rate.Limiter} with one token per interval and a bucket of {@code
 * burst} tokens, full at the start. A burst of 0 refuses everything, as in Go.
 */
final class RateLimiter {
  private final double tokensPerNano;
  private final int burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  RateLimiter(Duration interval, int burst, LongSupplier nanoTime) {
    this.tokensPerNano = 1.0 / interval.toNanos();
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  synchronized boolean allow() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
