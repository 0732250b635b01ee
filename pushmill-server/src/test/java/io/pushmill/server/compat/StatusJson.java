package io.pushmill.server.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Projects {@code /api/v1/status} onto what both gateways share: the envelope, the flags that
 * issue 2 gives Pushmill with upstream's names (minus the listen address, which holds the port),
 * whether build information carries a version, and whether start_time is Go's RFC3339Nano.
 */
final class StatusJson {
  static final List<String> SHARED_FLAGS =
      List.of(
          "log.format",
          "log.level",
          "persistence.file",
          "persistence.interval",
          "push.disable-consistency-check",
          "web.config.file",
          "web.enable-admin-api",
          "web.enable-lifecycle",
          "web.external-url",
          "web.route-prefix",
          "web.telemetry-path");

  private static final Pattern START_TIME =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,8}[1-9])?(Z|[+-]\\d\\d:\\d\\d)");

  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusJson() {}

  static String project(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return "(not JSON: " + e.getOriginalMessage() + ")\n" + body;
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("status", root.path("status").asText("(absent)"));
    JsonNode data = root.path("data");
    ObjectNode flags = out.putObject("flags");
    for (String flag : SHARED_FLAGS) {
      JsonNode value = data.path("flags").get(flag);
      flags.set(flag, value == null ? JSON.getNodeFactory().textNode("(absent)") : value);
    }
    out.put("build_information.version is text", data.path("build_information").path("version").isTextual());
    out.put("start_time is RFC3339Nano", START_TIME.matcher(data.path("start_time").asText("")).matches());
    return ApiNormalizer.pretty(out);
  }
}
