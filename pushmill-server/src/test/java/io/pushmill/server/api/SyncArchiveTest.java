package io.pushmill.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.model.Json;
import io.pushmill.server.testing.ApiFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workspaces/tarball}: the workspace as {@code wmill sync} lays it out. */
class SyncArchiveTest {
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.start(dir);
    api.admin("POST", "/api/w/demo/scripts/create", ScriptRoutesTest.wmillBody(
        "u/admin/random_number_metric_script", "def main():\n    pass\n", null));
    api.push("u/admin/tool", "bash", "# log hi\n");
    api.push("u/admin/gone", "bash", "# log bye\n");
    api.admin("POST", "/api/w/demo/scripts/archive/p/u/admin/gone");
    api.admin("POST", "/api/w/demo/schedules/create", "{\"path\":\"u/admin/every_year\","
        + "\"schedule\":\"0 0 0 1 1 *\",\"timezone\":\"Etc/UTC\",\"script_path\":\"u/admin/tool\","
        + "\"is_flow\":false,\"args\":{},\"enabled\":true,\"summary\":\"yearly\"}");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void the_archive_holds_each_script_and_its_metadata_as_the_local_yaml_has_it()
      throws Exception {
    Map<String, String> zip = unzip(api.admin("GET",
        "/api/w/demo/workspaces/tarball?archive_type=zip&include_schedules=false"));

    assertThat(zip.keySet()).containsExactly("u/admin/random_number_metric_script.py",
        "u/admin/random_number_metric_script.script.json", "u/admin/tool.script.json",
        "u/admin/tool.sh");
    assertThat(zip.get("u/admin/random_number_metric_script.py"))
        .isEqualTo("def main():\n    pass\n");
    assertThat(Json.parse(zip.get("u/admin/random_number_metric_script.script.json")))
        .isEqualTo(Json.parse("{\"summary\":\"\",\"description\":\"\",\"kind\":\"script\","
            + "\"lock\":\"\",\"schema\":{\"$schema\":"
            + "\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"properties\":{},\"required\":[]}}"));
  }

  @Test
  void schedules_are_in_only_when_asked_for_without_owner_fields() throws Exception {
    Map<String, String> zip = unzip(api.admin("GET",
        "/api/w/demo/workspaces/tarball?archive_type=zip&include_schedules=true"));

    assertThat(Json.parse(zip.get("u/admin/every_year.schedule.json")))
        .isEqualTo(Json.parse("{\"schedule\":\"0 0 0 1 1 *\",\"timezone\":\"Etc/UTC\","
            + "\"script_path\":\"u/admin/tool\",\"args\":{},\"enabled\":true,"
            + "\"summary\":\"yearly\",\"is_flow\":false}"));
  }

  @Test
  void other_archive_types_are_refused_as_wmill_expects() throws Exception {
    HttpTester.Response r = api.admin("GET", "/api/w/demo/workspaces/tarball?archive_type=tar");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).contains("Invalid Archive Type");
  }

  private static Map<String, String> unzip(HttpTester.Response r) throws Exception {
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.get("Content-Type")).isEqualTo("application/zip");
    Map<String, String> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(r.getContentBytes()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
