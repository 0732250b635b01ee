package io.pushmill.runner.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link WorkspaceRepository} on JDBC. */
final class JdbcWorkspaces implements WorkspaceRepository {
  private final Sql sql;

  JdbcWorkspaces(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean exists(String workspace) {
    return sql.count("SELECT COUNT(*) FROM workspace WHERE id = ?", workspace) > 0;
  }

  @Override
  public List<String> list() {
    return sql.list("SELECT id FROM workspace ORDER BY id", r -> r.text("id"));
  }

  @Override
  public void create(String id, String name, Instant at) {
    sql.update("INSERT INTO workspace (id, name, created_at) VALUES (?, ?, ?)", id, name, at);
  }

  @Override
  public Map<String, String> environment(String workspace) {
    Map<String, String> env = new LinkedHashMap<>();
    sql.list("SELECT name, var_value FROM workspace_env WHERE workspace_id = ? ORDER BY name",
        r -> env.put(r.text("name"), r.text("var_value")), workspace);
    return env;
  }

  @Override
  public void setVariable(String workspace, String name, String value) {
    // Delete then insert is an upsert both databases accept; the caller's transaction makes it one.
    deleteVariable(workspace, name);
    sql.update("INSERT INTO workspace_env (workspace_id, name, var_value) VALUES (?, ?, ?)",
        workspace, name, value);
  }

  @Override
  public boolean deleteVariable(String workspace, String name) {
    return sql.update("DELETE FROM workspace_env WHERE workspace_id = ? AND name = ?",
        workspace, name) > 0;
  }
}
