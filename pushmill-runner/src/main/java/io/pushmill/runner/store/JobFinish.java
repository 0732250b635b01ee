package io.pushmill.runner.store;

import io.pushmill.runner.model.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A verdict on a job, applied only if the job is still in state {@code from} (and, when given, on
 * {@code worker} with a ping older than {@code pingBefore}: the reaper's guard against a worker that
 * came back). {@code stats} are recorded with the verdict, and only if it applies.
 */
public record JobFinish(
    UUID id,
    JobState from,
    Optional<String> worker,
    Optional<Instant> pingBefore,
    JobState to,
    Instant endedAt,
    OptionalLong durationMs,
    OptionalInt exitCode,
    Optional<String> resultJson,
    Optional<String> error,
    Optional<String> canceledBy,
    Optional<String> canceledReason,
    List<StatsRepository.Sample> stats) {

  public JobFinish {
    stats = List.copyOf(stats);
    if (!to.finished()) {
      throw new IllegalArgumentException("a job cannot finish in state " + to.id());
    }
  }
}
