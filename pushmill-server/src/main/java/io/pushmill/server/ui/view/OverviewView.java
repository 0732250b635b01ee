package io.pushmill.server.ui.view;

import java.util.List;
import java.util.Optional;

/**
 * The overview: the gateway's size and health, the runner's scripts, schedules and workers, and
 * the latest jobs.
 *
 * @param gateway empty when this process runs no gateway
 */
public record OverviewView(PageInfo page, Optional<Gateway> gateway, int scripts,
    int schedules, int enabledSchedules, int workersAlive, int running, List<JobRow> latest) {

  public OverviewView {
    latest = List.copyOf(latest);
  }

  /** The gateway at a glance. */
  public record Gateway(int groups, long series, int failing, Optional<String> lastPush) {}
}
