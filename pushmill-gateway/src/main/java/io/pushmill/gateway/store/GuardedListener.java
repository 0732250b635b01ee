package io.pushmill.gateway.store;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link PushListener} whose failures are logged instead of reaching the writer. */
final class GuardedListener implements PushListener {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

  private final PushListener delegate;

  GuardedListener(PushListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void accepted(AcceptedPush push) {
    try {
      delegate.accepted(push);
    } catch (RuntimeException e) {
      LOG.warn("a push listener failed for a push to {}", push.key(), e);
    }
  }

  @Override
  public void removed(GroupingKey key, Instant time, Removal cause) {
    try {
      delegate.removed(key, time, cause);
    } catch (RuntimeException e) {
      LOG.warn("a push listener failed for the removal of {}", key, e);
    }
  }
}
