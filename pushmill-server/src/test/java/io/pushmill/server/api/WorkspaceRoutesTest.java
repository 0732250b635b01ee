package io.pushmill.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.server.testing.ApiFixture;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes {@code wmill workspace add}, {@code whoami} and {@code sync} call around the items. */
class WorkspaceRoutesTest {
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

  @Test
  void workspaces_exists_answers_a_json_boolean() throws Exception {
    HttpTester.Response demo = api.admin("POST", "/api/workspaces/exists", "{\"id\":\"demo\"}");
    HttpTester.Response other = api.admin("POST", "/api/workspaces/exists", "{\"id\":\"nope\"}");

    assertThat(demo.get("Content-Type")).isEqualTo("application/json");
    assertThat(demo.getContent()).isEqualTo("true");
    assertThat(other.getContent()).isEqualTo("false");
  }

  @Test
  void whoami_answers_the_admin_globally_and_in_a_workspace() throws Exception {
    JsonNode global = api.json("/api/users/whoami");
    JsonNode local = api.json("/api/w/demo/users/whoami");

    assertThat(global.get("email").asText()).isEqualTo("admin@pushmill.local");
    assertThat(global.get("super_admin").asBoolean()).isTrue();
    assertThat(local.get("username").asText()).isEqualTo("admin");
    assertThat(local.get("is_admin").asBoolean()).isTrue();
    assertThat(local.get("groups").isArray()).isTrue();
    assertThat(api.admin("GET", "/api/w/nope/users/whoami").getStatus()).isEqualTo(404);
  }

  @Test
  void the_workspace_lists_hold_demo() throws Exception {
    assertThat(api.json("/api/workspaces/list").toString())
        .isEqualTo("[{\"id\":\"demo\",\"name\":\"demo\",\"owner\":\"admin\"}]");
    JsonNode users = api.json("/api/workspaces/users");
    assertThat(users.at("/workspaces/0/id").asText()).isEqualTo("demo");
    assertThat(users.at("/workspaces/0/is_dev_workspace").asBoolean()).isFalse();
  }

  @Test
  void kinds_pushmill_does_not_have_are_empty() throws Exception {
    assertThat(api.json("/api/w/demo/workspaces/list_ws_specific").toString()).isEqualTo("[]");
    assertThat(api.json("/api/w/demo/resources/file_resource_type_to_file_ext_map").toString())
        .isEqualTo("{}");
    assertThat(api.admin("GET", "/api/w/demo/shared_ui/get").getStatus()).isEqualTo(404);
  }
}
