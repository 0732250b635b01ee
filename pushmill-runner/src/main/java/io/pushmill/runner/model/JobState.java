package io.pushmill.runner.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a job is in its life: queued → running → success | failure | canceled | skipped. */
public enum JobState {
  QUEUED("queued"),
  RUNNING("running"),
  SUCCESS("success"),
  FAILURE("failure"),
  CANCELED("canceled"),
  /** Kept for Windmill's vocabulary; Pushmill has no dynamic skip, so no job ends in it yet. */
  SKIPPED("skipped");

  // Read for every row of a job list and every claim: a lookup, not a scan of values().
  private static final Map<String, JobState> BY_ID =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(JobState::id, s -> s));

  private final String id;

  JobState(String id) {
    this.id = id;
  }

  /** The name stored in the database and shown in metrics. */
  public String id() {
    return id;
  }

  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }

  public static Optional<JobState> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** The state stored under this name; the database only holds names written by this enum. */
  public static JobState of(String id) {
    return byId(id).orElseThrow(() -> new IllegalStateException("unknown job state " + id));
  }
}
