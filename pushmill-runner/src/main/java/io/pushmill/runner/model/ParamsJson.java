package io.pushmill.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.ParamType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts a script's parameters: to and from the JSON stored next to the script, and to the JSON
 * Schema Windmill shows for {@code main}'s arguments.
 */
public final class ParamsJson {
  private static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private ParamsJson() {}

  /** {@code [{"name":…,"type":…,"default":…}]}, defaults only when the signature has one. */
  public static String write(List<Param> params) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Param p : params) {
      ObjectNode o = array.addObject();
      o.put("name", p.name());
      o.put("type", p.type().name());
      p.defaultValue().ifPresent(d -> o.set("default", d));
    }
    return Json.write(array);
  }

  public static List<Param> read(String json) {
    List<Param> params = new ArrayList<>();
    for (JsonNode o : Json.parse(json)) {
      params.add(new Param(
          o.get("name").asText(),
          ParamType.valueOf(o.get("type").asText()),
          Optional.ofNullable(o.get("default"))));
    }
    return params;
  }

  /** The JSON Schema of the entry point's arguments, in declaration order. */
  public static ObjectNode schema(List<Param> params) {
    ObjectNode schema = Json.object();
    schema.put("$schema", SCHEMA_DIALECT);
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = schema.putArray("required");
    ArrayNode order = schema.putArray("order");
    for (Param p : params) {
      ObjectNode property = properties.putObject(p.name());
      if (p.type() != ParamType.ANY) {
        property.put("type", p.type().jsonName());
      }
      property.put("description", "");
      p.defaultValue().ifPresent(d -> property.set("default", d));
      if (p.required()) {
        required.add(p.name());
      }
      order.add(p.name());
    }
    return schema;
  }

  /** The parameter names, for error messages. */
  public static String names(List<Param> params) {
    return params.isEmpty()
        ? "it takes no arguments"
        : "its parameters are " + String.join(", ", params.stream().map(Param::name).toList());
  }
}
