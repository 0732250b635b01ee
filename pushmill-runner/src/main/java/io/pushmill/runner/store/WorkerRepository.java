package io.pushmill.runner.store;

import io.pushmill.runner.model.WorkerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Worker heartbeats, one row per worker name. */
public interface WorkerRepository {
  /** Creates or takes over the row of this name, for a new instance. */
  void register(WorkerInfo worker);

  /** Refreshes the ping if the row still belongs to this instance; false when it does not. */
  boolean ping(String name, String instance, Instant now, long jobsExecuted);

  Optional<WorkerInfo> get(String name, Instant aliveAfter);

  /** Sorted by name; {@code alive} when the ping is after {@code aliveAfter}. */
  List<WorkerInfo> list(Instant aliveAfter);

  long countAlive(Instant aliveAfter);

  /** Removes the row if it still belongs to this instance. */
  void remove(String name, String instance);
}
