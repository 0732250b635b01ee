package io.pushmill.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scripts in Windmill's JSON: {@code NewScript} bodies in, {@code Script} objects and the sync
 * archive's {@code .script.json} out. Fields Pushmill does not interpret ({@code kind},
 * {@code lock}, {@code tag}, {@code envs}…) are stored as sent and echoed back unchanged, and unset
 * ones are left out rather than sent as {@code false}/{@code 0}: {@code wmill script push}
 * compares them with the local file to decide that nothing changed.
 */
final class ScriptJson {
  /** Read into the runner's own fields. */
  private static final Set<String> CORE = Set.of("path", "language", "content", "summary",
      "description", "schema", "timeout", "idempotent", "parent_hash");
  /** Sent per push, not part of a version. */
  private static final Set<String> TRANSIENT = Set.of("auto_parent", "skip_draft_deletion",
      "deployment_message", "preserve_on_behalf_of", "on_behalf_of", "draft_only");
  /** Written by the server; a client's value is ignored. */
  private static final Set<String> SERVER_OWNED = Set.of("hash", "parent_hashes", "created_by",
      "created_at", "archived", "deleted", "is_template", "extra_perms", "starred",
      "workspace_id");
  private static final Set<String> NOT_EXTRA = union(CORE, TRANSIENT, SERVER_OWNED);

  private ScriptJson() {}

  /** A {@code NewScript} body; the schema is decided by the caller (see {@link ScriptSchemas}). */
  static NewScript parse(ObjectNode body) {
    BodyReader r = new BodyReader(body, "the script");
    ScriptPath path = ScriptPath.of(r.requiredText("path"));
    String languageId = r.requiredText("language");
    Language language = Language.byId(languageId).orElseThrow(() -> ApiException.badRequest(
        "language '" + languageId + "' of script " + path + " is not supported; use one of "
            + Arrays.stream(Language.values()).map(Language::id).collect(
                Collectors.joining(", "))));
    Optional<Duration> timeout = r.optionalLong("timeout").filter(s -> s > 0)
        .map(Duration::ofSeconds);
    return new NewScript(path, language, r.requiredText("content"),
        r.optionalText("summary").orElse(""), r.optionalText("description").orElse(""),
        r.optionalObject("schema"), timeout, r.optionalBoolean("idempotent").orElse(false),
        r.optionalText("parent_hash"), r.rest(NOT_EXTRA));
  }

  /** Windmill's {@code Script}, as {@code scripts/get/p/{path}} answers it. */
  static ObjectNode render(Script s) {
    ObjectNode o = Json.object();
    o.put("hash", s.hash());
    o.put("path", s.path().value());
    s.parentHash().ifPresent(p -> o.putArray("parent_hashes").add(p));
    o.put("summary", s.summary());
    o.put("description", s.description());
    o.put("content", s.content());
    o.put("created_by", s.createdBy());
    o.put("created_at", s.createdAt().toString());
    o.put("archived", s.archived());
    o.put("deleted", false);
    o.put("is_template", false);
    o.putObject("extra_perms");
    o.put("language", s.language().id());
    o.put("kind", "script");
    o.put("starred", false);
    o.put("has_preprocessor", false);
    o.put("ws_error_handler_muted", false);
    o.put("workspace_id", s.workspace());
    o.set("schema", s.schema());
    settings(s, o);
    return o;
  }

  /** The {@code .script.json} of the sync archive: the metadata a local {@code .script.yaml} holds. */
  static ObjectNode metadata(Script s) {
    ObjectNode o = Json.object();
    o.put("summary", s.summary());
    o.put("description", s.description());
    o.put("kind", "script");
    o.set("schema", s.schema());
    settings(s, o);
    return o;
  }

  /** The optional settings that are set, and everything else the client sent, as sent. */
  private static void settings(Script s, ObjectNode o) {
    s.timeout().ifPresent(t -> o.put("timeout", t.toSeconds()));
    if (s.idempotent()) {
      o.put("idempotent", true);
    }
    o.setAll(s.extra());
  }

  /** The file extension {@code wmill} gives a script of this language. */
  static String extension(Language language) {
    return switch (language) {
      case PYTHON3 -> ".py";
      case BASH -> ".sh";
      case JAVA -> ".java";
    };
  }

  private static Set<String> union(Set<String> a, Set<String> b, Set<String> c) {
    return java.util.stream.Stream.of(a, b, c).flatMap(Set::stream)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** True for a schema that describes no argument: absent, or without properties. */
  static boolean emptySchema(Optional<ObjectNode> schema) {
    if (schema.isEmpty()) {
      return true;
    }
    JsonNode properties = schema.get().get("properties");
    return properties == null || !properties.isObject() || properties.isEmpty();
  }
}
