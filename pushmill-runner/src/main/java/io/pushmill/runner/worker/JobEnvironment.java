package io.pushmill.runner.worker;

import io.pushmill.runner.JobTokenIssuer;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.ScriptPath;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole environment of a job's process, which starts empty: {@code PATH}, {@code HOME} and the
 * locale from the worker's own environment, the workspace's variables, then Windmill's contextual
 * {@code WM_*} variables (which win over a workspace variable of the same name, so a script can
 * trust {@code WM_JOB_PATH}). Values that do not apply are empty strings, as in Windmill.
 */
public final class JobEnvironment {
  private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

  private final Map<String, String> inherited;
  private final String baseUrl;
  private final String baseInternalUrl;
  private final String workerGroup;
  private final JobTokenIssuer tokens;
  private final Clock clock;

  public JobEnvironment(Map<String, String> workerEnvironment, String baseUrl,
      String baseInternalUrl, String workerGroup, JobTokenIssuer tokens, Clock clock) {
    this.inherited = inherited(workerEnvironment);
    this.baseUrl = baseUrl;
    this.baseInternalUrl = baseInternalUrl;
    this.workerGroup = workerGroup;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** The environment of {@code job}, given its workspace's variables. */
  public Map<String, String> build(Job job, Map<String, String> workspaceVariables) {
    Map<String, String> env = new TreeMap<>(inherited);
    env.putAll(workspaceVariables);
    env.putAll(contextual(job));
    return env;
  }

  private static Map<String, String> inherited(Map<String, String> workerEnvironment) {
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", workerEnvironment.getOrDefault("PATH", DEFAULT_PATH));
    workerEnvironment.forEach((name, value) -> {
      if (name.equals("HOME") || name.equals("LANG") || name.equals("LANGUAGE")
          || name.startsWith("LC_")) {
        env.put(name, value);
      }
    });
    return env;
  }

  private Map<String, String> contextual(Job job) {
    String schedule = job.schedulePath().map(ScriptPath::value).orElse("");
    String trigger = job.schedulePath().isPresent() ? job.createdBy() : "user";
    String objectPath = job.scriptPath().joined('_') + "/"
        + job.schedulePath().map(p -> p.joined('_')).orElse("manual") + "/"
        + clock.millis() + "_" + job.id();
    Map<String, String> env = new TreeMap<>();
    env.put("WM_WORKSPACE", job.workspace());
    env.put("WM_TOKEN", tokens.tokenFor(job));
    env.put("WM_EMAIL", job.email());
    env.put("WM_USERNAME", job.createdBy());
    env.put("WM_BASE_URL", baseUrl);
    env.put("BASE_INTERNAL_URL", baseInternalUrl);
    env.put("WM_JOB_ID", job.id().toString());
    env.put("WM_SCHEDULED_FOR", DateTimeFormatter.ISO_INSTANT.format(
        job.scheduledFor().truncatedTo(ChronoUnit.SECONDS)));
    env.put("WM_JOB_PATH", job.scriptPath().value());
    env.put("WM_FLOW_JOB_ID", "");
    env.put("WM_ROOT_FLOW_JOB_ID", "");
    env.put("WM_FLOW_PATH", "");
    env.put("WM_FLOW_STEP_ID", "");
    env.put("WM_SCHEDULE_PATH", schedule);
    env.put("WM_PERMISSIONED_AS", job.permissionedAs());
    env.put("WM_STATE_PATH", job.scriptPath().value() + "/" + trigger);
    env.put("WM_STATE_PATH_NEW", job.scriptPath().value() + "/" + trigger);
    env.put("WM_OBJECT_PATH", objectPath);
    env.put("WM_WORKER_GROUP", workerGroup);
    return env;
  }
}
