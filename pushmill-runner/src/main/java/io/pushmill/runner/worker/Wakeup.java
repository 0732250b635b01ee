package io.pushmill.runner.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the dispatcher sleeps: until a target time, an earlier due time another thread hinted
 * (a job queued in this process), or a signal (a slot came free, or the worker stops). Sleeping
 * until a known due time, rather than polling, is what makes a scheduled job start within a few
 * milliseconds of its slot.
 */
final class Wakeup {
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private Instant hint;
  private boolean signaled;

  Wakeup(Clock clock) {
    this.clock = clock;
  }

  /** A job is due at {@code due}; a sleeper wakes then if that is before its target. */
  void hint(Instant due) {
    lock.lock();
    try {
      if (hint == null || due.isBefore(hint)) {
        hint = due;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the sleeper now, or makes its next sleep return at once. */
  void signal() {
    lock.lock();
    try {
      signaled = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Sleeps until {@code target}, an earlier hint, or a signal. */
  void sleepUntil(Instant target) {
    lock.lock();
    try {
      while (true) {
        if (signaled) {
          signaled = false;
          return;
        }
        Instant now = clock.instant();
        if (hint != null && !hint.isAfter(now)) {
          hint = null;
          return;
        }
        Instant until = hint != null && hint.isBefore(target) ? hint : target;
        long nanos = Duration.between(now, until).toNanos();
        if (nanos <= 0) {
          return;
        }
        changed.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }
}
