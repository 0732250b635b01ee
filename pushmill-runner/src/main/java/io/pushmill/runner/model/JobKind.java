package io.pushmill.runner.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a job runs. Windmill has many kinds (flow, preview, dependencies…); Pushmill runs scripts. */
public enum JobKind {
  SCRIPT("script");

  // Read for every row of a job list and every claim: a lookup, not a scan of values().
  private static final Map<String, JobKind> BY_ID =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(JobKind::id, k -> k));

  private final String id;

  JobKind(String id) {
    this.id = id;
  }

  /** Windmill's {@code job_kind}. */
  public String id() {
    return id;
  }

  public static Optional<JobKind> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  public static JobKind of(String id) {
    return byId(id).orElseThrow(() -> new IllegalStateException("unknown job kind " + id));
  }
}
