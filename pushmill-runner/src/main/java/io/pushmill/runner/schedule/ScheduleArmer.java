package io.pushmill.runner.schedule;

import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.cron.CronSchedule;
import io.pushmill.runner.job.WorkerSignals;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.ArgsValidator;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.runner.store.Tx;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a schedule's one occurrence. Callers hold the schedule's row lock and know it has no
 * occurrence. When the schedule itself makes that impossible (its script is gone or archived, its
 * args no longer fit the script, its cron never fires again) the schedule is disabled and the
 * reason kept in its {@code last_error}, as Windmill does.
 */
public final class ScheduleArmer {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleArmer.class);

  private final Supplier<UUID> ids;
  private final WorkerSignals signals;

  public ScheduleArmer(Supplier<UUID> ids, WorkerSignals signals) {
    this.ids = ids;
    this.signals = signals;
  }

  /** Arms a schedule that was created, enabled, edited or lost its occurrence. */
  public Optional<Instant> arm(Tx tx, Schedule schedule, Instant now) {
    if (!schedule.enabled()) {
      return Optional.empty();
    }
    return queue(tx, schedule, now, s -> Occurrences.first(cron(s), now, s.pausedUntil())
        .map(at -> new Occurrences.Next(at, 0)));
  }

  /** Arms the slot after a finished run of {@code previousSlot}, counting the slots skipped. */
  public Optional<Instant> armAfterRun(Tx tx, Schedule schedule, Instant previousSlot,
      Instant now) {
    if (!schedule.enabled()) {
      return Optional.empty();
    }
    return queue(tx, schedule, now,
        s -> Occurrences.afterRun(cron(s), previousSlot, now, s.pausedUntil()));
  }

  /**
   * Takes the schedule's next occurrence back, for a disable or a delete: the queued one is
   * deleted, and one a worker claimed ahead of its slot gets a cancel request, so that its process
   * never starts (its worker checks just before the start). A run that has started finishes.
   */
  public void withdraw(Tx tx, String workspace, ScriptPath schedule, Instant now, String by) {
    tx.jobs().deleteQueuedOccurrence(workspace, schedule);
    tx.jobs().heldOccurrence(workspace, schedule, now).ifPresent(id -> {
      if (tx.jobs().requestCancel(id, by, "schedule " + schedule + " was disabled before its slot")) {
        tx.afterCommit(() -> signals.cancelRequested(id));
      }
    });
  }

  private interface SlotRule {
    Optional<Occurrences.Next> next(Schedule schedule);
  }

  private Optional<Instant> queue(Tx tx, Schedule schedule, Instant now, SlotRule rule) {
    Script script;
    Occurrences.Next next;
    Job job;
    try {
      script = ScheduleTargets.runnableScript(tx, schedule.workspace(), schedule.scriptPath());
      var args = ArgsValidator.validate(script.path(), script.params(), schedule.args());
      next = rule.next(schedule).orElseThrow(() -> new BadRequestException(
          "cron expression '" + schedule.cron() + "' has no future slot"));
      job = Job.queued(ids.get(), schedule.workspace(), script, Optional.of(schedule.path()), args,
          next.at(), now, Actor.scheduleUser(schedule.path()), schedule.permissionedAs(),
          schedule.email());
    } catch (BadRequestException e) {
      disable(tx, schedule, e.getMessage());
      return Optional.empty();
    }
    tx.jobs().insert(job);
    if (next.skipped() > 0 || schedule.lastError().isPresent()) {
      tx.schedules().update(new ScheduleChange(schedule)
          .skipped(schedule.skippedCount() + next.skipped()).error(Optional.empty()).build());
    }
    Instant at = next.at();
    tx.afterCommit(() -> signals.jobQueued(at));
    return Optional.of(at);
  }

  private static CronSchedule cron(Schedule s) {
    return CronSchedule.parse(s.cron(), s.timezone());
  }

  private static void disable(Tx tx, Schedule schedule, String reason) {
    String error = "schedule disabled: " + reason;
    LOG.warn("schedule {} in workspace {}: {}", schedule.path(), schedule.workspace(), error);
    tx.schedules().update(new ScheduleChange(schedule).enabled(false).error(Optional.of(error))
        .build());
  }
}
