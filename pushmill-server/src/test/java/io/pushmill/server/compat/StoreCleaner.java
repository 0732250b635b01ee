package io.pushmill.server.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Empties both gateways of a pair between cases, so that every case starts from an empty store:
 * with the admin API by a wipe, without it by deleting each group the API lists (in the base64
 * forms the web UI uses), then waiting until the API lists none.
 */
final class StoreCleaner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMPTY = "{\"status\":\"success\",\"data\":[]}";

  private StoreCleaner() {}

  static void empty(GatewayPair pair) {
    for (GatewayProcess gateway : List.of(pair.reference(), pair.candidate())) {
      if (!gateway.isAlive()) {
        continue;
      }
      if (pair.setup().adminApi()) {
        gateway.send(HttpCall.of("PUT", gateway.routePrefix() + "/api/v1/admin/wipe"));
      } else {
        deleteListedGroups(gateway);
      }
      Barrier.awaitApi(gateway, body -> body.strip().equals(EMPTY), "an empty store");
    }
  }

  private static void deleteListedGroups(GatewayProcess gateway) {
    String body = gateway.send(HttpCall.get(gateway.routePrefix() + "/api/v1/metrics")).text();
    JsonNode groups;
    try {
      groups = JSON.readTree(body).path("data");
    } catch (JsonProcessingException e) {
      throw new AssertionError(gateway + ": /api/v1/metrics is not JSON: " + body, e);
    }
    for (JsonNode group : groups) {
      gateway.send(HttpCall.delete(gateway.routePrefix() + deletePath(group.path("labels"))));
    }
  }

  static String deletePath(JsonNode labels) {
    StringBuilder path = new StringBuilder("/metrics/job@base64/").append(b64(labels.path("job").asText()));
    for (Map.Entry<String, JsonNode> label : labels.properties()) {
      if (!label.getKey().equals("job")) {
        path.append('/').append(label.getKey()).append("@base64/").append(b64(label.getValue().asText()));
      }
    }
    return path.toString();
  }

  private static String b64(String value) {
    String encoded = Base64.getUrlEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    return encoded.isEmpty() ? "=" : encoded;
  }
}
