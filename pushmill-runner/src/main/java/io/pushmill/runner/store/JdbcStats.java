package io.pushmill.runner.store;

import java.util.List;

/** {@link StatsRepository} on JDBC; the upsert is the dialect's. */
final class JdbcStats implements StatsRepository {
  private final Sql sql;
  private final Dialect dialect;

  JdbcStats(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  @Override
  public void record(Sample s) {
    sql.update(dialect.statUpsert(), s.workspace(), s.kind(), s.scriptPath(), s.schedulePath(),
        s.status(), s.bucket(), s.seconds(), s.at());
  }

  @Override
  public List<Stat> all() {
    return sql.list("SELECT workspace_id, kind, script_path, schedule_path, status, bucket,"
            + " samples, sum_seconds, last_at FROM run_stat",
        r -> new Stat(r.text("workspace_id"), r.text("kind"), r.text("script_path"),
            r.text("schedule_path"), r.text("status"), r.intValue("bucket"),
            r.longValue("samples"), r.doubleValue("sum_seconds"), r.instant("last_at")));
  }
}
