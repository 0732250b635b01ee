package io.pushmill.server.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one machine-readable list of Pushmill's intended differences from upstream 1.5.1,
 * {@code compat/differences.yaml}: per case and step, what each gateway answers, why, and the
 * section of {@code docs/differences.md} that documents it.
 */
final class Differences {
  static final String RESOURCE = "/compat/differences.yaml";

  /** One listed difference. {@code step} is a request number in its case, "scrape" or "api". */
  record Entry(
      int caseId,
      String step,
      String docs,
      String why,
      Expectation upstream,
      Expectation pushmill,
      boolean sameBody) {}

  private final Map<String, Entry> entries;

  private Differences(Map<String, Entry> entries) {
    this.entries = entries;
  }

  static Differences load() {
    try (InputStream in = Differences.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (JsonNode node : root.path("differences")) {
        Entry entry = entry(node);
        if (entries.put(key(entry.caseId(), entry.step()), entry) != null) {
          throw new IllegalStateException("listed twice: case " + entry.caseId() + " step " + entry.step());
        }
      }
      return new Differences(entries);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
  }

  private static Entry entry(JsonNode node) {
    int caseId = required(node, "case").asInt();
    String where = "case " + caseId;
    return new Entry(
        caseId,
        required(node, "step").asText(),
        required(node, "docs").asText(),
        required(node, "why").asText(),
        expectation(required(node, "upstream"), where),
        expectation(required(node, "pushmill"), where),
        node.path("same_body").asBoolean(false));
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalStateException(RESOURCE + ": entry without " + field + ": " + node);
    }
    return value;
  }

  private static Expectation expectation(JsonNode node, String where) {
    Map<String, String> headers = new LinkedHashMap<>();
    node.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue().asText()));
    try {
      return new Expectation(
          node.has("status") ? Optional.of(node.get("status").asInt()) : Optional.empty(),
          text(node, "body"),
          text(node, "body_prefix"),
          texts(node, "contains"),
          texts(node, "lacks"),
          headers);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(RESOURCE + ", " + where + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    return node.has(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
  }

  private static List<String> texts(JsonNode node, String field) {
    List<String> texts = new ArrayList<>();
    node.path(field).forEach(t -> texts.add(t.asText()));
    return texts;
  }

  private static String key(int caseId, String step) {
    return caseId + "/" + step;
  }

  Optional<Entry> find(int caseId, String step) {
    return Optional.ofNullable(entries.get(key(caseId, step)));
  }

  List<Entry> all() {
    return List.copyOf(entries.values());
  }
}
