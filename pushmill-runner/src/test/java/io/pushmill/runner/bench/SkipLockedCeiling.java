package io.pushmill.runner.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reference for target 3 (J1): performance.md's 2-tx loop over JDBC. {@code threads}
 * connections with auto-commit each claim one job ({@code UPDATE … WHERE id = (SELECT … FOR UPDATE
 * SKIP LOCKED) RETURNING id}, a commit) and complete it (a second commit), on the appendix's
 * {@code jobs} table, refilled fresh before each run.
 */
final class SkipLockedCeiling implements AutoCloseable {
  /** The two statements of the loop: a claim that returns the id, and a completion by id. */
  record Queue(String claim, String done) {}

  /** performance.md's {@code jobs} table: the reference. */
  static final Queue SPEC_TABLE = new Queue("""
      UPDATE jobs SET status = 'running', started_at = now(), worker = ?
        WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND scheduled_for <= now()
                    ORDER BY scheduled_for, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id""",
      "UPDATE jobs SET status = 'done', finished_at = now() WHERE id = ?");

  /**
   * The same loop on the runner's own {@code job} table, with the columns the runner sets: how
   * much of the gap to the reference is the schema (its indexes) rather than the runner's code.
   */
  static final Queue RUNNER_TABLE = new Queue("""
      UPDATE job SET state = 'running', worker = ?, started_at = now(), ping_at = now()
        WHERE id = (SELECT id FROM job WHERE state = 'queued' AND scheduled_for <= now()
                    ORDER BY scheduled_for LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id""",
      "UPDATE job SET state = 'success', ended_at = now(), duration_ms = 0, exit_code = 0,"
          + " result_json = 'null', active_schedule = NULL WHERE id = ?");

  /** The application name of the loop's connections. */
  static final String APP = "pushmill-bench-ceiling";

  private final LongAdder done = new LongAdder();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  /** Creates and fills the table: {@code rows} queued jobs, then VACUUM ANALYZE. */
  static void fill(String url, int rows) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("""
          CREATE TABLE IF NOT EXISTS jobs (id bigserial PRIMARY KEY, script_path text NOT NULL,
            status text NOT NULL DEFAULT 'queued', scheduled_for timestamptz NOT NULL DEFAULT now(),
            args jsonb NOT NULL DEFAULT '{}', worker text, started_at timestamptz,
            finished_at timestamptz)""");
      s.execute("CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (scheduled_for, id)"
          + " WHERE status = 'queued'");
      s.execute("TRUNCATE jobs RESTART IDENTITY");
      s.execute("INSERT INTO jobs (script_path, scheduled_for, args) SELECT 'u/admin/job_'"
          + " || (g % 100), now() - interval '1 hour' + g * interval '1 microsecond',"
          + " '{\"n\": 1}'::jsonb FROM generate_series(1, " + rows + ") g");
      s.execute("VACUUM ANALYZE jobs");
    }
  }

  private final Queue queue;

  SkipLockedCeiling(Queue queue) {
    this.queue = queue;
  }

  /** Starts the loop on {@code n} threads, each with its own connection. */
  SkipLockedCeiling start(String url, int n) {
    for (int i = 0; i < n; i++) {
      String worker = "w" + i;
      threads.add(Thread.ofPlatform().name("ceiling-" + i).start(() -> loop(url, worker)));
    }
    return this;
  }

  long completed() {
    return done.sum();
  }

  private void loop(String url, String worker) {
    try (Connection c = DriverManager.getConnection(url + "&ApplicationName=" + APP);
        PreparedStatement claim = c.prepareStatement(queue.claim());
        PreparedStatement complete = c.prepareStatement(queue.done())) {
      claim.setString(1, worker);
      while (!stop.get()) {
        Object id;
        try (ResultSet rs = claim.executeQuery()) {
          if (!rs.next()) {
            return;
          }
          id = rs.getObject(1);
        }
        complete.setObject(1, id);
        complete.executeUpdate();
        done.increment();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("ceiling loop failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
  }
}
