package io.pushmill.server.multiproc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The runner's {@code job} table as these tests read it, straight from the shared PostgreSQL
 * database: what every process agreed on, whatever one of them says.
 */
final class JobTable {
  /** One row of the {@code job} table. */
  record Row(UUID id, String scriptPath, Optional<String> schedulePath, String state,
      Instant scheduledFor, Optional<Instant> startedAt, Optional<Instant> endedAt,
      Optional<String> worker, int attempt, Optional<String> error) {
    boolean running() {
      return state.equals("running");
    }
  }

  private static final String COLUMNS = "id, script_path, schedule_path, state, scheduled_for,"
      + " started_at, ended_at, worker, attempt, error";

  private final DataSource db;

  JobTable(DataSource db) {
    this.db = db;
  }

  List<Row> ofScript(String scriptPath) {
    return rows("SELECT " + COLUMNS + " FROM job WHERE script_path = ? ORDER BY scheduled_for",
        scriptPath);
  }

  List<Row> ofSchedule(String schedulePath) {
    return rows("SELECT " + COLUMNS + " FROM job WHERE schedule_path = ? ORDER BY scheduled_for",
        schedulePath);
  }

  List<Row> runningOn(String worker) {
    return rows("SELECT " + COLUMNS + " FROM job WHERE state = 'running' AND worker = ?", worker);
  }

  /** The running jobs of these scripts. */
  List<Row> running(List<String> scriptPaths) {
    return rows("SELECT " + COLUMNS + " FROM job WHERE state = 'running' AND script_path ="
        + " ANY (?)", (Object) scriptPaths.toArray(String[]::new));
  }

  Row get(UUID id) {
    return rows("SELECT " + COLUMNS + " FROM job WHERE id = ?", id).getFirst();
  }

  /** Jobs not finished: queued or running. */
  long unfinished() {
    return rows("SELECT " + COLUMNS + " FROM job WHERE state IN ('queued', 'running')").size();
  }

  /** The job's whole log, as the database holds it. */
  String log(UUID id) {
    StringBuilder text = new StringBuilder();
    query("SELECT chunk FROM job_log WHERE job_id = ? ORDER BY start_offset",
        rs -> text.append(rs.getString(1)), id);
    return text.toString();
  }

  long skippedCount(String schedulePath) {
    List<Long> counts = new ArrayList<>();
    query("SELECT skipped_count FROM schedule WHERE path = ?", rs -> counts.add(rs.getLong(1)),
        schedulePath);
    return counts.getFirst();
  }

  private List<Row> rows(String sql, Object... args) {
    List<Row> rows = new ArrayList<>();
    query(sql, rs -> rows.add(new Row(rs.getObject("id", UUID.class),
        rs.getString("script_path"), Optional.ofNullable(rs.getString("schedule_path")),
        rs.getString("state"), instant(rs, "scheduled_for").orElseThrow(),
        instant(rs, "started_at"), instant(rs, "ended_at"),
        Optional.ofNullable(rs.getString("worker")), rs.getInt("attempt"),
        Optional.ofNullable(rs.getString("error")))), args);
    return rows;
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return Optional.ofNullable(t).map(Timestamp::toInstant);
  }

  /** Reads one row. */
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  void query(String sql, RowReader reader, Object... args) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof String[] array) {
          ps.setArray(i + 1, c.createArrayOf("varchar", array));
        } else {
          ps.setObject(i + 1, args[i]);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }
}
