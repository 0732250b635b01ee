package io.pushmill.runner.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.BadRequestException;
import java.time.Instant;
import java.util.Optional;

/** A schedule to create, as Windmill's {@code NewSchedule} carries it. */
public record NewSchedule(
    ScriptPath path,
    ScriptPath scriptPath,
    ObjectNode args,
    String cron,
    String timezone,
    boolean enabled,
    Optional<Instant> pausedUntil,
    Optional<String> summary,
    Optional<String> description,
    ObjectNode extra) {

  public NewSchedule {
    if (path == null || scriptPath == null || cron == null || timezone == null) {
      throw new BadRequestException("a schedule needs a path, a script path, a cron and a timezone");
    }
    args = Json.copy(args);
    extra = Json.copy(extra);
  }

  /** An enabled schedule without args, pause, summary or extra fields. */
  public static NewSchedule of(ScriptPath path, ScriptPath scriptPath, String cron, String timezone) {
    return new NewSchedule(path, scriptPath, Json.object(), cron, timezone, true, Optional.empty(),
        Optional.empty(), Optional.empty(), Json.object());
  }

  public NewSchedule withArgs(ObjectNode newArgs) {
    return new NewSchedule(path, scriptPath, newArgs, cron, timezone, enabled, pausedUntil, summary,
        description, extra);
  }

  public NewSchedule withEnabled(boolean value) {
    return new NewSchedule(path, scriptPath, args, cron, timezone, value, pausedUntil, summary,
        description, extra);
  }

  public NewSchedule withPausedUntil(Instant until) {
    return new NewSchedule(path, scriptPath, args, cron, timezone, enabled, Optional.of(until),
        summary, description, extra);
  }

  /** The editable part of this schedule. */
  public ScheduleEdit edit() {
    return new ScheduleEdit(args, cron, timezone, pausedUntil, summary, description, extra);
  }
}
