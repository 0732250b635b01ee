package io.pushmill.gateway.store;

import java.util.concurrent.CompletableFuture;

/** One entry of the store's write queue, applied by the writer in submission order. */
sealed interface WriteOp {

  /** A prepared push; {@code outcome} completes once the writer has applied or refused it. */
  record Push(PreparedPush push, CompletableFuture<PushOutcome> outcome) implements WriteOp {}

  /** Deletes exactly one group. */
  record Delete(GroupingKey key) implements WriteOp {}

  /** Deletes every group present when the writer reaches it. */
  record Wipe() implements WriteOp {}

  /**
   * Changes nothing; {@code done} completes once everything queued before it is applied and the
   * timed work due by then (expiry, a save) is done.
   */
  record Sync(CompletableFuture<Void> done) implements WriteOp {}

  /** The last entry ever queued: the writer persists and ends. */
  record Stop() implements WriteOp {}
}
