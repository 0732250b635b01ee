package io.pushmill.server.ui.view;

import java.time.Instant;
import java.util.List;

/**
 * One script: its code, the form of its arguments (from its schema) with Run now, and its latest
 * jobs.
 *
 * @param runAction where the form posts
 * @param formError why the last run was refused, when it was
 */
public record ScriptView(PageInfo page, String path, String language, String summary,
    String description, int version, String hash, Instant created, boolean archived,
    String content, List<ArgField> fields, String runAction, java.util.Optional<String> formError,
    List<JobRow> jobs) {

  public ScriptView {
    fields = List.copyOf(fields);
    jobs = List.copyOf(jobs);
  }
}
