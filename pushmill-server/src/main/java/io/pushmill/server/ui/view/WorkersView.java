package io.pushmill.server.ui.view;

import java.time.Instant;
import java.util.List;

/** The workers that share the database, with their heartbeats and the jobs they run now. */
public record WorkersView(PageInfo page, List<Row> workers) {

  public WorkersView {
    workers = List.copyOf(workers);
  }

  /** One worker process. */
  public record Row(String name, String group, String instance, int slots, Instant started,
      Instant heartbeat, boolean alive, long jobsExecuted, List<JobRow> running) {
    public Row {
      running = List.copyOf(running);
    }
  }
}
