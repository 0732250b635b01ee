package io.pushmill.server.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Json;
import io.pushmill.server.ui.view.ArgField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.util.Fields;

/**
 * A script's "Run now" form, from the JSON Schema of its arguments (Windmill's shape: {@code
 * properties}, {@code required}, {@code order}): a text input per string, a number input per
 * number or integer, a checkbox per boolean, a list per {@code enum}, and a JSON text area for
 * objects, arrays and untyped arguments. {@link #read} turns a submitted form back into the args
 * object, leaving out empty optional fields so the script's defaults apply.
 */
final class ArgsForm {
  /** The args, or the fields again with the values sent and the reasons they were refused. */
  record Result(Optional<ObjectNode> args, List<ArgField> fields) {}

  private ArgsForm() {}

  static List<ArgField> fields(ObjectNode schema) {
    JsonNode props = schema.path("properties");
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    List<ArgField> out = new ArrayList<>();
    for (String name : order(schema)) {
      out.add(field(name, props.path(name), required.contains(name)));
    }
    return out;
  }

  /** {@code order} first, then any property it leaves out. */
  private static List<String> order(ObjectNode schema) {
    Set<String> names = new LinkedHashSet<>();
    schema.path("order").forEach(n -> names.add(n.asText()));
    for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    names.removeIf(n -> !schema.path("properties").has(n));
    return List.copyOf(names);
  }

  private static ArgField field(String name, JsonNode p, boolean required) {
    String type = p.path("type").asText("any");
    JsonNode def = p.path("default");
    Optional<String> description = Optional.of(p.path("description").asText(""))
        .filter(d -> !d.isBlank());
    List<String> options = new ArrayList<>();
    p.path("enum").forEach(e -> options.add(e.asText()));
    String input = !options.isEmpty() ? "select" : switch (type) {
      case "string" -> "text";
      case "integer", "number" -> "number";
      case "boolean" -> "checkbox";
      default -> "json";
    };
    String value = def.isMissingNode() || def.isNull() ? ""
        : def.isTextual() ? def.asText() : Json.write(def);
    return new ArgField(name, input, type, required, value, def.asBoolean(false),
        type.equals("integer") ? "1" : "any", description, options, Optional.empty());
  }

  /** Reads {@code arg.<name>} fields for {@code fields}. */
  static Result read(List<ArgField> fields, Fields form) {
    ObjectNode args = Json.object();
    List<ArgField> echoed = new ArrayList<>();
    boolean ok = true;
    for (ArgField f : fields) {
      String raw = Optional.ofNullable(form.getValue(f.field())).orElse("");
      Optional<String> error = Optional.empty();
      try {
        put(args, f, raw);
      } catch (IllegalArgumentException e) {
        error = Optional.of(e.getMessage());
        ok = false;
      }
      echoed.add(f.withValue(raw, !raw.isEmpty(), error));
    }
    return new Result(ok ? Optional.of(args) : Optional.empty(), echoed);
  }

  private static void put(ObjectNode args, ArgField f, String raw) {
    if (f.input().equals("checkbox")) {
      args.put(f.name(), !raw.isEmpty());
      return;
    }
    if (raw.isBlank()) {
      if (f.required()) {
        throw new IllegalArgumentException(f.name() + " is required.");
      }
      return;
    }
    switch (f.type()) {
      case "integer" -> args.put(f.name(),
          (long) parse(raw.strip(), Long::parseLong, "a whole number"));
      case "number" -> args.put(f.name(),
          (double) parse(raw.strip(), Double::parseDouble, "a number"));
      case "string" -> args.put(f.name(), raw);
      default -> args.set(f.name(), json(f, raw));
    }
  }

  private static <T> T parse(String raw, java.util.function.Function<String, T> parser,
      String what) {
    try {
      return parser.apply(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + raw + "' is not " + what + ".");
    }
  }

  private static JsonNode json(ArgField f, String raw) {
    if (f.input().equals("select")) {
      return Json.MAPPER.getNodeFactory().textNode(raw);
    }
    try {
      JsonNode node = Json.MAPPER.readTree(raw);
      if (f.type().equals("object") && !node.isObject()
          || f.type().equals("array") && !node.isArray()) {
        throw new IllegalArgumentException("This must be a JSON " + f.type() + ".");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("This is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
