package io.pushmill.runner.store;

import io.pushmill.runner.ConflictException;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScriptPath;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ScheduleRepository} on JDBC. */
final class JdbcSchedules implements ScheduleRepository {
  private static final String COLUMNS =
      "s.workspace_id, s.path, s.script_path, s.args_json, s.cron, s.timezone, s.enabled,"
          + " s.paused_until, s.summary, s.description, s.skipped_count, s.last_error,"
          + " s.edited_by, s.edited_at, s.email, s.permissioned_as, s.extra_json";
  private static final String NEXT_RUN =
      "(SELECT MIN(j.scheduled_for) FROM job j WHERE j.workspace_id = s.workspace_id"
          + " AND j.active_schedule = s.path AND j.state = 'queued')";
  private static final String SELECT =
      "SELECT " + COLUMNS + ", " + NEXT_RUN + " AS next_run_at FROM schedule s";

  private final Sql sql;

  JdbcSchedules(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void insert(Schedule s) {
    try {
      sql.update("INSERT INTO schedule (workspace_id, path, script_path, args_json, cron,"
              + " timezone, enabled, paused_until, summary, description, skipped_count,"
              + " last_error, edited_by, edited_at, email, permissioned_as, extra_json)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          s.workspace(), s.path().value(), s.scriptPath().value(), Json.write(s.args()), s.cron(),
          s.timezone(), s.enabled(), Sql.time(s.pausedUntil()), Sql.text(s.summary()),
          Sql.text(s.description()), s.skippedCount(), Sql.text(s.lastError()), s.editedBy(),
          s.editedAt(), s.email(), s.permissionedAs(), Json.write(s.extra()));
    } catch (SqlFailure.DuplicateKey e) {
      throw new ConflictException("a schedule already exists at path " + s.path()
          + " in workspace " + s.workspace());
    }
  }

  @Override
  public Optional<Schedule> get(String workspace, ScriptPath path) {
    return sql.one(SELECT + " WHERE s.workspace_id = ? AND s.path = ?", JdbcSchedules::map,
        workspace, path.value());
  }

  @Override
  public Optional<Schedule> lock(String workspace, ScriptPath path) {
    return sql.one("SELECT " + COLUMNS + ", CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS next_run_at"
            + " FROM schedule s WHERE s.workspace_id = ? AND s.path = ? FOR UPDATE",
        JdbcSchedules::map, workspace, path.value());
  }

  @Override
  public List<Schedule> list(String workspace, ListQuery q) {
    StringBuilder where = new StringBuilder(" WHERE s.workspace_id = ?");
    List<Object> args = new ArrayList<>(List.of(workspace));
    q.pathStart().ifPresent(p -> {
      where.append(" AND s.path LIKE ? ESCAPE '!'");
      args.add(JdbcScripts.likePrefix(p));
    });
    q.scriptPath().ifPresent(p -> {
      where.append(" AND s.script_path = ?");
      args.add(p.value());
    });
    args.add(q.perPage());
    args.add((q.page() - 1) * q.perPage());
    return sql.list(SELECT + where + " ORDER BY s.path LIMIT ? OFFSET ?", JdbcSchedules::map,
        args.toArray());
  }

  @Override
  public List<Schedule> all() {
    return sql.list(SELECT + " ORDER BY s.workspace_id, s.path", JdbcSchedules::map);
  }

  @Override
  public void update(Schedule s) {
    sql.update("UPDATE schedule SET script_path = ?, args_json = ?, cron = ?, timezone = ?,"
            + " enabled = ?, paused_until = ?, summary = ?, description = ?, skipped_count = ?,"
            + " last_error = ?, edited_by = ?, edited_at = ?, email = ?, permissioned_as = ?,"
            + " extra_json = ? WHERE workspace_id = ? AND path = ?",
        s.scriptPath().value(), Json.write(s.args()), s.cron(), s.timezone(), s.enabled(),
        Sql.time(s.pausedUntil()), Sql.text(s.summary()), Sql.text(s.description()),
        s.skippedCount(), Sql.text(s.lastError()), s.editedBy(), s.editedAt(), s.email(),
        s.permissionedAs(), Json.write(s.extra()), s.workspace(), s.path().value());
  }

  @Override
  public boolean delete(String workspace, ScriptPath path) {
    return sql.update("DELETE FROM schedule WHERE workspace_id = ? AND path = ?", workspace,
        path.value()) > 0;
  }

  @Override
  public List<Schedule> unarmed() {
    return sql.list(SELECT + " WHERE s.enabled = TRUE AND NOT EXISTS (SELECT 1 FROM job j"
        + " WHERE j.workspace_id = s.workspace_id AND j.active_schedule = s.path)"
        + " ORDER BY s.workspace_id, s.path", JdbcSchedules::map);
  }

  private static Schedule map(Row r) throws SQLException {
    return new Schedule(
        r.text("workspace_id"),
        ScriptPath.of(r.text("path")),
        ScriptPath.of(r.text("script_path")),
        Json.parseObject(r.text("args_json")),
        r.text("cron"),
        r.text("timezone"),
        r.bool("enabled"),
        r.optInstant("paused_until"),
        r.optText("summary"),
        r.optText("description"),
        r.longValue("skipped_count"),
        r.optText("last_error"),
        r.text("edited_by"),
        r.instant("edited_at"),
        r.text("email"),
        r.text("permissioned_as"),
        Json.parseObject(r.text("extra_json")),
        r.optInstant("next_run_at"));
  }
}
