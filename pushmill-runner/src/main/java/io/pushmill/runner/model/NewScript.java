package io.pushmill.runner.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.exec.Language;
import java.time.Duration;
import java.util.Optional;

/**
 * A script version to store, as Windmill's {@code NewScript} carries it. An absent {@code schema}
 * is inferred from the entry point's signature. {@code timeout} overrides the worker's default;
 * {@code idempotent} lets the reaper requeue a job whose worker died. {@code extra} keeps every
 * other Windmill field ({@code kind}, {@code lock}, {@code tag}, {@code envs}…) to echo it back.
 */
public record NewScript(
    ScriptPath path,
    Language language,
    String content,
    String summary,
    String description,
    Optional<ObjectNode> schema,
    Optional<Duration> timeout,
    boolean idempotent,
    Optional<String> parentHash,
    ObjectNode extra) {

  public NewScript {
    if (path == null || language == null || content == null) {
      throw new BadRequestException("a script needs a path, a language and content");
    }
    summary = summary == null ? "" : summary;
    description = description == null ? "" : description;
    schema = schema.map(Json::copy);
    if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
      throw new BadRequestException(
          "timeout of script " + path + " must be positive, got " + timeout.get().toSeconds() + " s");
    }
    extra = Json.copy(extra);
  }

  /** A script with only what is required. */
  public static NewScript of(ScriptPath path, Language language, String content) {
    return new NewScript(path, language, content, "", "", Optional.empty(), Optional.empty(), false,
        Optional.empty(), Json.object());
  }

  public NewScript withSummary(String newSummary) {
    return new NewScript(path, language, content, newSummary, description, schema, timeout,
        idempotent, parentHash, extra);
  }

  public NewScript withTimeout(Duration newTimeout) {
    return new NewScript(path, language, content, summary, description, schema,
        Optional.of(newTimeout), idempotent, parentHash, extra);
  }

  public NewScript withIdempotent(boolean value) {
    return new NewScript(path, language, content, summary, description, schema, timeout, value,
        parentHash, extra);
  }

  public NewScript withSchema(ObjectNode newSchema) {
    return new NewScript(path, language, content, summary, description, Optional.of(newSchema),
        timeout, idempotent, parentHash, extra);
  }

  public NewScript withExtra(ObjectNode newExtra) {
    return new NewScript(path, language, content, summary, description, schema, timeout,
        idempotent, parentHash, newExtra);
  }
}
