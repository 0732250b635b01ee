package io.pushmill.runner.job;

import java.time.Instant;
import java.util.UUID;

/**
 * The in-process hand-off to this process's worker: a job was queued (so the worker can sleep
 * exactly until it is due), or a job's cancellation was requested (so it stops without waiting for
 * the next poll). Called after the commit that made the change.
 */
public interface WorkerSignals {
  void jobQueued(Instant scheduledFor);

  void cancelRequested(UUID jobId);

  /** For a process without a worker. */
  WorkerSignals NONE = new WorkerSignals() {
    @Override
    public void jobQueued(Instant scheduledFor) {}

    @Override
    public void cancelRequested(UUID jobId) {}
  };
}
