package io.pushmill.runner.worker;

import io.pushmill.runner.model.Job;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The jobs this process is running: their logs, and the cancel flags their executors poll. */
final class RunningJobs {
  /** One running job. A cancel by this process's shutdown carries its own reason. */
  static final class Handle {
    final Job job;
    final LogBuffer logs;
    private volatile boolean cancel;
    private volatile Optional<String> shutdownReason = Optional.empty();

    Handle(Job job, LogBuffer logs) {
      this.job = job;
      this.logs = logs;
    }

    boolean cancelRequested() {
      return cancel;
    }

    void requestCancel() {
      cancel = true;
    }

    void requestShutdown(String reason) {
      shutdownReason = Optional.of(reason);
      cancel = true;
    }

    Optional<String> shutdownReason() {
      return shutdownReason;
    }
  }

  private final ConcurrentMap<UUID, Handle> jobs = new ConcurrentHashMap<>();

  Handle start(Job job, LogBuffer logs) {
    Handle handle = new Handle(job, logs);
    jobs.put(job.id(), handle);
    return handle;
  }

  void finish(UUID id) {
    jobs.remove(id);
  }

  Set<UUID> ids() {
    return Set.copyOf(jobs.keySet());
  }

  Collection<Handle> handles() {
    return List.copyOf(jobs.values());
  }

  void cancel(UUID id) {
    Handle h = jobs.get(id);
    if (h != null) {
      h.requestCancel();
    }
  }
}
