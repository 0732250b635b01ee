package io.pushmill.runner.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Workspaces and their environment variables (Windmill's {@code workspace_env}). */
public interface WorkspaceRepository {
  boolean exists(String workspace);

  List<String> list();

  void create(String id, String name, Instant at);

  /** The variables, sorted by name. */
  Map<String, String> environment(String workspace);

  void setVariable(String workspace, String name, String value);

  boolean deleteVariable(String workspace, String name);
}
