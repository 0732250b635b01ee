package io.pushmill.runner.model;

import java.util.Optional;

/**
 * Filters of the script and schedule lists: a path prefix ({@code path_start}), for schedules the
 * script they run, whether archived scripts are shown, and a page counted from 1.
 */
public record ListQuery(
    Optional<String> pathStart,
    Optional<ScriptPath> scriptPath,
    boolean showArchived,
    int page,
    int perPage) {

  public ListQuery {
    JobQuery.checkPage(page, perPage);
  }

  /** Everything but archived scripts, first page of 100. */
  public static ListQuery all() {
    return new ListQuery(Optional.empty(), Optional.empty(), false, 1, 100);
  }

  public ListQuery withPathStart(String prefix) {
    return new ListQuery(Optional.of(prefix), scriptPath, showArchived, page, perPage);
  }

  public ListQuery withScriptPath(ScriptPath p) {
    return new ListQuery(pathStart, Optional.of(p), showArchived, page, perPage);
  }

  public ListQuery withShowArchived(boolean value) {
    return new ListQuery(pathStart, scriptPath, value, page, perPage);
  }

  public ListQuery withPage(int newPage, int newPerPage) {
    return new ListQuery(pathStart, scriptPath, showArchived, newPage, newPerPage);
  }
}
