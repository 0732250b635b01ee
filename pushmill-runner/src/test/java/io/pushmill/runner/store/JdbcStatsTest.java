package io.pushmill.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.store.StatsRepository.Sample;
import io.pushmill.runner.store.StatsRepository.Stat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Run statistics kept in shards per worker thread read back as one row per series and bucket. */
class JdbcStatsTest {
  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

  private final JdbcStore store =
      JdbcStore.open("jdbc:h2:mem:stats-" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000", 2);

  @AfterEach
  void close() {
    store.close();
  }

  private void record(String status, int bucket, double seconds, Instant at) {
    store.inTransaction(tx -> {
      tx.stats().record(new Sample("demo", "run", "u/admin/a", "", status, bucket, seconds, at));
      return null;
    });
  }

  @Test
  void samples_recorded_by_many_threads_add_up_to_one_row_per_series_and_bucket()
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 2 * JdbcStats.SHARDS; i++) {
      Instant at = T0.plusSeconds(i);
      threads.add(Thread.ofPlatform().start(() -> record("success", 3, 0.5, at)));
    }
    for (Thread t : threads) {
      t.join();
    }
    record("failure", 3, 2.0, T0);

    List<Stat> all = store.read(tx -> tx.stats().all());

    assertThat(all).containsExactlyInAnyOrder(
        new Stat("demo", "run", "u/admin/a", "", "success", 3, 2L * JdbcStats.SHARDS,
            JdbcStats.SHARDS * 1.0, T0.plusSeconds(2L * JdbcStats.SHARDS - 1)),
        new Stat("demo", "run", "u/admin/a", "", "failure", 3, 1, 2.0, T0));
  }
}
