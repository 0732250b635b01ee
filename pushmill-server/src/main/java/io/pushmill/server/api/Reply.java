package io.pushmill.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * What an endpoint answers: a status and a body of one of the content types Windmill's clients
 * decode by {@code Content-Type} (JSON is parsed, text stays a string, anything else is a blob).
 */
public sealed interface Reply {
  int status();

  /** A {@code text/plain} body: ids, hashes, messages, logs, the version. */
  record Text(int status, String body) implements Reply {}

  /** An {@code application/json} body: objects, arrays, booleans. */
  record Json(int status, JsonNode body) implements Reply {}

  /** Bytes of another type, e.g. the sync archive. */
  record Binary(int status, String contentType, byte[] body) implements Reply {}

  static Reply text(String body) {
    return new Text(200, body);
  }

  /** 201 with a text body: what Windmill answers to a create or a run. */
  static Reply created(String body) {
    return new Text(201, body);
  }

  static Reply json(JsonNode body) {
    return new Json(200, body);
  }

  static Reply json(boolean value) {
    return new Json(200, BooleanNode.valueOf(value));
  }
}
