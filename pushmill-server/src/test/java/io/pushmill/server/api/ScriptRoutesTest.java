package io.pushmill.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.testing.ApiFixture;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code scripts/create|get|list|archive} against a real runner; each test uses its own paths. */
class ScriptRoutesTest {
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** What {@code wmill script push} sends for a bootstrapped script. */
  static String wmillBody(String path, String content, String parentHash) {
    var body = Json.object();
    body.put("content", content).put("description", "").put("language", "python3")
        .put("path", path).put("summary", "").put("kind", "script").put("lock", "");
    var schema = body.putObject("schema");
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema").put("type", "object");
    schema.putObject("properties");
    schema.putArray("required");
    body.put("skip_draft_deletion", true);
    if (parentHash != null) {
      body.put("parent_hash", parentHash).put("auto_parent", true);
    }
    return Json.write(body);
  }

  @Test
  void create_answers_201_with_the_hash_as_text() throws Exception {
    HttpTester.Response r = api.admin("POST", "/api/w/demo/scripts/create?skip_if_noop=true",
        wmillBody("u/admin/created", "def main():\n    pass\n", null));

    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).matches("[0-9a-f]{16}");
    assertThat(api.json("/api/w/demo/scripts/get/p/u/admin/created").get("hash").asText())
        .isEqualTo(r.getContent());
  }

  @Test
  void a_second_identical_push_keeps_the_version_and_its_hash() throws Exception {
    String first = api.admin("POST", "/api/w/demo/scripts/create",
        wmillBody("u/admin/twice", "# log a\n", null)).getContent();
    HttpTester.Response again = api.admin("POST", "/api/w/demo/scripts/create",
        wmillBody("u/admin/twice", "# log a\n", first));

    assertThat(again.getStatus()).isEqualTo(201);
    assertThat(again.getContent()).isEqualTo(first);
    assertThat(api.stack.runner().scriptVersions("demo", ScriptPath.of("u/admin/twice")))
        .hasSize(1);
  }

  @Test
  void a_changed_push_makes_a_new_version_whose_parent_is_the_old_head() throws Exception {
    String first = api.push("u/admin/changed", "python3", "# log a\n");
    String second = api.push("u/admin/changed", "python3", "# log b\n");

    JsonNode script = api.json("/api/w/demo/scripts/get/p/u/admin/changed");
    assertThat(second).isNotEqualTo(first);
    assertThat(script.get("hash").asText()).isEqualTo(second);
    assertThat(script.get("parent_hashes").toString()).isEqualTo("[\"" + first + "\"]");
  }

  @Test
  void get_echoes_what_wmill_compares_and_leaves_unset_options_out() throws Exception {
    var body = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
        wmillBody("u/admin/echo", "# log x\n", null));
    body.put("tag", "special").putObject("envs").put("A", "1");
    body.put("timeout", 90);
    api.admin("POST", "/api/w/demo/scripts/create", Json.write(body));

    JsonNode s = api.json("/api/w/demo/scripts/get/p/u/admin/echo");
    assertThat(s.get("content").asText()).isEqualTo("# log x\n");
    assertThat(s.get("language").asText()).isEqualTo("python3");
    assertThat(s.get("kind").asText()).isEqualTo("script");
    assertThat(s.get("lock").asText()).isEmpty();
    assertThat(s.get("tag").asText()).isEqualTo("special");
    assertThat(s.get("envs").toString()).isEqualTo("{\"A\":\"1\"}");
    assertThat(s.get("timeout").asLong()).isEqualTo(90);
    assertThat(s.get("ws_error_handler_muted").isBoolean()).isTrue();
    assertThat(s.get("archived").asBoolean()).isFalse();
    assertThat(s.get("extra_perms").toString()).isEqualTo("{}");
    assertThat(s.get("schema").toString()).isEqualTo(
        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"properties\":{},\"required\":[]}");
    assertThat(Stream.of("dedicated_worker", "cache_ttl", "priority", "skip_draft_deletion",
        "auto_parent", "parent_hash", "codebase")).noneMatch(s::has);
  }

  @Test
  void an_empty_schema_is_replaced_by_the_inferred_one_when_main_takes_arguments()
      throws Exception {
    api.admin("POST", "/api/w/demo/scripts/create", wmillBody("u/admin/inferred",
        "# param min_value integer 0\n# param name string\n", null));

    assertThat(api.json("/api/w/demo/scripts/get/p/u/admin/inferred").get("schema").toString())
        .isEqualTo("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
            + "\"type\":\"object\",\"properties\":{"
            + "\"min_value\":{\"type\":\"integer\",\"description\":\"\",\"default\":0},"
            + "\"name\":{\"type\":\"string\",\"description\":\"\"}},"
            + "\"required\":[\"name\"],\"order\":[\"min_value\",\"name\"]}");
  }

  @Test
  void a_schema_with_properties_is_stored_as_sent() throws Exception {
    var body = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
        wmillBody("u/admin/sent_schema", "# param n integer\n", null));
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("schema").get("properties"))
        .putObject("n").put("type", "integer").put("description", "how many");
    api.admin("POST", "/api/w/demo/scripts/create", Json.write(body));

    assertThat(api.json("/api/w/demo/scripts/get/p/u/admin/sent_schema")
        .at("/schema/properties/n/description").asText()).isEqualTo("how many");
  }

  @Test
  void nested_paths_keep_their_slashes() throws Exception {
    api.push("f/team/sub/dir/nested", "bash", "# log x\n");

    assertThat(api.json("/api/w/demo/scripts/get/p/f/team/sub/dir/nested").get("path").asText())
        .isEqualTo("f/team/sub/dir/nested");
    assertThat(api.json("/api/w/demo/scripts/get/p/f/team/sub/dir/n%65sted").get("path").asText())
        .isEqualTo("f/team/sub/dir/nested");
  }

  @Test
  void an_unknown_script_is_404_text() throws Exception {
    HttpTester.Response r = api.admin("GET", "/api/w/demo/scripts/get/p/u/admin/nothing_here");

    assertThat(r.getStatus()).isEqualTo(404);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).isEqualTo(
        "script u/admin/nothing_here not found in workspace demo");
  }

  static Stream<Arguments> badScripts() {
    return Stream.of(
        Arguments.of(1, "{\"path\":\"x/admin/bad1\",\"language\":\"python3\",\"content\":\"\"}",
            "invalid path 'x/admin/bad1': it must start with 'u/' or 'f/'"),
        Arguments.of(2, "{\"path\":\"u/admin/bad2\",\"language\":\"bun\",\"content\":\"\"}",
            "language 'bun' of script u/admin/bad2 is not supported; use one of python3, bash,"
                + " java"),
        Arguments.of(3, "{\"path\":\"u/admin/bad3\",\"language\":\"python3\"}",
            "the script needs the field content"),
        Arguments.of(4, "{\"path\":\"u/admin/bad4\",\"language\":\"python3\",\"content\":"
            + "\"# syntax-error unexpected indent\"}",
            "script u/admin/bad4 cannot be run: line 1: unexpected indent"),
        Arguments.of(5, "{\"path\":\"u/admin/bad5\",\"language\":\"python3\",\"content\":7}",
            "field content of the script must be a string, got 7"),
        Arguments.of(6, "[1]", "the script must be a JSON object, got array"),
        Arguments.of(7, "{\"path\": ", "the request body is not valid JSON"),
        Arguments.of(8, "{\"path\":\"u/admin/bad8\",\"language\":\"python3\",\"content\":\"\","
            + "\"schema\":\"none\"}", "field schema of the script must be a JSON object"));
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("badScripts")
  void bad_scripts_get_400_with_the_reason_and_nothing_is_stored(int n, String body,
      String reason) throws Exception {
    HttpTester.Response r = api.admin("POST", "/api/w/demo/scripts/create", body);

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).startsWith(reason);
    assertThat(api.admin("GET", "/api/w/demo/scripts/get/p/u/admin/bad" + n).getStatus())
        .isEqualTo(404);
  }

  @Test
  void archived_scripts_leave_the_list_but_can_still_be_read() throws Exception {
    api.push("u/admin/listed_a", "bash", "# log a\n");
    api.push("u/admin/listed_b", "bash", "# log b\n");

    HttpTester.Response archive = api.admin("POST", "/api/w/demo/scripts/archive/p/u/admin/listed_b");

    assertThat(archive.getStatus()).isEqualTo(200);
    assertThat(paths("/api/w/demo/scripts/list?path_start=u/admin/listed_"))
        .containsExactly("u/admin/listed_a");
    assertThat(paths("/api/w/demo/scripts/list?path_start=u/admin/listed_&show_archived=true"))
        .containsExactlyInAnyOrder("u/admin/listed_a", "u/admin/listed_b");
    assertThat(api.json("/api/w/demo/scripts/get/p/u/admin/listed_b").get("archived").asBoolean())
        .isTrue();
  }

  @Test
  void archiving_an_unknown_script_is_404() throws Exception {
    assertThat(api.admin("POST", "/api/w/demo/scripts/archive/p/u/admin/never").getStatus())
        .isEqualTo(404);
  }

  private static java.util.List<String> paths(String target) throws Exception {
    java.util.List<String> paths = new java.util.ArrayList<>();
    api.json(target).forEach(s -> paths.add(s.get("path").asText()));
    return paths;
  }
}
