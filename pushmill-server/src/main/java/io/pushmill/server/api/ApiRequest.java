package io.pushmill.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.api.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.util.Fields;

/**
 * One authenticated API request as an endpoint sees it: the route's captured segments, the query,
 * the body and who sent it. Accessors that parse throw {@link ApiException} (400) naming the
 * parameter and its value.
 */
public final class ApiRequest {
  private final Map<String, String> params;
  private final Fields query;
  private final byte[] body;
  private final Principal principal;

  ApiRequest(Map<String, String> params, Fields query, byte[] body, Principal principal) {
    this.params = Map.copyOf(params);
    this.query = query;
    this.body = body.clone();
    this.principal = principal;
  }

  public Principal principal() {
    return principal;
  }

  /** The workspace of a {@code /w/{ws}/...} route. */
  public String workspace() {
    return param("ws");
  }

  /** A captured segment of the route, or the rest of the path for a catch-all. */
  public String param(String name) {
    String value = params.get(name);
    if (value == null) {
      throw new IllegalStateException("the route has no parameter " + name);
    }
    return value;
  }

  /** The catch-all {@code {path}} as a script or schedule path (400 when malformed). */
  public ScriptPath path() {
    return ScriptPath.of(param("path"));
  }

  /** The {@code {id}} segment as a job id. */
  public UUID jobId() {
    String id = param("id");
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid job id '" + id + "': not a UUID");
    }
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(query.getValue(name)).filter(v -> !v.isEmpty());
  }

  public Optional<Boolean> booleanQuery(String name) {
    return query(name).map(v -> switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badRequest(
          "query parameter " + name + " must be true or false, got '" + v + "'");
    });
  }

  public Optional<Integer> intQuery(String name) {
    return query(name).map(v -> {
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            "query parameter " + name + " must be an integer, got '" + v + "'");
      }
    });
  }

  /** An ISO-8601 timestamp with an offset, as Windmill's clients send them. */
  public Optional<Instant> instantQuery(String name) {
    return query(name).map(v -> parseInstant(name, v));
  }

  static Instant parseInstant(String name, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be an ISO-8601 timestamp such as "
          + "2026-11-25T10:00:00Z, got '" + value + "'");
    }
  }

  /** The body as JSON; a missing node when it is empty. */
  public JsonNode jsonBody() {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("the request body is not valid JSON: "
          + e.getOriginalMessage());
    }
  }

  /** The body as a JSON object; {@code what} names it in the error. */
  public ObjectNode objectBody(String what) {
    JsonNode node = jsonBody();
    if (!node.isObject()) {
      throw ApiException.badRequest(what + " must be a JSON object, got "
          + (node.isMissingNode() ? "an empty body" : node.getNodeType().name().toLowerCase(
              java.util.Locale.ROOT)));
    }
    return (ObjectNode) node;
  }
}
