package io.pushmill.runner.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything an executor needs to run one job: the script's source and content hash, the args
 * (already validated against the schema, defaults filled in), the complete environment of the
 * child (the caller builds it: PATH, HOME, locale, {@code WM_*}, workspace variables), and the
 * timeout after which the whole process tree is ended. A job claimed ahead of its slot has a
 * {@code startAt} (wall clock): everything is prepared before it, and the process starts then.
 */
public record ExecutionRequest(
    UUID jobId,
    String scriptPath,
    Language language,
    String content,
    String contentHash,
    ObjectNode args,
    Map<String, String> environment,
    Duration timeout,
    Optional<Instant> startAt) {

  public ExecutionRequest {
    environment = Map.copyOf(environment);
  }

  /** A request to start at once. */
  public ExecutionRequest(UUID jobId, String scriptPath, Language language, String content,
      String contentHash, ObjectNode args, Map<String, String> environment, Duration timeout) {
    this(jobId, scriptPath, language, content, contentHash, args, environment, timeout,
        Optional.empty());
  }
}
