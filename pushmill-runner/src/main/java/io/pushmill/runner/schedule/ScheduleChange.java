package io.pushmill.runner.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScheduleEdit;
import java.time.Instant;
import java.util.Optional;

/** A copy of a schedule with some fields changed, so the services don't repeat 18 arguments. */
final class ScheduleChange {
  private final Schedule s;
  private ObjectNode args;
  private String cron;
  private String timezone;
  private boolean enabled;
  private Optional<Instant> pausedUntil;
  private Optional<String> summary;
  private Optional<String> description;
  private long skipped;
  private Optional<String> error;
  private String editedBy;
  private Instant editedAt;
  private String email;
  private String permissionedAs;
  private ObjectNode extra;

  ScheduleChange(Schedule s) {
    this.s = s;
    this.args = s.args();
    this.cron = s.cron();
    this.timezone = s.timezone();
    this.enabled = s.enabled();
    this.pausedUntil = s.pausedUntil();
    this.summary = s.summary();
    this.description = s.description();
    this.skipped = s.skippedCount();
    this.error = s.lastError();
    this.editedBy = s.editedBy();
    this.editedAt = s.editedAt();
    this.email = s.email();
    this.permissionedAs = s.permissionedAs();
    this.extra = s.extra();
  }

  ScheduleChange enabled(boolean value) {
    this.enabled = value;
    return this;
  }

  ScheduleChange skipped(long value) {
    this.skipped = value;
    return this;
  }

  ScheduleChange error(Optional<String> value) {
    this.error = value;
    return this;
  }

  /** The edit's fields, and who made it when. */
  ScheduleChange edit(ScheduleEdit e, String by, String byEmail, String owner, Instant at) {
    this.args = e.args();
    this.cron = e.cron();
    this.timezone = e.timezone();
    this.pausedUntil = e.pausedUntil();
    this.summary = e.summary();
    this.description = e.description();
    this.extra = e.extra();
    this.editedBy = by;
    this.email = byEmail;
    this.permissionedAs = owner;
    this.editedAt = at;
    return this;
  }

  Schedule build() {
    return new Schedule(s.workspace(), s.path(), s.scriptPath(), args, cron, timezone, enabled,
        pausedUntil, summary, description, skipped, error, editedBy, editedAt, email,
        permissionedAs, extra, s.nextRunAt());
  }
}
