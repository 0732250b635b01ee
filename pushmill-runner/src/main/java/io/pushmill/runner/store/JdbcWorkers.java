package io.pushmill.runner.store;

import io.pushmill.runner.model.WorkerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link WorkerRepository} on JDBC. */
final class JdbcWorkers implements WorkerRepository {
  private static final String SELECT = "SELECT name, worker_group, instance, slots, started_at,"
      + " ping_at, jobs_executed FROM worker";

  private final Sql sql;

  JdbcWorkers(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void register(WorkerInfo w) {
    sql.update("DELETE FROM worker WHERE name = ?", w.name());
    sql.update("INSERT INTO worker (name, worker_group, instance, slots, started_at, ping_at,"
            + " jobs_executed) VALUES (?, ?, ?, ?, ?, ?, ?)",
        w.name(), w.group(), w.instance(), w.slots(), w.startedAt(), w.pingAt(), w.jobsExecuted());
  }

  @Override
  public boolean ping(String name, String instance, Instant now, long jobsExecuted) {
    return sql.update("UPDATE worker SET ping_at = ?, jobs_executed = ? WHERE name = ?"
        + " AND instance = ?", now, jobsExecuted, name, instance) == 1;
  }

  @Override
  public Optional<WorkerInfo> get(String name, Instant aliveAfter) {
    return sql.one(SELECT + " WHERE name = ?", r -> map(r, aliveAfter), name);
  }

  @Override
  public List<WorkerInfo> list(Instant aliveAfter) {
    return sql.list(SELECT + " ORDER BY name", r -> map(r, aliveAfter));
  }

  @Override
  public long countAlive(Instant aliveAfter) {
    return sql.count("SELECT COUNT(*) FROM worker WHERE ping_at > ?", aliveAfter);
  }

  @Override
  public void remove(String name, String instance) {
    sql.update("DELETE FROM worker WHERE name = ? AND instance = ?", name, instance);
  }

  private static WorkerInfo map(Row r, Instant aliveAfter) throws java.sql.SQLException {
    Instant ping = r.instant("ping_at");
    return new WorkerInfo(r.text("name"), r.text("worker_group"), r.text("instance"),
        r.intValue("slots"), r.instant("started_at"), ping, r.longValue("jobs_executed"),
        ping.isAfter(aliveAfter));
  }
}
