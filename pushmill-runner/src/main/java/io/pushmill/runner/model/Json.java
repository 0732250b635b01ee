package io.pushmill.runner.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.BadRequestException;

/** The runner's one JSON mapper, and the few conversions every layer needs. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Parses text that the runner wrote itself; a failure is a bug, not bad input. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses a stored JSON object. */
  public static ObjectNode parseObject(String text) {
    JsonNode node = parse(text);
    if (!node.isObject()) {
      throw new IllegalStateException("stored JSON is not an object: " + node.getNodeType());
    }
    return (ObjectNode) node;
  }

  /** Parses JSON from a client, naming what it is in the error. */
  public static JsonNode parseInput(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }

  /** A deep copy, or an empty object for null, so records own their JSON. */
  public static ObjectNode copy(ObjectNode node) {
    return node == null ? object() : node.deepCopy();
  }
}
