package io.pushmill.server.ui.view;

import java.util.List;
import java.util.Optional;

/** The list of schedules. */
public record SchedulesView(PageInfo page, List<ScheduleRow> schedules, int pageNo,
    Optional<String> previous, Optional<String> next) {

  public SchedulesView {
    schedules = List.copyOf(schedules);
  }
}
