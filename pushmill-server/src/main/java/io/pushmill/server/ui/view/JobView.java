package io.pushmill.server.ui.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One job's page: what it runs, its state and timings, its arguments and result, the names of the
 * environment variables it gets (never their values), and its log so far.
 *
 * @param logUrl where the page polls for more log, with the offset to read from
 * @param env the names of the job's environment variables
 * @param cancelAction where the cancel form posts; empty once the job has finished
 */
public record JobView(PageInfo page, JobRow row, String scriptHref, String scriptHash,
    String language, Optional<String> scheduleHref, Instant scheduledFor,
    Optional<Instant> ended, int attempt, Optional<Integer> exitCode, String createdBy,
    String args, Optional<String> result, Optional<String> error, Optional<String> canceled,
    List<String> env, String log, String logUrl, boolean finished,
    Optional<String> cancelAction) {

  public JobView {
    env = List.copyOf(env);
  }
}
