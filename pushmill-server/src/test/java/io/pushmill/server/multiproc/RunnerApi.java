package io.pushmill.server.multiproc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Json;
import io.pushmill.server.cli.ApiClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The calls these tests make to a server's API (workspace {@code demo}), in Windmill's shapes. */
final class RunnerApi {
  private final ApiClient client;

  RunnerApi(URI api, String token) {
    this.client = new ApiClient(api, token, "demo");
  }

  /** Stores a script; answers its hash. */
  String createScript(String path, String language, String content, boolean idempotent) {
    ObjectNode body = Json.object().put("path", path).put("language", language)
        .put("content", content).put("summary", "").put("description", "");
    if (idempotent) {
      body.put("idempotent", true);
    }
    return client.post("scripts/create", body).strip();
  }

  void createSchedule(String path, String script, String cron) {
    client.post("schedules/create", Json.object().put("path", path).put("script_path", script)
        .put("schedule", cron).put("timezone", "Etc/UTC").put("enabled", true));
  }

  void setEnabled(String schedule, boolean enabled) {
    client.post("schedules/setenabled/" + schedule, Json.object().put("enabled", enabled));
  }

  /** Queues a run now; answers the job's id. */
  UUID run(String script) {
    return UUID.fromString(client.post("jobs/run/p/" + script, Json.object()).strip());
  }

  /** Queues a run that is due in {@code seconds}. */
  UUID runIn(String script, int seconds) {
    return UUID.fromString(client.post("jobs/run/p/" + script + "?scheduled_in_secs=" + seconds,
        Json.object()).strip());
  }

  /** Runs the script and waits for its result (Windmill's {@code run_wait_result}). */
  JsonNode runAndWait(String script) {
    return Json.parse(client.post("jobs/run_wait_result/p/" + script, Json.object()));
  }

  /** Every job of a schedule, newest first (Windmill's {@code jobs/list}). */
  List<JsonNode> jobsOfSchedule(String schedule) {
    JsonNode page = client.getJson("jobs/list?schedule_path=" + schedule + "&per_page=1000");
    List<JsonNode> jobs = new ArrayList<>();
    page.forEach(jobs::add);
    return jobs;
  }

  /** The job without its log ({@code success} is there once it finished). */
  JsonNode job(String jobId) {
    return client.getJson("jobs_u/get/" + jobId + "?no_logs=true");
  }

  String logs(String jobId) {
    return client.getText("jobs_u/get_logs/" + jobId);
  }
}
