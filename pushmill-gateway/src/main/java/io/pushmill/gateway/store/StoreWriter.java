package io.pushmill.gateway.store;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: takes the queue in batches, checks and applies each write in order, syncs
 * (where a write-ahead log will hook in), does its timed work, then tells the waiting pushers. It
 * is the only thread that changes the {@link StoreState} and the only one that calls {@link
 * StorePersistence#save}.
 */
final class StoreWriter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
  private static final int MAX_BATCH = 256;

  private final BlockingQueue<WriteOp> queue;
  private final StoreState state;
  private final PushApplier applier;
  private final StorePersistence persistence;
  private final PersistenceSchedule schedule;
  private final InstantSource clock;
  private final WriteJournal journal;
  private final PushListener listener;

  StoreWriter(
      BlockingQueue<WriteOp> queue,
      StoreState state,
      PushApplier applier,
      StorePersistence persistence,
      PersistenceSchedule schedule,
      InstantSource clock) {
    this.queue = queue;
    this.state = state;
    this.applier = applier;
    this.persistence = persistence;
    this.schedule = schedule;
    this.clock = clock;
    this.journal = WriteJournal.NONE;
    this.listener = PushListener.NONE;
  }

  @Override
  public void run() {
    List<WriteOp> batch = new ArrayList<>(MAX_BATCH);
    List<Runnable> replies = new ArrayList<>(MAX_BATCH);
    boolean stop = false;
    while (!stop) {
      WriteOp first = next();
      if (first != null) {
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        for (WriteOp op : batch) {
          stop |= apply(op, replies);
        }
        journal.sync();
      }
      if (stop) {
        save();
      } else {
        timedWork();
      }
      // Replies go out after the timed work, so a pusher that got its answer knows that a save
      // due by then has been made (what tests with a fixed clock rely on).
      replies.forEach(Runnable::run);
      replies.clear();
      batch.clear();
    }
  }

  private void timedWork() {
    if (schedule.isDue()) {
      save();
    }
    // Per-group expiry will go here: delete the groups whose deadline passed, as a DELETE does.
  }

  // The next write, or null when it is time for timed work instead.
  private WriteOp next() {
    try {
      long wait = schedule.nanosUntilDue();
      return wait == Long.MAX_VALUE ? queue.take() : queue.poll(wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      // Nobody but close() ends the writer: it must drain what pushers are waiting for.
      LOG.warn("the store writer was interrupted; it keeps running until the store is closed");
      return null;
    }
  }

  // Applies one write; true for the stop marker.
  private boolean apply(WriteOp op, List<Runnable> replies) {
    switch (op) {
      case WriteOp.Push p -> {
        PushOutcome outcome;
        try {
          outcome = applier.apply(p.push(), this::changed);
          journal.applied(op);
        } catch (RuntimeException e) {
          LOG.error("the store writer failed to apply a push to {}", p.push().key(), e);
          replies.add(() -> p.outcome().completeExceptionally(e));
          return false;
        }
        replies.add(() -> p.outcome().complete(outcome));
        tellListener(p.push().request(), outcome);
      }
      case WriteOp.Delete d -> {
        if (applier.delete(d.key())) {
          changed();
          journal.applied(op);
        }
      }
      case WriteOp.Wipe w -> {
        if (applier.wipe()) {
          changed();
          journal.applied(op);
        }
      }
      case WriteOp.Stop s -> {
        return true;
      }
    }
    return false;
  }

  private void tellListener(PushRequest request, PushOutcome outcome) {
    try {
      listener.pushApplied(request, outcome);
    } catch (RuntimeException e) {
      LOG.warn("a push listener failed for {}", request.key(), e);
    }
  }

  private void changed() {
    schedule.changed();
  }

  private void save() {
    Instant started = clock.instant();
    try {
      persistence.save(state.snapshotsForWriter());
      schedule.saved(started);
    } catch (IOException | RuntimeException e) {
      LOG.error("error persisting metrics: {}", e.toString());
      schedule.failed(started);
    }
  }
}
