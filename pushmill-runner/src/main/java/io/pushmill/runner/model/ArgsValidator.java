package io.pushmill.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.exec.Param;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Checks a job's args against its script's parameters: no unknown arg, every required arg present,
 * each of the declared JSON type; fills in defaults. Errors name the script and the arg.
 */
public final class ArgsValidator {
  private ArgsValidator() {}

  /** The args to run with, defaults filled in; {@code args} may be null or JSON null for none. */
  public static ObjectNode validate(ScriptPath script, List<Param> params, JsonNode args) {
    ObjectNode given = asObject(script, args);
    for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (params.stream().noneMatch(p -> p.name().equals(name))) {
        throw new BadRequestException("unknown argument '" + name + "' for script " + script
            + "; " + ParamsJson.names(params));
      }
    }
    ObjectNode result = Json.object();
    for (Param p : params) {
      JsonNode value = given.get(p.name());
      if (value == null) {
        if (p.required()) {
          throw new BadRequestException("missing required argument '" + p.name() + "' for script "
              + script + " (" + describe(p) + ")");
        }
        result.set(p.name(), p.defaultValue().orElseThrow().deepCopy());
        continue;
      }
      checkType(script, p, value);
      result.set(p.name(), value.deepCopy());
    }
    return result;
  }

  private static ObjectNode asObject(ScriptPath script, JsonNode args) {
    if (args == null || args.isNull() || args.isMissingNode()) {
      return Json.object();
    }
    if (!args.isObject()) {
      throw new BadRequestException("args for script " + script + " must be a JSON object, got "
          + args.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return (ObjectNode) args;
  }

  private static void checkType(ScriptPath script, Param p, JsonNode value) {
    boolean nullAllowed = p.defaultValue().map(JsonNode::isNull).orElse(false);
    if (value.isNull() && nullAllowed) {
      return;
    }
    boolean ok = switch (p.type()) {
      case STRING -> value.isTextual();
      case INTEGER -> value.isIntegralNumber()
          || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
      case NUMBER -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case OBJECT -> value.isObject();
      case ARRAY -> value.isArray();
      case ANY -> true;
    };
    if (!ok) {
      throw new BadRequestException("argument '" + p.name() + "' of script " + script + " must be "
          + article(p.type().jsonName()) + ", got " + describe(value));
    }
  }

  private static String describe(Param p) {
    return p.type().jsonName().isEmpty() ? "any JSON value" : "type " + p.type().jsonName();
  }

  private static String describe(JsonNode value) {
    JsonNodeType type = value.getNodeType();
    String text = Json.write(value);
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return type.name().toLowerCase(Locale.ROOT) + " " + shown;
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "object", "array" -> "an " + type;
      default -> "a " + type;
    };
  }
}
