package io.pushmill.gateway.store;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Settings of a {@link DefaultMetricStore}.
 *
 * @param persistenceInterval how often changed state is persisted ({@code --persistence.interval})
 * @param queueCapacity the write queue's size; upstream uses 1000
 * @param clock the time source for everything the store times itself (persistence, expiry)
 * @param defaultTtl the TTL of groups whose push URL and policy set none ({@code
 *     --push.default-ttl}); zero means such groups never expire, as upstream's
 * @param ttlPolicy the server's per-group TTLs, between the URL's and the default
 * @param listener hears about accepted pushes and removed groups (the push history)
 */
public record StoreOptions(
    Duration persistenceInterval,
    int queueCapacity,
    InstantSource clock,
    Duration defaultTtl,
    TtlPolicy ttlPolicy,
    PushListener listener) {

  public StoreOptions {
    if (persistenceInterval == null
        || clock == null
        || defaultTtl == null
        || ttlPolicy == null
        || listener == null) {
      throw new IllegalArgumentException("store options must not be null");
    }
    if (defaultTtl.isNegative()) {
      throw new IllegalArgumentException("the default TTL must not be negative: " + defaultTtl);
    }
  }

  /** Without expiry and without a listener. */
  public StoreOptions(Duration persistenceInterval, int queueCapacity, InstantSource clock) {
    this(
        persistenceInterval,
        queueCapacity,
        clock,
        Duration.ZERO,
        TtlPolicy.none(),
        PushListener.NONE);
  }

  /** Upstream's defaults: persist every 5 minutes, a queue of 1000, the system clock, no expiry. */
  public static StoreOptions defaults() {
    return new StoreOptions(Duration.ofMinutes(5), 1000, InstantSource.system());
  }

  /** These options with another server-wide default TTL (zero: none). */
  public StoreOptions withDefaultTtl(Duration ttl) {
    return new StoreOptions(persistenceInterval, queueCapacity, clock, ttl, ttlPolicy, listener);
  }

  /** These options with another TTL policy. */
  public StoreOptions withTtlPolicy(TtlPolicy policy) {
    return new StoreOptions(
        persistenceInterval, queueCapacity, clock, defaultTtl, policy, listener);
  }

  /** These options with another listener. */
  public StoreOptions withListener(PushListener newListener) {
    return new StoreOptions(
        persistenceInterval, queueCapacity, clock, defaultTtl, ttlPolicy, newListener);
  }
}
