package io.pushmill.runner.store;

import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import java.util.List;
import java.util.Optional;

/** Script versions. The head of a path is its highest version, archived or not. */
public interface ScriptRepository {
  /**
   * Stores a new version. A version number taken meanwhile by another writer raises a
   * {@link io.pushmill.runner.ConflictException}.
   */
  void insert(Script script);

  Optional<Script> head(String workspace, ScriptPath path);

  Optional<Script> byHash(String workspace, String hash);

  /** Heads of paths, sorted by path. */
  List<Script> list(String workspace, ListQuery query);

  /** Every version of a path, newest first. */
  List<Script> versions(String workspace, ScriptPath path);

  /** Archives every version of a path; returns how many rows changed. */
  int archive(String workspace, ScriptPath path);
}
