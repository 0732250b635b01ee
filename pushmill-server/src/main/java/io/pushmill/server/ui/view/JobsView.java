package io.pushmill.server.ui.view;

import java.util.List;
import java.util.Optional;

/**
 * The job list: the filters as typed, one page of jobs (newest first), and the links to the
 * neighbouring pages.
 */
public record JobsView(PageInfo page, Filters filters, List<String> statuses,
    List<String> workers, List<JobRow> jobs, int pageNo, Optional<String> previous,
    Optional<String> next) {

  public JobsView {
    statuses = List.copyOf(statuses);
    workers = List.copyOf(workers);
    jobs = List.copyOf(jobs);
  }

  /** The filters as the form sent them (durations in seconds). */
  public record Filters(String status, String script, String schedule, String worker,
      String minSeconds, String maxSeconds) {

    public boolean any() {
      return !(status + script + schedule + worker + minSeconds + maxSeconds).isEmpty();
    }
  }
}
