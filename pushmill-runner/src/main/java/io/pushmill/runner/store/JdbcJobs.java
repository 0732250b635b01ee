package io.pushmill.runner.store;

import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.ScriptPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link JobRepository} on JDBC; the claim is the one place where the dialects differ. */
final class JdbcJobs implements JobRepository {
  /** PostgreSQL's claim; built once, as the busiest statement of a worker. */
  private static final String POSTGRES_CLAIM = """
      WITH picked AS (
        SELECT id FROM job WHERE state = 'queued' AND scheduled_for <= ?
        ORDER BY scheduled_for LIMIT ? FOR UPDATE SKIP LOCKED)
      UPDATE job SET state = 'running', worker = ?,
        started_at = GREATEST(job.scheduled_for, CAST(? AS TIMESTAMP WITH TIME ZONE)), ping_at = ?
      FROM picked WHERE job.id = picked.id AND job.state = 'queued'
      RETURNING\s""" + JobRows.qualified("job");

  /** A statistics sample for each job {@link #finishWithStats} finished; built once. */
  private static final String STAT_UPSERT_PER_DONE = Dialect.postgresStatUpsert("done");

  private final Sql sql;
  private final Dialect dialect;

  JdbcJobs(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  @Override
  public void insert(Job j) {
    sql.update("INSERT INTO job (" + JobRows.COLUMNS + ") VALUES (" + Sql.placeholders(27) + ")",
        JobRows.values(j));
  }

  @Override
  public Optional<Job> get(UUID id) {
    return sql.one(JobRows.SELECT + " WHERE id = ?", JobRows::map, id);
  }

  @Override
  public List<Job> list(String workspace, JobQuery q) {
    JobFilter filter = JobFilter.of(workspace, q);
    List<Object> args = new ArrayList<>(filter.args());
    args.add(q.perPage());
    args.add((q.page() - 1) * q.perPage());
    return sql.list(JobRows.SELECT + " WHERE " + filter.where()
        + " ORDER BY " + filter.orderBy() + " LIMIT ? OFFSET ?", JobRows::map, args.toArray());
  }

  @Override
  public List<Job> claim(String worker, Instant now, Instant dueBy, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return switch (dialect) {
      case POSTGRES -> sql.list(POSTGRES_CLAIM, JobRows::map, dueBy, limit, worker, now, now)
          .stream().sorted(JobRows.BY_SLOT).toList();
      case H2 -> claimByCompareAndSet(worker, now, dueBy, limit);
    };
  }

  private List<Job> claimByCompareAndSet(String worker, Instant now, Instant dueBy, int limit) {
    List<UUID> candidates = sql.list("SELECT id FROM job WHERE state = 'queued'"
        + " AND scheduled_for <= ? ORDER BY scheduled_for LIMIT ?", r -> r.uuid("id"), dueBy,
        limit * 2 + 2);
    List<UUID> won = new ArrayList<>();
    for (UUID id : candidates) {
      if (won.size() == limit) {
        break;
      }
      int updated = sql.update("UPDATE job SET state = 'running', worker = ?, started_at ="
          + " GREATEST(scheduled_for, CAST(? AS TIMESTAMP WITH TIME ZONE)), ping_at = ?"
          + " WHERE id = ? AND state = 'queued'", worker, now, now, id);
      if (updated == 1) {
        won.add(id);
      }
    }
    return byIds(won).stream().sorted(JobRows.BY_SLOT).toList();
  }

  private List<Job> byIds(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return sql.list(JobRows.SELECT + " WHERE id IN (" + Sql.placeholders(ids.size()) + ")",
        JobRows::map, ids.toArray());
  }

  @Override
  public Optional<Instant> nextDue() {
    return sql.one("SELECT MIN(scheduled_for) FROM job WHERE state = 'queued'",
        r -> r.optInstant(1)).flatMap(o -> o);
  }

  @Override
  public boolean finish(JobFinish f) {
    StringBuilder where = new StringBuilder(" WHERE id = ? AND state = ?");
    List<Object> args = new ArrayList<>(List.of(f.to().id(), f.endedAt(),
        Sql.bigint(f.durationMs()), Sql.integer(f.exitCode()), Sql.text(f.resultJson()),
        Sql.text(f.error()), Sql.text(f.canceledBy()), Sql.text(f.canceledReason()), f.id(),
        f.from().id()));
    f.worker().ifPresent(w -> {
      where.append(" AND worker = ?");
      args.add(w);
    });
    f.pingBefore().ifPresent(t -> {
      where.append(" AND ping_at < ?");
      args.add(t);
    });
    String update = "UPDATE job SET state = ?, ended_at = ?, duration_ms = ?, exit_code = ?,"
        + " result_json = ?, error = ?, active_schedule = NULL,"
        + " canceled_by = COALESCE(?, canceled_by),"
        + " canceled_reason = COALESCE(?, canceled_reason)" + where;
    if (dialect == Dialect.POSTGRES && !f.stats().isEmpty()) {
      return finishWithStats(update, args, f.stats());
    }
    if (sql.update(update, args.toArray()) != 1) {
      return false;
    }
    f.stats().forEach(s -> sql.update(dialect.statUpsert(), JdbcStats.args(s)));
    return true;
  }

  /**
   * The verdict and its statistics in one PostgreSQL statement: the samples are upserted once per
   * row the update changed, so only when the verdict applies. One round trip instead of one per
   * statement, and with {@link Store#inOneStatement} no COMMIT of its own: the completion of a
   * job is the busiest write of a worker.
   */
  private boolean finishWithStats(
      String update, List<Object> args, List<StatsRepository.Sample> stats) {
    StringBuilder statement = new StringBuilder("WITH done AS (" + update + " RETURNING id)");
    for (int i = 0; i < stats.size(); i++) {
      statement.append(", stat").append(i).append(" AS (")
          .append(STAT_UPSERT_PER_DONE).append(")");
      args.addAll(List.of(JdbcStats.args(stats.get(i))));
    }
    statement.append(" SELECT COUNT(*) FROM done");
    return sql.count(statement.toString(), args.toArray()) == 1;
  }

  @Override
  public boolean requestCancel(UUID id, String by, String reason) {
    return sql.update("UPDATE job SET cancel_requested = TRUE, canceled_by = ?,"
        + " canceled_reason = ? WHERE id = ? AND state = 'running'", by, reason, id) == 1;
  }

  @Override
  public Set<UUID> cancelRequested(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(sql.list("SELECT id FROM job WHERE cancel_requested = TRUE AND id IN ("
        + Sql.placeholders(ids.size()) + ")", r -> r.uuid("id"), ids.toArray()));
  }

  @Override
  public void ping(Collection<UUID> ids, Instant now) {
    if (ids.isEmpty()) {
      return;
    }
    List<Object> args = new ArrayList<>(List.of(now));
    args.addAll(ids);
    sql.update("UPDATE job SET ping_at = ? WHERE state = 'running' AND id IN ("
        + Sql.placeholders(ids.size()) + ")", args.toArray());
  }

  @Override
  public List<Job> stale(Instant pingBefore, int limit) {
    return sql.list(JobRows.SELECT + " WHERE state = 'running' AND ping_at < ?"
        + " ORDER BY ping_at LIMIT ?", JobRows::map, pingBefore, limit);
  }

  @Override
  public List<Job> runningOn(String worker) {
    return sql.list(JobRows.SELECT + " WHERE state = 'running' AND worker = ?", JobRows::map,
        worker);
  }

  @Override
  public boolean requeue(UUID id, String worker, Optional<Instant> pingBefore) {
    String guard = pingBefore.isPresent() ? " AND ping_at < ?" : "";
    List<Object> args = new ArrayList<>(List.of(id, worker));
    pingBefore.ifPresent(args::add);
    return sql.update("UPDATE job SET state = 'queued', worker = NULL, started_at = NULL,"
        + " ping_at = NULL, cancel_requested = FALSE, attempt = attempt + 1"
        + " WHERE id = ? AND state = 'running' AND worker = ?" + guard, args.toArray()) == 1;
  }

  @Override
  public Optional<Job> occurrence(String workspace, ScriptPath schedule) {
    return sql.one(JobRows.SELECT + " WHERE workspace_id = ? AND active_schedule = ?",
        JobRows::map, workspace, schedule.value());
  }

  @Override
  public int deleteQueuedOccurrence(String workspace, ScriptPath schedule) {
    return sql.update("DELETE FROM job WHERE workspace_id = ? AND active_schedule = ?"
        + " AND state = 'queued'", workspace, schedule.value());
  }

  @Override
  public Optional<UUID> heldOccurrence(String workspace, ScriptPath schedule, Instant now) {
    return sql.one("SELECT id FROM job WHERE workspace_id = ? AND active_schedule = ?"
        + " AND state = 'running' AND started_at > ?", r -> r.uuid("id"), workspace,
        schedule.value(), now);
  }

  @Override
  public int retarget(String workspace, ScriptPath script, String hash, Language language) {
    return sql.update("UPDATE job SET script_hash = ?, language = ? WHERE workspace_id = ?"
            + " AND script_path = ? AND state = 'queued' AND schedule_path IS NOT NULL",
        hash, language.id(), workspace, script.value());
  }

  @Override
  public List<UUID> finishedBefore(Instant t, int limit) {
    return sql.list("SELECT id FROM job WHERE ended_at < ? ORDER BY ended_at LIMIT ?",
        r -> r.uuid("id"), t, limit);
  }

  @Override
  public int delete(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return sql.update("DELETE FROM job WHERE id IN (" + Sql.placeholders(ids.size()) + ")",
        ids.toArray());
  }

  @Override
  public Map<String, Long> activeCounts(Instant now) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("queued", sql.count(
        "SELECT COUNT(*) FROM job WHERE state = 'queued' AND scheduled_for <= ?", now));
    counts.put("scheduled", sql.count(
        "SELECT COUNT(*) FROM job WHERE state = 'queued' AND scheduled_for > ?", now));
    counts.put("running", sql.count("SELECT COUNT(*) FROM job WHERE state = 'running'"));
    return counts;
  }

  @Override
  public List<Occurrence> queuedOccurrences() {
    return sql.list("SELECT workspace_id, active_schedule, scheduled_for FROM job"
            + " WHERE state = 'queued' AND active_schedule IS NOT NULL",
        r -> new Occurrence(r.text("workspace_id"), ScriptPath.of(r.text("active_schedule")),
            r.instant("scheduled_for")));
  }
}
