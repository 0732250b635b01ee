package io.pushmill.runner.model;

import java.util.Arrays;
import java.util.Optional;

/** What a job runs. Windmill has many kinds (flow, preview, dependencies…); Pushmill runs scripts. */
public enum JobKind {
  SCRIPT("script");

  private final String id;

  JobKind(String id) {
    this.id = id;
  }

  /** Windmill's {@code job_kind}. */
  public String id() {
    return id;
  }

  public static Optional<JobKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  public static JobKind of(String id) {
    return byId(id).orElseThrow(() -> new IllegalStateException("unknown job kind " + id));
  }
}
