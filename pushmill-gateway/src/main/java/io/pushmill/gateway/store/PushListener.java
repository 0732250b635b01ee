package io.pushmill.gateway.store;

/**
 * Hears about every push the writer has dealt with, accepted or refused, in the order they were
 * applied: the hook for a push history. Called on the writer thread, so it must be quick.
 */
@FunctionalInterface
interface PushListener {
  PushListener NONE = (request, outcome) -> {};

  void pushApplied(PushRequest request, PushOutcome outcome);
}
