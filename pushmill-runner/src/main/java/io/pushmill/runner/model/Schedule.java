package io.pushmill.runner.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored schedule. {@code cron} and {@code timezone} are kept as the client sent them, so they can
 * be echoed back. {@code skippedCount} counts the slots that passed while a run was going on.
 * {@code nextRunAt} is the scheduled time of its queued occurrence, when it has one.
 * {@code extra} holds the other Windmill fields ({@code is_flow}, {@code retry}, {@code tag}…).
 */
public record Schedule(
    String workspace,
    ScriptPath path,
    ScriptPath scriptPath,
    ObjectNode args,
    String cron,
    String timezone,
    boolean enabled,
    Optional<Instant> pausedUntil,
    Optional<String> summary,
    Optional<String> description,
    long skippedCount,
    Optional<String> lastError,
    String editedBy,
    Instant editedAt,
    String email,
    String permissionedAs,
    ObjectNode extra,
    Optional<Instant> nextRunAt) {

  public Schedule {
    args = Json.copy(args);
    extra = Json.copy(extra);
  }
}
