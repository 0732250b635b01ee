package io.pushmill.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of a JSON request body, treating {@code null} as absent. Errors name the field,
 * what it belongs to and the expected type.
 */
final class BodyReader {
  private final ObjectNode body;
  private final String what;

  BodyReader(ObjectNode body, String what) {
    this.body = body;
    this.what = what;
  }

  private Optional<JsonNode> field(String name) {
    JsonNode node = body.get(name);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  String requiredText(String name) {
    return optionalText(name).orElseThrow(() -> ApiException.badRequest(
        what + " needs the field " + name));
  }

  Optional<String> optionalText(String name) {
    return field(name).map(n -> {
      if (!n.isTextual()) {
        throw wrongType(name, "a string", n);
      }
      return n.asText();
    });
  }

  Optional<ObjectNode> optionalObject(String name) {
    return field(name).map(n -> {
      if (!n.isObject()) {
        throw wrongType(name, "a JSON object", n);
      }
      return (ObjectNode) n;
    });
  }

  Optional<Boolean> optionalBoolean(String name) {
    return field(name).map(n -> {
      if (!n.isBoolean()) {
        throw wrongType(name, "true or false", n);
      }
      return n.asBoolean();
    });
  }

  Optional<Long> optionalLong(String name) {
    return field(name).map(n -> {
      if (!n.canConvertToLong() || !n.isIntegralNumber()) {
        throw wrongType(name, "an integer", n);
      }
      return n.asLong();
    });
  }

  Optional<Instant> optionalInstant(String name) {
    return optionalText(name).map(v -> ApiRequest.parseInstant(name, v));
  }

  /** Every non-null field whose name is not in {@code known}: kept and echoed back verbatim. */
  ObjectNode rest(Set<String> known) {
    ObjectNode extra = Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!known.contains(e.getKey()) && !e.getValue().isNull()) {
        extra.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return extra;
  }

  private ApiException wrongType(String name, String expected, JsonNode got) {
    String shown = Json.write(got);
    shown = shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    return ApiException.badRequest("field " + name + " of " + what + " must be " + expected
        + ", got " + shown);
  }
}
