package io.pushmill.runner.job;

import io.pushmill.runner.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deletes finished jobs and their logs once they are older than the retention, in small batches so
 * that no transaction holds many locks; safe to run in several processes at once.
 */
public final class Retention {
  private static final int MAX_BATCHES_PER_RUN = 50;

  private final Store store;
  private final Clock clock;
  private final Duration keep;
  private final int batchSize;

  public Retention(Store store, Clock clock, Duration keep, int batchSize) {
    this.store = store;
    this.clock = clock;
    this.keep = keep;
    this.batchSize = batchSize;
  }

  /** Deletes what has expired, up to a bounded amount per run; returns the count of jobs deleted. */
  public int run() {
    Instant cutoff = clock.instant().minus(keep);
    int deleted = 0;
    for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      List<UUID> ids = store.read(tx -> tx.jobs().finishedBefore(cutoff, batchSize));
      if (ids.isEmpty()) {
        break;
      }
      deleted += store.inTransaction(tx -> {
        tx.logs().delete(ids);
        return tx.jobs().delete(ids);
      });
      if (ids.size() < batchSize) {
        break;
      }
    }
    return deleted;
  }
}
