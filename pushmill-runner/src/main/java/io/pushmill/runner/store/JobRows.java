package io.pushmill.runner.store;

import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobKind;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ScriptPath;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/** How a {@link Job} maps to a row of the {@code job} table and back. */
final class JobRows {
  static final String COLUMNS =
      "id, workspace_id, kind, script_path, script_hash, language, schedule_path,"
          + " active_schedule, args_json, state, scheduled_for, created_at, created_by,"
          + " permissioned_as, email, started_at, ended_at, duration_ms, exit_code, result_json,"
          + " error, worker, attempt, cancel_requested, canceled_by, canceled_reason, ping_at";
  static final String SELECT = "SELECT " + COLUMNS + " FROM job";
  static final Comparator<Job> BY_SLOT =
      Comparator.comparing(Job::scheduledFor).thenComparing(Job::id);

  private JobRows() {}

  /** The columns, each prefixed with a table alias. */
  static String qualified(String alias) {
    return Arrays.stream(COLUMNS.split(","))
        .map(c -> alias + "." + c.strip())
        .collect(Collectors.joining(", "));
  }

  /** The values of {@link #COLUMNS} for an insert. */
  static Object[] values(Job j) {
    Object schedule = Sql.text(j.schedulePath().map(ScriptPath::value));
    Object active = j.finished() ? Sql.NULL_TEXT : schedule;
    return new Object[] {
      j.id(), j.workspace(), j.kind().id(), j.scriptPath().value(), j.scriptHash(),
      j.language().id(), schedule, active, Json.write(j.args()), j.state().id(),
      j.scheduledFor(), j.createdAt(), j.createdBy(), j.permissionedAs(), j.email(),
      Sql.time(j.startedAt()), Sql.time(j.endedAt()), Sql.bigint(j.durationMs()),
      Sql.integer(j.exitCode()), Sql.text(j.result().map(Json::write)), Sql.text(j.error()),
      Sql.text(j.worker()), j.attempt(), j.cancelRequested(), Sql.text(j.canceledBy()),
      Sql.text(j.canceledReason()), Sql.time(j.pingAt())
    };
  }

  static Job map(Row r) throws SQLException {
    return new Job(
        r.uuid("id"),
        r.text("workspace_id"),
        JobKind.of(r.text("kind")),
        ScriptPath.of(r.text("script_path")),
        r.text("script_hash"),
        Language.byId(r.text("language")).orElseThrow(),
        r.optText("schedule_path").map(ScriptPath::of),
        Json.parseObject(r.text("args_json")),
        JobState.of(r.text("state")),
        r.instant("scheduled_for"),
        r.instant("created_at"),
        r.text("created_by"),
        r.text("permissioned_as"),
        r.text("email"),
        r.optInstant("started_at"),
        r.optInstant("ended_at"),
        r.optLong("duration_ms"),
        r.optInt("exit_code"),
        r.optText("result_json").map(Json::parse),
        r.optText("error"),
        r.optText("worker"),
        r.intValue("attempt"),
        r.bool("cancel_requested"),
        r.optText("canceled_by"),
        r.optText("canceled_reason"),
        r.optInstant("ping_at"));
  }
}
