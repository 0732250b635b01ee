package io.pushmill.server.multiproc;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts, every few hundred milliseconds, the PostgreSQL connections of each Pushmill process,
 * told apart by the {@code ApplicationName} each process puts in its JDBC URL; keeps each one's
 * most.
 */
final class ConnectionSampler implements AutoCloseable {
  static final String PREFIX = "pushmill-";
  private static final Duration EVERY = Duration.ofMillis(250);

  private final JobTable db;
  private final Map<String, Integer> most = new ConcurrentHashMap<>();
  private final AtomicInteger samples = new AtomicInteger();
  private final Thread thread;
  private volatile boolean stopped;

  private ConnectionSampler(JobTable db) {
    this.db = db;
    this.thread = Thread.ofPlatform().daemon().name("pg-connection-sampler").start(this::loop);
  }

  static ConnectionSampler start(JobTable db) {
    return new ConnectionSampler(db);
  }

  private void loop() {
    while (!stopped) {
      db.query("SELECT application_name, count(*) FROM pg_stat_activity"
              + " WHERE application_name LIKE ? GROUP BY application_name",
          rs -> most.merge(rs.getString(1), rs.getInt(2), Math::max), PREFIX + "%");
      samples.incrementAndGet();
      try {
        Thread.sleep(EVERY);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The most connections seen at once, by application name. */
  Map<String, Integer> most() {
    return new TreeMap<>(most);
  }

  int samples() {
    return samples.get();
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
