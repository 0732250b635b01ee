package io.pushmill.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.exec.Language;
import io.pushmill.server.api.auth.JobTokens;
import io.pushmill.server.testing.ApiFixture;
import io.pushmill.server.testing.ScriptedRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may call what: the admin token, cookies, job tokens, and the two open routes. */
class AuthTest {
  @TempDir static Path dir;
  static ApiFixture api;
  static ScriptedRuntime python;

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.start(dir);
    python = api.runtime(Language.PYTHON3);
    api.push("u/admin/token_user", "python3", "# publish-env\n# hold\n");
    api.runner().createWorkspace("other", "other");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void version_needs_no_token_and_is_a_windmill_version_of_at_least_1_585() throws Exception {
    HttpTester.Response r = api.send("GET", "/api/version", "", Map.of());

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).matches("CE v1\\.(\\d+)\\.\\d+");
    assertThat(Integer.parseInt(r.getContent().split("\\.")[1])).isGreaterThanOrEqualTo(585);
  }

  @Test
  void metrics_need_no_token() throws Exception {
    HttpTester.Response r = api.send("GET", "/metrics", "", Map.of());

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.get("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.getContent()).contains("process_test_gauge 1\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /api/users/whoami", "POST /api/workspaces/exists",
      "GET /api/w/demo/scripts/get/p/u/admin/token_user", "GET /api/w/demo/jobs/list",
      "POST /api/w/demo/jobs/run/p/u/admin/token_user", "GET /api/w/demo/no/such/route",
      "GET /api/w/demo/workspaces/tarball"})
  void without_a_token_every_route_is_401_text(String route) throws Exception {
    String[] parts = route.split(" ");
    HttpTester.Response r = api.send(parts[0], parts[1], "{}", Map.of());

    assertThat(r.getStatus()).isEqualTo(401);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).startsWith("Unauthorized");
  }

  @Test
  void a_wrong_token_is_401_and_queues_nothing() throws Exception {
    api.push("u/admin/not_for_strangers", "python3", "# log hi\n");
    HttpTester.Response r = api.send("POST",
        "/api/w/demo/jobs/run/p/u/admin/not_for_strangers", "{}",
        Map.of("Authorization", "Bearer " + ApiFixture.TOKEN + "x"));

    assertThat(r.getStatus()).isEqualTo(401);
    assertThat(api.json("/api/w/demo/jobs/list?script_path_exact=u/admin/not_for_strangers"))
        .isEmpty();
  }

  @Test
  void the_token_is_trimmed_and_also_accepted_as_a_cookie() throws Exception {
    HttpTester.Response spaced = api.send("GET", "/api/users/whoami", "",
        Map.of("Authorization", "Bearer " + ApiFixture.TOKEN + " "));
    HttpTester.Response cookie = api.send("GET", "/api/users/whoami", "",
        Map.of("Cookie", "other=1; token=" + ApiFixture.TOKEN));

    assertThat(spaced.getStatus()).isEqualTo(200);
    assertThat(cookie.getStatus()).isEqualTo(200);
    assertThat(cookie.getContent()).contains("\"username\":\"admin\"");
  }

  @Test
  void a_jobs_token_works_in_its_workspace_while_the_job_runs_and_not_after() throws Exception {
    String id = api.run("u/admin/token_user", "{}");
    Map<String, String> env = python.environments.poll(20, java.util.concurrent.TimeUnit.SECONDS);
    Map<String, String> auth = Map.of("Authorization", "Bearer " + env.get("WM_TOKEN"));

    HttpTester.Response self = api.send("GET", "/api/w/demo/jobs_u/get/" + id, "", auth);
    HttpTester.Response whoami = api.send("GET", "/api/w/demo/users/whoami", "", auth);
    HttpTester.Response otherWs = api.send("GET", "/api/w/other/jobs/list", "", auth);
    HttpTester.Response global = api.send("GET", "/api/workspaces/list", "", auth);
    python.release();
    api.awaitCompleted(id);
    HttpTester.Response afterEnd = api.send("GET", "/api/w/demo/jobs/list", "", auth);

    assertThat(env.get("WM_TOKEN")).startsWith("pmjob.").doesNotContain(ApiFixture.TOKEN);
    assertThat(self.getStatus()).isEqualTo(200);
    assertThat(whoami.getContent()).contains("\"username\":\"admin\"", "\"is_admin\":false");
    assertThat(otherWs.getStatus()).isEqualTo(401);
    assertThat(otherWs.getContent()).contains("only in workspace demo");
    assertThat(global.getStatus()).isEqualTo(401);
    assertThat(afterEnd.getStatus()).isEqualTo(401);
  }

  @Test
  void an_expired_or_tampered_job_token_is_401() throws Exception {
    String id = api.run("u/admin/token_user", "{}");
    String token = python.environments.poll(20, java.util.concurrent.TimeUnit.SECONDS)
        .get("WM_TOKEN");
    String tampered = token.substring(0, token.length() - 2)
        + (token.endsWith("AA") ? "BB" : "AA");

    HttpTester.Response fresh = get(token);
    HttpTester.Response bad = get(tampered);
    api.tokenClock.advance(Duration.ofMinutes(15).plus(JobTokens.MARGIN));
    HttpTester.Response expired = get(token);
    python.release();
    api.awaitCompleted(id);

    assertThat(fresh.getStatus()).isEqualTo(200);
    assertThat(bad.getStatus()).isEqualTo(401);
    assertThat(expired.getStatus()).isEqualTo(401);
  }

  @Test
  void an_unexpected_failure_is_500_with_a_generic_text() throws Exception {
    HttpTester.Response r = api.admin("POST", "/api/w/demo/scripts/create",
        "{\"path\":\"u/admin/bug\",\"language\":\"python3\",\"content\":\"# analyser-bug\"}");

    assertThat(r.getStatus()).isEqualTo(500);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).isEqualTo("internal server error; the server's log has the details");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /nothing", "GET /api/w/demo/nothing", "DELETE /api/version",
      "GET /api/w/demo/scripts/get/p/u/admin/none", "POST /api/w/demo/scripts/create"})
  void error_bodies_are_never_html(String route) throws Exception {
    String[] parts = route.split(" ");
    HttpTester.Response r = api.admin(parts[0], parts[1], "not json");

    assertThat(r.getStatus()).isBetween(400, 499);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).doesNotContain("<");
  }

  @Test
  void a_request_jetty_refuses_gets_a_text_body_too() throws Exception {
    HttpTester.Response r = api.raw("GET /api/version HTTP/1.1\r\nHost: x\r\nNo colon here\r\n"
        + "Connection: close\r\n\r\n");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).doesNotContain("<");
  }

  private static HttpTester.Response get(String token) throws Exception {
    return api.send("GET", "/api/w/demo/users/whoami", "", Map.of("Authorization",
        "Bearer " + token));
  }
}
