package io.pushmill.runner.job;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lets callers wait for a job that finishes in this process without polling the database; jobs
 * finished by other processes are seen by the waiter's own poll.
 */
public final class CompletionListeners {
  private final ConcurrentMap<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

  /** A future completed when {@link #completed} is called for this job. */
  CompletableFuture<Void> register(UUID id) {
    return waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
  }

  void unregister(UUID id, CompletableFuture<Void> future) {
    waiting.remove(id, future);
  }

  /** Called after the commit that finished the job. */
  public void completed(UUID id) {
    CompletableFuture<Void> f = waiting.remove(id);
    if (f != null) {
      f.complete(null);
    }
  }
}
