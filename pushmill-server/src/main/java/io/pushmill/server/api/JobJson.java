package io.pushmill.server.api;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ScriptPath;
import java.util.Optional;

/**
 * Jobs in Windmill's JSON: a {@code QueuedJob} while queued or running, a {@code CompletedJob}
 * once finished (result, success, duration, logs). {@code type} is the discriminator of
 * {@code jobs/list} and {@code jobs_u/get}; {@code jobs_u/completed/get} answers without it.
 */
final class JobJson {
  static final String QUEUED = "QueuedJob";
  static final String COMPLETED = "CompletedJob";

  private JobJson() {}

  /**
   * @param logs the job's log, when the answer carries it
   * @param withType whether to add the {@code type} discriminator
   */
  static ObjectNode render(Job job, Optional<String> logs, boolean withType) {
    ObjectNode o = Json.object();
    o.put("id", job.id().toString());
    o.put("workspace_id", job.workspace());
    o.put("created_by", job.createdBy());
    o.put("created_at", job.createdAt().toString());
    job.startedAt().ifPresent(t -> o.put("started_at", t.toString()));
    o.put("scheduled_for", job.scheduledFor().toString());
    o.put("script_path", job.scriptPath().value());
    o.put("script_hash", job.scriptHash());
    o.set("args", job.args());
    o.put("job_kind", job.kind().id());
    job.schedulePath().map(ScriptPath::value).ifPresent(p -> o.put("schedule_path", p));
    o.put("permissioned_as", job.permissionedAs());
    o.put("is_flow_step", false);
    o.put("language", job.language().id());
    o.put("email", job.email());
    o.put("visible_to_owner", true);
    o.put("tag", job.language().id());
    o.put("canceled", job.state() == JobState.CANCELED || job.cancelRequested());
    job.canceledBy().ifPresent(v -> o.put("canceled_by", v));
    job.canceledReason().ifPresent(v -> o.put("canceled_reason", v));
    job.worker().ifPresent(w -> o.put("worker", w));
    o.put("state", job.state().id());
    if (job.finished()) {
      completed(job, o);
    } else {
      o.put("running", job.running());
    }
    logs.ifPresent(l -> o.put("logs", l));
    if (withType) {
      o.put("type", job.finished() ? COMPLETED : QUEUED);
    }
    return o;
  }

  private static void completed(Job job, ObjectNode o) {
    job.endedAt().ifPresent(t -> o.put("completed_at", t.toString()));
    o.put("duration_ms", job.durationMs().orElse(0));
    o.put("success", job.success());
    o.set("result", job.result().orElse(NullNode.getInstance()));
    o.put("is_skipped", job.state() == JobState.SKIPPED);
    job.exitCode().ifPresent(c -> o.put("exit_code", c));
  }
}
