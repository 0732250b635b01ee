package io.pushmill.server.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalises a {@code GET /api/v1/metrics} answer: groups sorted (upstream's order is Go's map
 * order), the barrier group dropped, {@code time_stamp}s and push times replaced by placeholders.
 * Key order inside each object is kept, because upstream's is fixed.
 */
final class ApiNormalizer {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Go's RFC3339Nano: fraction without trailing zeros, Z or a numeric offset. */
  private static final Pattern RFC3339_NANO =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,8}[1-9])?(Z|[+-]\\d\\d:\\d\\d)");

  static final String STAMP_PLACEHOLDER = "<time stamp>";

  private ApiNormalizer() {}

  static String normalize(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return "(not JSON: " + e.getOriginalMessage() + ")\n" + body;
    }
    if (root instanceof ObjectNode envelope && envelope.get("data") instanceof ArrayNode groups) {
      List<JsonNode> kept = new ArrayList<>();
      for (JsonNode group : groups) {
        if (!isBarrier(group)) {
          kept.add(normalizeGroup(group));
        }
      }
      kept.sort(Comparator.comparing(g -> String.valueOf(g.get("labels"))));
      envelope.set("data", JSON.createArrayNode().addAll(kept));
    }
    return pretty(root);
  }

  static String pretty(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isBarrier(JsonNode group) {
    return OwnMetrics.BARRIER_JOB.equals(group.path("labels").path("job").asText(null));
  }

  private static JsonNode normalizeGroup(JsonNode group) {
    if (!(group instanceof ObjectNode object)) {
      return group;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getValue() instanceof ObjectNode family && family.has("metrics")) {
        normalizeFamily(field.getKey(), family);
      }
    }
    return object;
  }

  private static void normalizeFamily(String name, ObjectNode family) {
    JsonNode stamp = family.get("time_stamp");
    if (stamp != null && RFC3339_NANO.matcher(stamp.asText()).matches()) {
      family.set("time_stamp", TextNode.valueOf(STAMP_PLACEHOLDER));
    }
    if (OwnMetrics.isPushTime(name)) {
      for (JsonNode metric : family.path("metrics")) {
        if (metric instanceof ObjectNode m && m.get("value") != null) {
          m.set("value", TextNode.valueOf(OwnMetrics.normalizeTime(m.get("value").asText())));
        }
      }
    }
  }
}
