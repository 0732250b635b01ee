package io.pushmill.runner.exec.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The executors' one JSON mapper, and the few conversions they share. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The text as one compact JSON value, or empty when it is not exactly one valid value. */
  public static Optional<JsonNode> parse(String text) {
    try {
      return Optional.of(MAPPER.readTree(text)).filter(node -> !node.isMissingNode());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Why the text is not valid JSON, in one line. */
  public static String problem(String text) {
    try {
      MAPPER.readTree(text);
      return "empty";
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written: " + e.getMessage(), e);
    }
  }

  /** A JSON string literal. */
  public static String string(String value) {
    return write(MAPPER.getNodeFactory().textNode(value));
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
