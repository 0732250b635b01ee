package io.pushmill.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.Language;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A job: one row of the table that is both queue and history. {@code scheduledFor} is when it may
 * start (a schedule's slot, or its creation time); {@code cancelRequested} is the flag a worker polls
 * while it runs the job; {@code attempt} grows when the reaper requeues it. {@code result} is the
 * entry point's return value, or Windmill's error object for a failure. The JSON fields are copies
 * owned by the record; callers must not modify them.
 */
public record Job(
    UUID id,
    String workspace,
    JobKind kind,
    ScriptPath scriptPath,
    String scriptHash,
    Language language,
    Optional<ScriptPath> schedulePath,
    ObjectNode args,
    JobState state,
    Instant scheduledFor,
    Instant createdAt,
    String createdBy,
    String permissionedAs,
    String email,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt,
    OptionalLong durationMs,
    OptionalInt exitCode,
    Optional<JsonNode> result,
    Optional<String> error,
    Optional<String> worker,
    int attempt,
    boolean cancelRequested,
    Optional<String> canceledBy,
    Optional<String> canceledReason,
    Optional<Instant> pingAt) {

  public Job {
    args = Json.copy(args);
    result = result.map(JsonNode::deepCopy);
  }

  /** A new queued job. */
  public static Job queued(
      UUID id, String workspace, Script script, Optional<ScriptPath> schedulePath, ObjectNode args,
      Instant scheduledFor, Instant createdAt, String createdBy, String permissionedAs,
      String email) {
    return new Job(id, workspace, JobKind.SCRIPT, script.path(), script.hash(), script.language(),
        schedulePath, args, JobState.QUEUED, scheduledFor, createdAt, createdBy, permissionedAs,
        email, Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalInt.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 1, false, Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public boolean running() {
    return state == JobState.RUNNING;
  }

  public boolean finished() {
    return state.finished();
  }

  public boolean success() {
    return state == JobState.SUCCESS;
  }
}
