package io.pushmill.runner.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Everything an executor needs to run one job: the script's source and content hash, the args
 * (already validated against the schema, defaults filled in), the complete environment of the
 * child (the caller builds it: PATH, HOME, locale, {@code WM_*}, workspace variables), and the
 * timeout after which the whole process tree is ended.
 */
public record ExecutionRequest(
    UUID jobId,
    String scriptPath,
    Language language,
    String content,
    String contentHash,
    ObjectNode args,
    Map<String, String> environment,
    Duration timeout) {

  public ExecutionRequest {
    environment = Map.copyOf(environment);
  }
}
