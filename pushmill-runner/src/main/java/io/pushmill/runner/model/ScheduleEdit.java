package io.pushmill.runner.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.BadRequestException;
import java.time.Instant;
import java.util.Optional;

/**
 * The new state of a schedule's editable fields, as Windmill's {@code EditSchedule}: everything but
 * path, script path and {@code enabled} (changed only through set-enabled). It replaces them all.
 */
public record ScheduleEdit(
    ObjectNode args,
    String cron,
    String timezone,
    Optional<Instant> pausedUntil,
    Optional<String> summary,
    Optional<String> description,
    ObjectNode extra) {

  public ScheduleEdit {
    if (cron == null || timezone == null) {
      throw new BadRequestException("a schedule edit needs a cron and a timezone");
    }
    args = Json.copy(args);
    extra = Json.copy(extra);
  }

  public ScheduleEdit withCron(String newCron) {
    return new ScheduleEdit(args, newCron, timezone, pausedUntil, summary, description, extra);
  }

  public ScheduleEdit withArgs(ObjectNode newArgs) {
    return new ScheduleEdit(newArgs, cron, timezone, pausedUntil, summary, description, extra);
  }

  public ScheduleEdit withPausedUntil(Optional<Instant> until) {
    return new ScheduleEdit(args, cron, timezone, until, summary, description, extra);
  }
}
