package io.pushmill.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.LogSlice;
import io.pushmill.runner.model.ScriptPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Running scripts and reading jobs: {@code jobs/run/p|h/...}, {@code jobs/run_wait_result/p/...},
 * {@code jobs_u/get}, {@code jobs_u/getupdate} (log offsets), {@code jobs_u/get_logs},
 * {@code jobs_u/completed/get} (404 until finished), {@code get_result_maybe}, {@code get_result}
 * and {@code jobs_u/queue/cancel}. The lists are in {@link JobLists}.
 */
final class JobEndpoints {
  private final Runner runner;
  private final Clock clock;
  private final Duration waitResultTimeout;

  JobEndpoints(Runner runner, Clock clock, Duration waitResultTimeout) {
    this.runner = runner;
    this.clock = clock;
    this.waitResultTimeout = waitResultTimeout;
  }

  void register(Routes routes) {
    routes.post("/w/{ws}/jobs/run/p/{path*}", r -> Reply.created(runByPath(r).toString()))
        .post("/w/{ws}/jobs/run/h/{hash}", r -> Reply.created(runner.runScriptByHash(
            r.workspace(), r.param("hash"), r.jsonBody(), r.principal().actor()).toString()))
        .post("/w/{ws}/jobs/run_wait_result/p/{path*}", this::runWaitResult)
        .get("/w/{ws}/jobs_u/get/{id}", this::get)
        .get("/w/{ws}/jobs_u/getupdate/{id}", this::update)
        .get("/w/{ws}/jobs_u/get_logs/{id}", r -> Reply.text(
            runner.logs(r.workspace(), r.jobId(), 0).text()))
        .get("/w/{ws}/jobs_u/completed/get/{id}", this::completed)
        .get("/w/{ws}/jobs_u/completed/get_result_maybe/{id}", this::resultMaybe)
        .get("/w/{ws}/jobs_u/completed/get_result/{id}", this::result)
        .post("/w/{ws}/jobs_u/queue/cancel/{id}", this::cancel);
  }

  /** Runs now, or at {@code scheduled_for} / in {@code scheduled_in_secs}. */
  private UUID runByPath(ApiRequest r) {
    ScriptPath path = r.path();
    JsonNode args = r.jsonBody();
    Optional<Instant> at = r.instantQuery("scheduled_for")
        .or(() -> r.intQuery("scheduled_in_secs").map(s -> clock.instant().plusSeconds(s)));
    return at.map(t -> runner.runScript(r.workspace(), path, args, r.principal().actor(), t))
        .orElseGet(() -> runner.runScript(r.workspace(), path, args, r.principal().actor()));
  }

  /** The result (200), the error object of a failed run (500), or 500 when it takes too long. */
  private Reply runWaitResult(ApiRequest r) {
    UUID id = runByPath(r);
    Job job = runner.awaitJob(r.workspace(), id, waitResultTimeout);
    if (!job.finished()) {
      throw new ApiException(500, "job " + id + " did not finish within "
          + waitResultTimeout.toSeconds() + " s; it goes on: follow it with jobs_u/get/" + id);
    }
    JsonNode result = job.result().orElse(NullNode.getInstance());
    return new Reply.Json(job.success() ? 200 : 500, result);
  }

  private Reply get(ApiRequest r) {
    Job job = runner.job(r.workspace(), r.jobId());
    boolean noLogs = r.booleanQuery("no_logs").orElse(false);
    return Reply.json(JobJson.render(job, noLogs ? Optional.empty() : Optional.of(logs(job)),
        true));
  }

  /** What {@code wmill script run} polls: the log since {@code log_offset}, and whether it ended. */
  private Reply update(ApiRequest r) {
    Job job = runner.job(r.workspace(), r.jobId());
    ObjectNode o = Json.object();
    o.put("running", job.running());
    o.put("completed", job.finished());
    long offset = r.intQuery("log_offset").orElse(0);
    if (offset < 0) {
      throw ApiException.badRequest("log_offset must not be negative, got " + offset);
    }
    if (!r.booleanQuery("no_logs").orElse(false)) {
      // The job was read first: if it had finished, this log is complete.
      LogSlice slice = runner.logs(job.workspace(), job.id(), offset);
      o.put("new_logs", slice.text());
      o.put("log_offset", slice.nextOffset());
    }
    return Reply.json(o);
  }

  private Reply completed(ApiRequest r) {
    Job job = finished(r);
    return Reply.json(JobJson.render(job, Optional.of(logs(job)), false));
  }

  private Reply resultMaybe(ApiRequest r) {
    Job job = runner.job(r.workspace(), r.jobId());
    ObjectNode o = Json.object();
    o.put("completed", job.finished());
    o.set("result", job.finished() ? job.result().orElse(NullNode.getInstance())
        : NullNode.getInstance());
    if (job.finished()) {
      o.put("success", job.success());
    }
    if (r.booleanQuery("get_started").orElse(false)) {
      o.put("started", job.startedAt().isPresent());
    }
    return Reply.json(o);
  }

  private Reply result(ApiRequest r) {
    return Reply.json(finished(r).result().orElse(NullNode.getInstance()));
  }

  private Reply cancel(ApiRequest r) {
    JsonNode body = r.jsonBody();
    String reason = body.path("reason").isTextual() ? body.path("reason").asText() : "";
    Job job = runner.cancelJob(r.workspace(), r.jobId(), r.principal().actor(), reason);
    return Reply.text("job " + job.id() + " canceled");
  }

  /** The job if it has finished; 404 while it is queued or running, as Windmill answers. */
  private Job finished(ApiRequest r) {
    Job job = runner.job(r.workspace(), r.jobId());
    if (!job.finished()) {
      throw ApiException.notFound("job " + job.id() + " has not finished yet ("
          + job.state().id() + ")");
    }
    return job;
  }

  private String logs(Job job) {
    return runner.logs(job.workspace(), job.id(), 0).text();
  }
}
