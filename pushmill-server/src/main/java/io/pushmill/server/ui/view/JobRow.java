package io.pushmill.server.ui.view;

import io.pushmill.runner.model.Job;
import java.time.Instant;
import java.util.Optional;

/** One job in a list: what the tables and the coloured dots show, and the link to its page. */
public record JobRow(String id, String href, String script, Optional<String> schedule,
    String state, Instant created, Optional<Instant> started, Optional<String> duration,
    Optional<String> worker) {

  /** The row of {@code job}; {@code page} adds the workspace to the link. */
  public static JobRow of(Job job, PageInfo page) {
    return new JobRow(job.id().toString(), page.link("/jobs/" + job.id()),
        job.scriptPath().value(), job.schedulePath().map(p -> p.value()), job.state().id(),
        job.createdAt(), job.startedAt(),
        job.durationMs().isPresent()
            ? Optional.of(Format.duration(job.durationMs().getAsLong())) : Optional.empty(),
        job.worker());
  }

  /** The job id's first 8 characters, enough to tell jobs apart on a page. */
  public String shortId() {
    return id.substring(0, 8);
  }

  /** The dot's accessible name: its state and when it was created. */
  public String summary() {
    return state + ", " + Format.time(created);
  }
}
