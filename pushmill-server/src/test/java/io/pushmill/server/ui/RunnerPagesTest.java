package io.pushmill.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.api.auth.Principal;
import io.pushmill.server.testing.ApiFixture;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerPagesTest {
  static final String SCRIPT = "u/admin/counter";
  static final String CODE = """
      # param n integer 3
      # param label string
      # param loud boolean false
      # log counting <b>bold</b>
      """;

  @TempDir Path dir;
  UiFixture ui;
  ApiFixture api;
  UiClient client;

  @BeforeEach
  void start() throws Exception {
    ui = UiFixture.start(dir);
    api = ui.api;
    api.push(SCRIPT, "bash", CODE);
    client = ui.client().login();
  }

  @AfterEach
  void stop() throws Exception {
    ui.close();
  }

  @Test
  void the_script_page_shows_the_code_escaped_and_a_form_built_from_the_schema()
      throws Exception {
    assertThat(client.get("/scripts").getContent())
        .contains("<a href=\"/scripts/p/u/admin/counter\">");
    String page = client.get("/scripts/p/" + SCRIPT).getContent();
    assertThat(page).contains("# log counting &lt;b&gt;bold&lt;/b&gt;")
        .contains("<input id=\"arg-n\" name=\"arg.n\" type=\"number\" value=\"3\"")
        .contains("step=\"1\"")
        .contains("<input id=\"arg-label\" name=\"arg.label\" type=\"text\" value=\"\" required")
        .contains("<input type=\"checkbox\" id=\"arg-loud\" name=\"arg.loud\" value=\"true\"")
        .contains("action=\"/scripts/run/p/u/admin/counter\"");
  }

  @Test
  void run_now_queues_a_job_with_typed_arguments_and_goes_to_its_page() throws Exception {
    HttpTester.Response r = client.post("/scripts/run/p/" + SCRIPT, "arg.n", "7", "arg.label",
        "x", "arg.loud", "true");
    assertThat(r.getStatus()).isEqualTo(303);
    String id = r.get("Location").substring("/jobs/".length());
    JsonNode done = api.awaitCompleted(id);
    assertThat(done.path("result").path("args").toString())
        .isEqualTo("{\"n\":7,\"label\":\"x\",\"loud\":true}");
    String page = client.get("/jobs/" + id).getContent();
    assertThat(page).contains("state-success").contains("counting &lt;b&gt;bold&lt;/b&gt;")
        .contains("<li><code>WM_TOKEN</code></li>").contains("<li><code>WM_JOB_ID</code></li>")
        .doesNotContain("pmjob.");
  }

  @Test
  void arguments_that_do_not_fit_the_schema_come_back_with_reasons_and_run_nothing()
      throws Exception {
    HttpTester.Response r = client.post("/scripts/run/p/" + SCRIPT, "arg.n", "seven");
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).contains("<p class=\"error\">'seven' is not a whole number.</p>")
        .contains("label is required.").contains("value=\"seven\"");
    assertThat(api.runner().jobs("demo", JobQuery.all())).isEmpty();
  }

  @Test
  void the_log_poll_gives_the_new_text_as_a_chunk_and_stops_once_the_job_has_finished()
      throws Exception {
    String id = api.run(SCRIPT, "{\"label\":\"y\"}");
    api.awaitCompleted(id);
    String all = client.send("GET", "/jobs/" + id + "/log?offset=0", "",
        Map.of("HX-Request", "true")).getContent();
    assertThat(all).startsWith("<div id=\"log-poller\" hx-swap-oob=\"true\"></div>")
        .contains("<section id=\"job-status\" class=\"job-status\" aria-labelledby=\"status-h\""
            + " hx-swap-oob=\"true\">")
        .contains("<span class=\"log-chunk\">counting &lt;b&gt;bold&lt;/b&gt;\n</span>");
    String rest = client.send("GET", "/jobs/" + id + "/log?offset=9", "",
        Map.of("HX-Request", "true")).getContent();
    assertThat(rest).contains("<span class=\"log-chunk\">&lt;b&gt;bold&lt;/b&gt;\n</span>");
    String none = client.send("GET", "/jobs/" + id + "/log?offset=100", "",
        Map.of("HX-Request", "true")).getContent();
    assertThat(none).doesNotContain("log-chunk");
  }

  @Test
  void the_jobs_list_filters_by_status_script_worker_and_duration() throws Exception {
    api.push("u/admin/broken", "bash", "# fail nope");
    String ok = api.run(SCRIPT, "{\"label\":\"a\"}");
    String failed = api.run("u/admin/broken", "{}");
    api.awaitCompleted(ok);
    api.awaitCompleted(failed);
    assertThat(client.get("/jobs").getContent()).contains(ok.substring(0, 8))
        .contains(failed.substring(0, 8));
    assertThat(client.get("/jobs?status=failure").getContent())
        .contains(failed.substring(0, 8)).doesNotContain(ok.substring(0, 8));
    assertThat(client.get("/jobs?script=u%2Fadmin%2Fcounter&worker=api-test").getContent())
        .contains(ok.substring(0, 8)).doesNotContain(failed.substring(0, 8));
    assertThat(client.get("/jobs?worker=elsewhere").getContent()).contains("No jobs.");
    assertThat(client.get("/jobs?min=3600").getContent()).contains("No jobs.");
    assertThat(client.get("/jobs?max=3600").getContent()).contains(ok.substring(0, 8));
    HttpTester.Response bad = client.get("/jobs?status=done");
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContent()).contains("status must be one of");
  }

  @Test
  void a_schedule_shows_its_cron_in_words_and_toggles_with_htmx() throws Exception {
    api.push("u/admin/plain", "bash", "# log hi");
    api.runner().createSchedule("demo", NewSchedule.of(ScriptPath.of("u/admin/every_5s"),
        ScriptPath.of("u/admin/plain"), "*/5 * * * * *", "Etc/UTC"), Principal.ADMIN);
    String page = client.get("/schedules").getContent();
    assertThat(page).contains("every 5 seconds").contains("<code class=\"muted\" title=\"Cron"
        + " expression\">*/5 * * * * *</code>").contains(">Disable</button>");
    HttpTester.Response r = client.send("POST", "/schedules/enabled/p/u/admin/every_5s",
        UiClient.form("enabled", "false", "row", "s0"),
        Map.of("HX-Request", "true", "X-CSRF-Token", client.csrf(), "Origin", "http://pushmill"));
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContent()).startsWith("<tr id=\"s0\" class=\"disabled\">")
        .contains(">Enable</button>");
    assertThat(api.runner().schedule("demo", ScriptPath.of("u/admin/every_5s")).enabled())
        .isFalse();
  }

  @Test
  void the_workers_page_shows_the_heartbeat_and_the_overview_counts() throws Exception {
    assertThat(client.get("/workers").getContent()).contains("api-test")
        .contains("state-alive").contains("idle");
    assertThat(client.get("/").getContent()).contains(">1 script</a>")
        .contains(">1 worker alive</a>").contains(">0 jobs running</a>");
  }

  @Test
  void an_unknown_job_or_script_is_a_404_page() throws Exception {
    assertThat(client.get("/jobs/00000000-0000-0000-0000-000000000001").getStatus())
        .isEqualTo(404);
    assertThat(client.get("/jobs/nope").getStatus()).isEqualTo(404);
    HttpTester.Response r = client.get("/scripts/p/u/admin/missing");
    assertThat(r.getStatus()).isEqualTo(404);
    assertThat(r.getContent()).contains("not found");
  }
}
