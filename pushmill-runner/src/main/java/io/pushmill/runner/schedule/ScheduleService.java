package io.pushmill.runner.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.NotFoundException;
import io.pushmill.runner.cron.CronSchedule;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.ArgsValidator;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScheduleEdit;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.runner.store.Store;
import io.pushmill.runner.store.Tx;
import io.pushmill.runner.store.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules with Windmill's semantics: an enabled schedule has exactly one queued (or running)
 * occurrence; disabling deletes the queued one and lets a running one finish; an edit takes effect
 * at the next occurrence; the reconciler re-arms an enabled schedule that lost its occurrence.
 * Bad input is refused before anything is stored.
 */
public final class ScheduleService {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);
  private static final int MAX_PREVIEW = 100;

  private final Store store;
  private final Clock clock;
  private final ScheduleArmer armer;

  public ScheduleService(Store store, Clock clock, ScheduleArmer armer) {
    this.store = store;
    this.clock = clock;
    this.armer = armer;
  }

  public Schedule create(String workspace, NewSchedule n, Actor actor) {
    Instant now = clock.instant();
    store.inTransaction(tx -> {
      Workspaces.require(tx, workspace);
      checkTarget(tx, workspace, n.scriptPath(), n.args(), n.cron(), n.timezone(), now);
      Schedule schedule = new Schedule(workspace, n.path(), n.scriptPath(), n.args(), n.cron(),
          n.timezone(), n.enabled(), n.pausedUntil(), n.summary(), n.description(), 0,
          Optional.empty(), actor.username(), now, actor.email(), actor.permissionedAs(),
          n.extra(), Optional.empty());
      tx.schedules().insert(schedule);
      armer.arm(tx, schedule, now);
      return null;
    });
    return get(workspace, n.path());
  }

  /** Replaces the editable fields; the queued occurrence is replaced, a running one finishes. */
  public Schedule update(String workspace, ScriptPath path, ScheduleEdit edit, Actor actor) {
    Instant now = clock.instant();
    store.inTransaction(tx -> {
      Schedule current = locked(tx, workspace, path);
      checkTarget(tx, workspace, current.scriptPath(), edit.args(), edit.cron(), edit.timezone(),
          now);
      Schedule edited = new ScheduleChange(current)
          .edit(edit, actor.username(), actor.email(), actor.permissionedAs(), now)
          .error(Optional.empty()).build();
      tx.schedules().update(edited);
      rearm(tx, edited, now);
      return null;
    });
    return get(workspace, path);
  }

  public Schedule setEnabled(String workspace, ScriptPath path, boolean enabled, Actor actor) {
    Instant now = clock.instant();
    store.inTransaction(tx -> {
      Schedule current = locked(tx, workspace, path);
      if (enabled) {
        checkTarget(tx, workspace, current.scriptPath(), current.args(), current.cron(),
            current.timezone(), now);
      }
      Schedule changed = new ScheduleChange(current).enabled(enabled)
          .error(enabled ? Optional.empty() : current.lastError()).build();
      tx.schedules().update(changed);
      if (enabled) {
        if (tx.jobs().occurrence(workspace, path).isEmpty()) {
          armer.arm(tx, changed, now);
        }
      } else {
        armer.withdraw(tx, workspace, path, now, actor.username());
      }
      return null;
    });
    return get(workspace, path);
  }

  /** Deletes the schedule and its queued occurrence; a running one finishes and is not followed. */
  public void delete(String workspace, ScriptPath path) {
    Instant now = clock.instant();
    store.inTransaction(tx -> {
      locked(tx, workspace, path);
      armer.withdraw(tx, workspace, path, now, "schedule deleted");
      return tx.schedules().delete(workspace, path);
    });
  }

  public Schedule get(String workspace, ScriptPath path) {
    return store.read(tx -> {
      Workspaces.require(tx, workspace);
      return tx.schedules().get(workspace, path).orElseThrow(() -> notFound(workspace, path));
    });
  }

  public List<Schedule> list(String workspace, ListQuery query) {
    return store.read(tx -> {
      Workspaces.require(tx, workspace);
      return tx.schedules().list(workspace, query);
    });
  }

  /** The next {@code count} slots of a cron expression after now, without storing anything. */
  public List<Instant> preview(String cron, String timezone, int count) {
    if (count < 1 || count > MAX_PREVIEW) {
      throw new BadRequestException("count must be between 1 and " + MAX_PREVIEW + ", got "
          + count);
    }
    CronSchedule schedule = CronSchedule.parse(cron, timezone);
    List<Instant> slots = new ArrayList<>();
    Optional<Instant> slot = schedule.next(clock.instant());
    while (slot.isPresent() && slots.size() < count) {
      slots.add(slot.get());
      slot = schedule.next(slot.get());
    }
    return slots;
  }

  /** Re-arms every enabled schedule that has no occurrence; returns how many were re-armed. */
  public int reconcile() {
    List<Schedule> unarmed = store.read(tx -> tx.schedules().unarmed());
    int armed = 0;
    for (Schedule candidate : unarmed) {
      Instant now = clock.instant();
      boolean done = store.inTransaction(tx -> tx.schedules()
          .lock(candidate.workspace(), candidate.path())
          .filter(s -> s.enabled()
              && tx.jobs().occurrence(s.workspace(), s.path()).isEmpty())
          .flatMap(s -> armer.arm(tx, s, now))
          .isPresent());
      if (done) {
        LOG.info("re-armed schedule {} in workspace {}, which had no queued occurrence",
            candidate.path(), candidate.workspace());
        armed++;
      }
    }
    return armed;
  }

  private void rearm(Tx tx, Schedule schedule, Instant now) {
    tx.jobs().deleteQueuedOccurrence(schedule.workspace(), schedule.path());
    if (schedule.enabled() && tx.jobs().occurrence(schedule.workspace(), schedule.path())
        .isEmpty()) {
      armer.arm(tx, schedule, now);
    }
  }

  private static void checkTarget(Tx tx, String workspace, ScriptPath scriptPath,
      ObjectNode args, String cron, String timezone,
      Instant now) {
    CronSchedule schedule = CronSchedule.parse(cron, timezone);
    if (schedule.next(now).isEmpty()) {
      throw new BadRequestException("cron expression '" + cron + "' never fires after " + now);
    }
    Script script = ScheduleTargets.runnableScript(tx, workspace, scriptPath);
    ArgsValidator.validate(script.path(), script.params(), args);
  }

  private static Schedule locked(Tx tx, String workspace, ScriptPath path) {
    Workspaces.require(tx, workspace);
    return tx.schedules().lock(workspace, path).orElseThrow(() -> notFound(workspace, path));
  }

  private static NotFoundException notFound(String workspace, ScriptPath path) {
    return new NotFoundException("schedule " + path + " not found in workspace " + workspace);
  }
}
