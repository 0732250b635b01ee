package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricFamily;
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
 * The single writer: takes the queue in batches, deletes expired groups, checks and applies each
 * write in order, syncs (where a write-ahead log will hook in), does its timed work (expiry,
 * saves), then tells the waiting pushers. It is the only thread that changes the {@link StoreState} and the
 * only one that calls {@link StorePersistence#save}.
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
  private final ExpirySweeper sweeper;

  StoreWriter(
      BlockingQueue<WriteOp> queue,
      StoreState state,
      PushApplier applier,
      StorePersistence persistence,
      PersistenceSchedule schedule,
      InstantSource clock,
      PushListener listener) {
    this.queue = queue;
    this.state = state;
    this.applier = applier;
    this.persistence = persistence;
    this.schedule = schedule;
    this.clock = clock;
    this.journal = WriteJournal.NONE;
    this.listener = new GuardedListener(listener);
    // Expiry is derived from the clock, so a write-ahead log need not record it.
    this.sweeper = new ExpirySweeper(state, applier, clock, this.listener, schedule::changed);
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
        // A push to a group that expired meanwhile finds it gone, as after a DELETE.
        sweeper.sweep();
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
    sweeper.sweep();
    if (schedule.isDue()) {
      save();
    }
  }

  // The next write, or null when it is time for timed work instead.
  private WriteOp next() {
    try {
      long wait = Math.min(schedule.nanosUntilDue(), sweeper.nanosUntilDue());
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
        if (outcome instanceof PushOutcome.Accepted) {
          listener.accepted(accepted(p.push()));
        }
      }
      case WriteOp.Delete d -> {
        if (applier.delete(d.key())) {
          changed();
          journal.applied(op);
          listener.removed(d.key(), clock.instant(), PushListener.Removal.DELETED);
        }
      }
      case WriteOp.Wipe w -> {
        List<GroupingKey> wiped = applier.wipe();
        if (!wiped.isEmpty()) {
          changed();
          journal.applied(op);
          Instant now = clock.instant();
          wiped.forEach(k -> listener.removed(k, now, PushListener.Removal.WIPED));
        }
      }
      case WriteOp.Sync s -> replies.add(() -> s.done().complete(null));
      case WriteOp.Stop s -> {
        return true;
      }
    }
    return false;
  }

  private static AcceptedPush accepted(PreparedPush push) {
    List<MetricFamily> families = new ArrayList<>(push.families().size());
    for (PreparedPush.PreparedFamily f : push.families()) {
      families.add(f.family());
    }
    PushRequest r = push.request();
    return new AcceptedPush(r.key(), r.time(), r.mode(), families, push.expiry());
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
