package io.pushmill.server.ui.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One schedule in the list.
 *
 * @param cronWords the cron expression in words, or the expression when it has no simple shape
 * @param nextRun the next slot; empty for a disabled schedule or one that never fires again
 * @param toggleAction where the enable/disable form posts
 * @param lastRuns its latest jobs, oldest first, for the coloured dots
 */
public record ScheduleRow(String domId, String path, String script, String scriptHref,
    String cron, String cronWords, String timezone, Optional<Instant> nextRun, boolean enabled,
    String toggleAction, String jobsHref, List<JobRow> lastRuns, long skipped,
    Optional<String> lastError) {

  public ScheduleRow {
    lastRuns = List.copyOf(lastRuns);
  }
}
