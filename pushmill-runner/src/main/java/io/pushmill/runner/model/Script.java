package io.pushmill.runner.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.Param;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stored version of a script. {@code hash} identifies the version (Windmill's 16 hex digits; it
 * covers the path, language, content, metadata and parent hash, so a revert gets a new hash);
 * {@code contentHash} covers only language and content and keys compiled-code caches. {@code params}
 * come from the language runtime's analysis; {@code schema} is the JSON Schema as the client sent it,
 * or inferred from the params. {@code extra} holds the other Windmill fields, echoed back verbatim.
 * The JSON fields are copies owned by the record; callers must not modify them.
 */
public record Script(
    String workspace,
    ScriptPath path,
    int version,
    String hash,
    Optional<String> parentHash,
    Language language,
    String content,
    String contentHash,
    String summary,
    String description,
    List<Param> params,
    ObjectNode schema,
    Optional<Duration> timeout,
    boolean idempotent,
    String createdBy,
    Instant createdAt,
    boolean archived,
    ObjectNode extra) {

  public Script {
    params = List.copyOf(params);
    schema = Json.copy(schema);
    extra = Json.copy(extra);
  }

  /** True when pushing {@code candidate} with this schema would change nothing. */
  public boolean sameDefinition(NewScript candidate, ObjectNode candidateSchema) {
    return !archived
        && language == candidate.language()
        && content.equals(candidate.content())
        && summary.equals(candidate.summary())
        && description.equals(candidate.description())
        && timeout.equals(candidate.timeout())
        && idempotent == candidate.idempotent()
        && schema.equals(candidateSchema)
        && extra.equals(candidate.extra());
  }
}
