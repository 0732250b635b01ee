package io.pushmill.runner.store;

import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScriptPath;
import java.util.List;
import java.util.Optional;

/**
 * Schedules. Every change to a schedule's occurrence first locks the schedule's row with
 * {@link #lock}, so that completion, edits and the reconciler never arm a schedule twice.
 */
public interface ScheduleRepository {
  /** Raises a {@link io.pushmill.runner.ConflictException} when the path is taken. */
  void insert(Schedule schedule);

  Optional<Schedule> get(String workspace, ScriptPath path);

  /** Reads and locks the row until the transaction ends ({@code SELECT … FOR UPDATE}). */
  Optional<Schedule> lock(String workspace, ScriptPath path);

  /** Sorted by path. */
  List<Schedule> list(String workspace, ListQuery query);

  /** Every schedule of every workspace. */
  List<Schedule> all();

  /** Writes every field but the path and workspace. */
  void update(Schedule schedule);

  boolean delete(String workspace, ScriptPath path);

  /** Enabled schedules that have neither a queued nor a running occurrence. */
  List<Schedule> unarmed();
}
