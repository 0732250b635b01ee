package io.pushmill.gateway.store;

/**
 * Where a write-ahead log hooks in: the writer hands it every write it applied, then calls {@link
 * #sync()} once per batch before it tells any pusher the outcome, so an acknowledged push survives
 * a crash. Today there is no log and nothing to do.
 */
interface WriteJournal {
  WriteJournal NONE =
      new WriteJournal() {
        @Override
        public void applied(WriteOp op) {}

        @Override
        public void sync() {}
      };

  /** A write that changed the store (a refused push that recorded its failure time included). */
  void applied(WriteOp op);

  /** Makes everything handed over so far durable. */
  void sync();
}
