package io.pushmill.runner.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One parameter of a script's entry point, in declaration order: its name, type, and default
 * value when the signature gives one. A parameter without a default is required.
 */
public record Param(String name, ParamType type, Optional<JsonNode> defaultValue) {

  public Param {
    if (name == null || name.isEmpty() || type == null || defaultValue == null) {
      throw new IllegalArgumentException("a parameter needs a name, a type and an optional default");
    }
  }

  public boolean required() {
    return defaultValue.isEmpty();
  }
}
