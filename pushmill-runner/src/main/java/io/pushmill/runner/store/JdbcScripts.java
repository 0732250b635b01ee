package io.pushmill.runner.store;

import io.pushmill.runner.ConflictException;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.ParamsJson;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ScriptRepository} on JDBC. */
final class JdbcScripts implements ScriptRepository {
  private static final String COLUMNS =
      "workspace_id, hash, path, version, parent_hash, language, content, content_hash, summary,"
          + " description, params_json, schema_json, timeout_ms, idempotent, created_by,"
          + " created_at, archived, extra_json";
  private static final String HEAD = "s.version = (SELECT MAX(h.version) FROM script h"
      + " WHERE h.workspace_id = s.workspace_id AND h.path = s.path)";

  private final Sql sql;

  JdbcScripts(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void insert(Script s) {
    try {
      sql.update("INSERT INTO script (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
              + " ?, ?, ?, ?, ?, ?)",
          s.workspace(), s.hash(), s.path().value(), s.version(), Sql.text(s.parentHash()),
          s.language().id(), s.content(), s.contentHash(), s.summary(), s.description(),
          ParamsJson.write(s.params()), Json.write(s.schema()),
          s.timeout().<Object>map(Duration::toMillis).orElse(Sql.NULL_BIGINT), s.idempotent(),
          s.createdBy(), s.createdAt(), s.archived(), Json.write(s.extra()));
    } catch (SqlFailure.DuplicateKey e) {
      throw new ConflictException("script " + s.path() + " was changed by someone else at the"
          + " same time (version " + s.version() + " exists); push it again");
    }
  }

  @Override
  public Optional<Script> head(String workspace, ScriptPath path) {
    return sql.one("SELECT " + COLUMNS + " FROM script WHERE workspace_id = ? AND path = ?"
        + " ORDER BY version DESC LIMIT 1", JdbcScripts::map, workspace, path.value());
  }

  @Override
  public Optional<Script> byHash(String workspace, String hash) {
    return sql.one("SELECT " + COLUMNS + " FROM script WHERE workspace_id = ? AND hash = ?",
        JdbcScripts::map, workspace, hash);
  }

  @Override
  public List<Script> list(String workspace, ListQuery q) {
    StringBuilder where = new StringBuilder("s.workspace_id = ? AND " + HEAD);
    List<Object> args = new ArrayList<>(List.of(workspace));
    if (!q.showArchived()) {
      where.append(" AND s.archived = FALSE");
    }
    q.pathStart().ifPresent(p -> {
      where.append(" AND s.path LIKE ? ESCAPE '!'");
      args.add(likePrefix(p));
    });
    args.add(q.perPage());
    args.add((q.page() - 1) * q.perPage());
    return sql.list("SELECT " + COLUMNS + " FROM script s WHERE " + where
        + " ORDER BY s.path LIMIT ? OFFSET ?", JdbcScripts::map, args.toArray());
  }

  /** A LIKE pattern matching strings that start with {@code prefix}, its wildcards escaped. */
  static String likePrefix(String prefix) {
    return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  @Override
  public List<Script> versions(String workspace, ScriptPath path) {
    return sql.list("SELECT " + COLUMNS + " FROM script WHERE workspace_id = ? AND path = ?"
        + " ORDER BY version DESC", JdbcScripts::map, workspace, path.value());
  }

  @Override
  public int archive(String workspace, ScriptPath path) {
    return sql.update("UPDATE script SET archived = TRUE WHERE workspace_id = ? AND path = ?"
        + " AND archived = FALSE", workspace, path.value());
  }

  private static Script map(Row r) throws SQLException {
    return new Script(
        r.text("workspace_id"),
        ScriptPath.of(r.text("path")),
        r.intValue("version"),
        r.text("hash"),
        r.optText("parent_hash"),
        Language.byId(r.text("language")).orElseThrow(),
        r.text("content"),
        r.text("content_hash"),
        r.text("summary"),
        r.text("description"),
        ParamsJson.read(r.text("params_json")),
        Json.parseObject(r.text("schema_json")),
        boxed(r.optLong("timeout_ms")).map(Duration::ofMillis),
        r.bool("idempotent"),
        r.text("created_by"),
        r.instant("created_at"),
        r.bool("archived"),
        Json.parseObject(r.text("extra_json")));
  }

  static Optional<Long> boxed(java.util.OptionalLong v) {
    return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
  }
}
