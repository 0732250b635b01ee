package io.pushmill.gateway.store;

import java.time.Instant;

/**
 * Hears about what the writer did, in the order it did it: pushes it accepted and groups it
 * removed. The hook for the push history. Called on the writer thread, so it must be quick (O(size of the
 * push)) and must not call back into the store; an exception is logged and ignored.
 */
public interface PushListener {
  /** Hears nothing. */
  PushListener NONE = new PushListener() {};

  /** A push was accepted and is now what the group holds (a refused push is not reported). */
  default void accepted(AcceptedPush push) {}

  /**
   * A group left the store at {@code time}: the writer's time for a delete or a wipe, the instant
   * of expiry for an expired group.
   */
  default void removed(GroupingKey key, Instant time, Removal cause) {}

  /** Why a group left the store. */
  enum Removal {
    DELETED,
    WIPED,
    EXPIRED
  }
}
