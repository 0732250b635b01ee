package io.pushmill.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Json;
import io.pushmill.server.testing.ApiFixture;
import io.pushmill.server.testing.ScriptedRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running scripts and reading jobs through the API, with real workers on scripted runtimes. */
class JobRoutesTest {
  static final String JOBS = "/api/w/demo/jobs_u/";
  @TempDir static Path dir;
  static ApiFixture api;
  static ScriptedRuntime bash;

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.start(dir);
    bash = api.runtime(Language.BASH);
    api.push("u/admin/echo", "python3", "# param n integer\n# param word string \"hi\"\n");
    api.push("u/admin/held", "bash", "# log first line\n# hold\n# log second line\n");
    api.push("u/admin/failing", "python3", "# log about to fail\n# fail division by zero\n");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void run_answers_201_with_the_job_id_as_text_and_the_job_completes() throws Exception {
    HttpTester.Response r = api.admin("POST", "/api/w/demo/jobs/run/p/u/admin/echo",
        "{\"n\": 3}");

    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).matches("[0-9a-f-]{36}");
    JsonNode done = api.awaitCompleted(r.getContent());
    assertThat(done.get("success").asBoolean()).isTrue();
    assertThat(done.get("result").toString()).isEqualTo("{\"args\":{\"n\":3,\"word\":\"hi\"}}");
    assertThat(done.get("script_path").asText()).isEqualTo("u/admin/echo");
    assertThat(done.get("job_kind").asText()).isEqualTo("script");
    assertThat(done.has("type")).isFalse();
    assertThat(done.get("duration_ms").isNumber()).isTrue();
  }

  @Test
  void a_version_runs_by_its_hash() throws Exception {
    String first = api.push("u/admin/versioned", "python3", "# result \"one\"\n");
    api.push("u/admin/versioned", "python3", "# result \"two\"\n");

    HttpTester.Response r = api.admin("POST", "/api/w/demo/jobs/run/h/" + first, "{}");

    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(api.awaitCompleted(r.getContent()).get("result").asText()).isEqualTo("one");
    assertThat(api.admin("POST", "/api/w/demo/jobs/run/h/ffffffffffffffff", "{}").getStatus())
        .isEqualTo(404);
  }

  @Test
  void running_an_unknown_script_is_404_text() throws Exception {
    HttpTester.Response r = api.admin("POST", "/api/w/demo/jobs/run/p/u/admin/unknown", "{}");

    assertThat(r.getStatus()).isEqualTo(404);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).isEqualTo("script u/admin/unknown not found in workspace demo");
  }

  @Test
  void args_that_do_not_fit_are_400_naming_the_arg_and_queue_nothing() throws Exception {
    api.push("u/admin/strict", "python3", "# param n integer\n");
    HttpTester.Response r = api.admin("POST", "/api/w/demo/jobs/run/p/u/admin/strict",
        "{\"n\": \"three\"}");
    HttpTester.Response missing = api.admin("POST", "/api/w/demo/jobs/run/p/u/admin/strict", "");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).isEqualTo(
        "argument 'n' of script u/admin/strict must be an integer, got string \"three\"");
    assertThat(missing.getStatus()).isEqualTo(400);
    assertThat(missing.getContent()).startsWith("missing required argument 'n'");
    assertThat(api.json("/api/w/demo/jobs/list?script_path_exact=u/admin/strict")).isEmpty();
  }

  @Test
  void a_running_job_is_404_on_completed_get_and_streams_its_log_by_offsets() throws Exception {
    String id = api.run("u/admin/held", "{}");
    await().until(() -> api.json(JOBS + "get/" + id).get("running").asBoolean());

    HttpTester.Response notYet = api.admin("GET", JOBS + "completed/get/" + id);
    JsonNode first = await().until(() -> api.json(JOBS + "getupdate/" + id
        + "?running=false&log_offset=0"), u -> !u.get("new_logs").asText().isEmpty());
    JsonNode queued = api.json(JOBS + "get/" + id);
    bash.release();
    JsonNode done = api.awaitCompleted(id);
    JsonNode rest = api.json(JOBS + "getupdate/" + id + "?running=true&log_offset="
        + first.get("log_offset").asLong());

    assertThat(notYet.getStatus()).isEqualTo(404);
    assertThat(notYet.getContent()).isEqualTo("job " + id + " has not finished yet (running)");
    assertThat(first.get("new_logs").asText()).isEqualTo("first line\n");
    assertThat(first.get("log_offset").asLong()).isEqualTo(11);
    assertThat(first.get("completed").asBoolean()).isFalse();
    assertThat(queued.get("type").asText()).isEqualTo("QueuedJob");
    assertThat(queued.get("running").asBoolean()).isTrue();
    assertThat(rest.get("new_logs").asText()).isEqualTo("second line\n");
    assertThat(rest.get("log_offset").asLong()).isEqualTo(23);
    assertThat(rest.get("completed").asBoolean()).isTrue();
    assertThat(done.get("logs").asText()).isEqualTo("first line\nsecond line\n");
    assertThat(api.json(JOBS + "get/" + id).get("type").asText()).isEqualTo("CompletedJob");
  }

  @Test
  void results_are_maybe_until_the_job_ends() throws Exception {
    String id = api.run("u/admin/held", "{}");
    await().until(() -> api.json(JOBS + "get/" + id).get("running").asBoolean());

    JsonNode maybe = api.json(JOBS + "completed/get_result_maybe/" + id + "?get_started=true");
    HttpTester.Response result = api.admin("GET", JOBS + "completed/get_result/" + id);
    bash.release();
    api.awaitCompleted(id);

    assertThat(maybe.toString()).isEqualTo(
        "{\"completed\":false,\"result\":null,\"started\":true}");
    assertThat(result.getStatus()).isEqualTo(404);
    assertThat(api.json(JOBS + "completed/get_result_maybe/" + id).toString())
        .isEqualTo("{\"completed\":true,\"result\":{\"args\":{}},\"success\":true}");
    assertThat(api.json(JOBS + "completed/get_result/" + id).toString())
        .isEqualTo("{\"args\":{}}");
  }

  @Test
  void a_failed_job_has_success_false_and_windmills_error_object() throws Exception {
    String id = api.run("u/admin/failing", "{}");

    JsonNode done = api.awaitCompleted(id);
    HttpTester.Response logs = api.admin("GET", JOBS + "get_logs/" + id);

    assertThat(done.get("success").asBoolean()).isFalse();
    assertThat(done.at("/result/error/message").asText()).isEqualTo("division by zero");
    assertThat(logs.get("Content-Type")).startsWith("text/plain");
    assertThat(logs.getContent()).startsWith("about to fail\n");
  }

  @Test
  void cancel_ends_a_running_job_as_canceled() throws Exception {
    String id = api.run("u/admin/held", "{}");
    await().until(() -> api.json(JOBS + "get/" + id).get("running").asBoolean());

    HttpTester.Response r = api.admin("POST", JOBS + "queue/cancel/" + id,
        "{\"reason\":\"enough\"}");
    JsonNode done = api.awaitCompleted(id);

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(done.get("canceled").asBoolean()).isTrue();
    assertThat(done.get("success").asBoolean()).isFalse();
    assertThat(done.get("canceled_reason").asText()).isEqualTo("enough");
  }

  @Test
  void run_wait_result_answers_the_result_or_the_error_with_500() throws Exception {
    HttpTester.Response ok = api.admin("POST", "/api/w/demo/jobs/run_wait_result/p/u/admin/echo",
        "{\"n\": 1}");
    HttpTester.Response failed = api.admin("POST",
        "/api/w/demo/jobs/run_wait_result/p/u/admin/failing", "{}");

    assertThat(ok.getStatus()).isEqualTo(200);
    assertThat(ok.get("Content-Type")).isEqualTo("application/json");
    assertThat(ok.getContent()).isEqualTo("{\"args\":{\"n\":1,\"word\":\"hi\"}}");
    assertThat(failed.getStatus()).isEqualTo(500);
    assertThat(Json.parse(failed.getContent()).at("/error/message").asText())
        .isEqualTo("division by zero");
  }

  @Test
  void an_unknown_job_is_404_and_a_malformed_id_400() throws Exception {
    HttpTester.Response unknown = api.admin("GET",
        JOBS + "get/00000000-0000-0000-0000-000000000001");
    HttpTester.Response malformed = api.admin("GET", JOBS + "get/nope");

    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContent()).isEqualTo(
        "job 00000000-0000-0000-0000-000000000001 not found in workspace demo");
    assertThat(malformed.getStatus()).isEqualTo(400);
    assertThat(malformed.getContent()).isEqualTo("invalid job id 'nope': not a UUID");
  }

  @Test
  void the_job_list_honours_windmills_filters() throws Exception {
    api.push("u/admin/listed", "python3", "# param n integer 0\n");
    api.push("u/admin/listed_fail", "python3", "# fail no\n");
    String before = java.time.Instant.now().minusSeconds(1).toString();
    List<String> ok = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ok.add(api.run("u/admin/listed", "{\"n\":" + i + "}"));
    }
    String bad = api.run("u/admin/listed_fail", "{}");
    ok.forEach(api::awaitCompleted);
    api.awaitCompleted(bad);

    assertThat(ids("jobs/list?script_path_exact=u/admin/listed"))
        .containsExactlyInAnyOrderElementsOf(ok);
    assertThat(ids("jobs/list?script_path_exact=u/admin/listed&per_page=2&page=2")).hasSize(1);
    String after = java.time.Instant.now().toString();
    assertThat(ids("jobs/list?success=false&script_path_exact=u/admin/listed_fail&created_after="
        + before)).containsExactly(bad);
    assertThat(ids("jobs/list?script_path_exact=u/admin/listed&created_after=" + after))
        .isEmpty();
    assertThat(ids("jobs/list?job_kinds=script,flow,singlestepflow&has_null_parent=true"
        + "&script_path_exact=u/admin/listed_fail")).containsExactly(bad);
    assertThat(ids("jobs/list?job_kinds=dependencies")).isEmpty();
    assertThat(ids("jobs/list?running=true&script_path_exact=u/admin/listed")).isEmpty();
    assertThat(ids("jobs/list?created_after=2999-01-01T00:00:00Z")).isEmpty();
    JsonNode first = api.json("/api/w/demo/jobs/list?script_path_exact=u/admin/listed_fail")
        .get(0);
    assertThat(first.get("type").asText()).isEqualTo("CompletedJob");
    assertThat(first.has("logs")).isFalse();
  }

  @Test
  void queue_and_completed_lists_honour_kinds_success_and_creation_time() throws Exception {
    api.push("u/admin/ql", "bash", "# hold\n");
    String held = api.run("u/admin/ql", "{}");
    await().until(() -> api.json(JOBS + "get/" + held).get("running").asBoolean());
    String since = java.time.Instant.now().minusSeconds(60).toString();

    List<String> queue = ids("jobs/queue/list?script_path_exact=u/admin/ql");
    List<String> deps = ids("jobs/queue/list?job_kinds=dependencies&created_after=" + since);
    bash.release();
    api.awaitCompleted(held);

    assertThat(queue).containsExactly(held);
    assertThat(deps).isEmpty();
    assertThat(ids("jobs/queue/list?script_path_exact=u/admin/ql")).isEmpty();
    assertThat(ids("jobs/completed/list?script_path_exact=u/admin/ql")).containsExactly(held);
    assertThat(ids("jobs/completed/list?script_path_exact=u/admin/ql&success=false")).isEmpty();
    assertThat(ids("jobs/completed/list?job_kinds=dependencies&created_after=" + since
        + "&success=false")).isEmpty();
  }

  @Test
  void bad_filters_are_400_naming_the_parameter_and_value() throws Exception {
    assertThat(api.admin("GET", "/api/w/demo/jobs/list?running=maybe").getContent())
        .isEqualTo("query parameter running must be true or false, got 'maybe'");
    assertThat(api.admin("GET", "/api/w/demo/jobs/list?created_after=yesterday").getContent())
        .isEqualTo("created_after must be an ISO-8601 timestamp such as 2026-11-25T10:00:00Z,"
            + " got 'yesterday'");
    assertThat(api.admin("GET", "/api/w/demo/jobs/list?per_page=x").getStatus()).isEqualTo(400);
    assertThat(api.admin("GET", "/api/w/demo/jobs/list?script_path_exact=a/b").getStatus())
        .isEqualTo(400);
  }

  @Test
  void a_run_can_be_scheduled_for_later() throws Exception {
    String at = java.time.Instant.now().plus(Duration.ofDays(1))
        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    HttpTester.Response r = api.admin("POST", "/api/w/demo/jobs/run/p/u/admin/echo?scheduled_for="
        + at, "{\"n\":1}");

    JsonNode job = api.json(JOBS + "get/" + r.getContent());
    assertThat(job.get("scheduled_for").asText()).isEqualTo(at);
    assertThat(job.get("running").asBoolean()).isFalse();
    api.admin("POST", JOBS + "queue/cancel/" + r.getContent(), "{}");
  }

  private static List<String> ids(String list) throws Exception {
    List<String> ids = new ArrayList<>();
    api.json("/api/w/demo/" + list).forEach(j -> ids.add(j.get("id").asText()));
    return ids;
  }
}
