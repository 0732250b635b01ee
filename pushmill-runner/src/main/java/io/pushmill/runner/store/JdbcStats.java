package io.pushmill.runner.store;

import java.util.List;

/**
 * {@link StatsRepository} on JDBC; the upsert is the dialect's. A series is kept in up to
 * {@link #SHARDS} rows per bucket, one per worker thread modulo the count, so that concurrent
 * completions do not queue on one row lock until each other's commit; reads add them up.
 */
final class JdbcStats implements StatsRepository {
  static final int SHARDS = 8;

  private final Sql sql;
  private final Dialect dialect;

  JdbcStats(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  @Override
  public void record(Sample s) {
    sql.update(dialect.statUpsert(), args(s));
  }

  /** The arguments of {@link Dialect#statUpsert()} for a sample, in the calling thread's shard. */
  static Object[] args(Sample s) {
    int shard = (int) (Thread.currentThread().threadId() % SHARDS);
    return new Object[] {s.workspace(), s.kind(), s.scriptPath(), s.schedulePath(), s.status(),
        s.bucket(), shard, s.seconds(), s.at()};
  }

  @Override
  public List<Stat> all() {
    return sql.list("SELECT workspace_id, kind, script_path, schedule_path, status, bucket,"
            + " SUM(samples) AS samples, SUM(sum_seconds) AS sum_seconds, MAX(last_at) AS last_at"
            + " FROM run_stat"
            + " GROUP BY workspace_id, kind, script_path, schedule_path, status, bucket",
        r -> new Stat(r.text("workspace_id"), r.text("kind"), r.text("script_path"),
            r.text("schedule_path"), r.text("status"), r.intValue("bucket"),
            r.longValue("samples"), r.doubleValue("sum_seconds"), r.instant("last_at")));
  }
}
