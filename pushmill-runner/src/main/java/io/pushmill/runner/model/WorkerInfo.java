package io.pushmill.runner.model;

import java.time.Instant;

/** A worker process as its heartbeat row shows it; {@code alive} when its ping is recent. */
public record WorkerInfo(
    String name,
    String group,
    String instance,
    int slots,
    Instant startedAt,
    Instant pingAt,
    long jobsExecuted,
    boolean alive) {}
