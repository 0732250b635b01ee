package io.pushmill.gateway.store;

/** What became of a push once the store's writer applied it. */
public sealed interface PushOutcome {

  /** The push changed the group. */
  record Accepted() implements PushOutcome {}

  /**
   * The push was refused; only the group's {@code push_failure_time_seconds} changed. The message
   * follows upstream's: {@code pushed metrics are invalid or inconsistent with existing metrics:
   * <reason>}.
   */
  record Rejected(String message) implements PushOutcome {}

  static PushOutcome accepted() {
    return new Accepted();
  }

  static PushOutcome rejected(String reason) {
    return new Rejected("pushed metrics are invalid or inconsistent with existing metrics: " + reason);
  }
}
