package io.pushmill.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScheduleEdit;
import io.pushmill.runner.model.ScriptPath;
import java.util.Set;

/**
 * Schedules in Windmill's JSON: {@code NewSchedule} and {@code EditSchedule} bodies in,
 * {@code Schedule} objects and the sync archive's {@code .schedule.json} out. Every field is echoed
 * as it was sent ({@code wmill} calls a push unchanged when each key of the local file equals the
 * answer's); fields Pushmill does not interpret ({@code is_flow}, {@code retry}…) are kept verbatim.
 */
final class ScheduleJson {
  private static final Set<String> NOT_EXTRA = Set.of("path", "schedule", "timezone",
      "script_path", "args", "enabled", "paused_until", "summary", "description",
      "permissioned_as", "preserve_permissioned_as", "email", "edited_by", "edited_at",
      "extra_perms", "error", "workspace_id");

  private ScheduleJson() {}

  static NewSchedule parseNew(ObjectNode body) {
    BodyReader r = new BodyReader(body, "the schedule");
    ScriptPath path = ScriptPath.of(r.requiredText("path"));
    ScriptPath script = ScriptPath.of(r.requiredText("script_path"));
    return new NewSchedule(path, script, r.optionalObject("args").orElse(Json.object()),
        r.requiredText("schedule"), r.requiredText("timezone"),
        r.optionalBoolean("enabled").orElse(true), r.optionalInstant("paused_until"),
        r.optionalText("summary"), r.optionalText("description"), r.rest(NOT_EXTRA));
  }

  /**
   * An {@code EditSchedule}; as in Windmill, {@code path}, {@code script_path} and {@code enabled}
   * are ignored ({@code setenabled} changes the latter).
   */
  static ScheduleEdit parseEdit(ObjectNode body) {
    BodyReader r = new BodyReader(body, "the schedule edit");
    return new ScheduleEdit(r.optionalObject("args").orElse(Json.object()),
        r.requiredText("schedule"), r.requiredText("timezone"), r.optionalInstant("paused_until"),
        r.optionalText("summary"), r.optionalText("description"), r.rest(NOT_EXTRA));
  }

  /** Windmill's {@code Schedule}, as {@code schedules/get/{path}} answers it. */
  static ObjectNode render(Schedule s) {
    ObjectNode o = Json.object();
    o.put("path", s.path().value());
    o.put("workspace_id", s.workspace());
    o.put("is_flow", false);
    o.putObject("extra_perms");
    o.put("email", s.email());
    o.put("permissioned_as", s.permissionedAs());
    o.put("edited_by", s.editedBy());
    o.put("edited_at", s.editedAt().toString());
    s.lastError().ifPresent(e -> o.put("error", e));
    stored(s, o);
    return o;
  }

  /** The {@code .schedule.json} of the sync archive: the stored fields without the owner's. */
  static ObjectNode export(Schedule s) {
    ObjectNode o = Json.object();
    stored(s, o);
    return o;
  }

  private static void stored(Schedule s, ObjectNode o) {
    o.put("schedule", s.cron());
    o.put("timezone", s.timezone());
    o.put("script_path", s.scriptPath().value());
    o.set("args", s.args());
    o.put("enabled", s.enabled());
    s.pausedUntil().ifPresent(p -> o.put("paused_until", p.toString()));
    s.summary().ifPresent(v -> o.put("summary", v));
    s.description().ifPresent(v -> o.put("description", v));
    o.setAll(s.extra());
  }
}
