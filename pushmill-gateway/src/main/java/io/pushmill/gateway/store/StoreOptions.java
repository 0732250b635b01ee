package io.pushmill.gateway.store;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Settings of a {@link DefaultMetricStore}.
 *
 * @param persistenceInterval how often changed state is persisted ({@code --persistence.interval})
 * @param queueCapacity the write queue's size; upstream uses 1000
 * @param clock the time source for everything the store times itself (persistence, expiry)
 */
public record StoreOptions(Duration persistenceInterval, int queueCapacity, InstantSource clock) {

  /** Upstream's defaults: persist every 5 minutes, a queue of 1000, the system clock. */
  public static StoreOptions defaults() {
    return new StoreOptions(Duration.ofMinutes(5), 1000, InstantSource.system());
  }
}
