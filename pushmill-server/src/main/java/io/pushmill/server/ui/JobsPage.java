package io.pushmill.server.ui;

import io.pushmill.runner.JobTokenIssuer;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.LogSlice;
import io.pushmill.runner.model.WorkerInfo;
import io.pushmill.runner.worker.JobEnvironment;
import io.pushmill.server.api.auth.Principal;
import io.pushmill.server.ui.view.JobRow;
import io.pushmill.server.ui.view.JobView;
import io.pushmill.server.ui.view.JobsView;
import io.pushmill.server.ui.view.LogUpdateView;
import io.pushmill.server.ui.view.PageInfo;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Jobs: {@code GET /jobs} lists them newest first, filtered by status, script, schedule, worker
 * and duration, {@link #PER_PAGE} a page; {@code GET /jobs/<id>} shows one with its live log;
 * {@code GET /jobs/<id>/log?offset=N} is what that page polls (the log since N, the job's state,
 * and the next poll until the job has finished); {@code POST /jobs/<id>/cancel} cancels it.
 */
final class JobsPage {
  static final int PER_PAGE = 50;

  private final Runner runner;
  private final Templates templates;
  private final Clock clock;

  JobsPage(Runner runner, Templates templates, Clock clock) {
    this.runner = runner;
    this.templates = templates;
    this.clock = clock;
  }

  void register(UiRouter router) {
    router.get("/jobs", this::list).getUnder("/jobs/", this::job)
        .postUnder("/jobs/", this::cancel);
  }

  private UiResponse list(UiRequest r) {
    PageInfo page = r.page("Jobs", "jobs");
    JobsView.Filters filters = JobFilterForm.filters(r);
    JobQuery q = JobFilterForm.query(filters);
    int pageNo = r.page();
    List<Job> jobs = runner.jobs(r.workspace(), q.withPage(pageNo, PER_PAGE + 1));
    String base = "/jobs?" + JobFilterForm.queryString(filters, r.workspace()) + "page=";
    List<String> workers = runner.workers().stream().map(WorkerInfo::name).sorted().toList();
    JobsView view = new JobsView(page, filters, JobFilterForm.STATUSES, workers,
        jobs.stream().limit(PER_PAGE).map(j -> JobRow.of(j, page)).toList(), pageNo,
        pageNo > 1 ? Optional.of(base + (pageNo - 1)) : Optional.empty(),
        jobs.size() > PER_PAGE ? Optional.of(base + (pageNo + 1)) : Optional.empty());
    return UiResponse.html(templates.render("jobs.jte", view));
  }

  private UiResponse job(UiRequest r) {
    String[] parts = r.rest().split("/", -1);
    UUID id = id(parts[0]);
    if (parts.length == 1) {
      Job job = runner.job(r.workspace(), id);
      LogSlice log = runner.logs(r.workspace(), id, 0);
      return UiResponse.html(templates.render("job.jte", view(r, job, log)));
    }
    if (parts.length == 2 && parts[1].equals("log")) {
      long offset = Math.max(0, r.longParam("offset").orElse(0L));
      // The job is read first: if it had finished, the log read after it is complete.
      Job job = runner.job(r.workspace(), id);
      LogSlice log = runner.logs(r.workspace(), id, offset);
      return UiResponse.html(templates.render("jobLog.jte",
          new LogUpdateView(log.text(), view(r, job, log))));
    }
    throw UiException.notFound("There is no page at " + r.path() + ".");
  }

  private UiResponse cancel(UiRequest r) {
    String[] parts = r.rest().split("/", -1);
    if (parts.length != 2 || !parts[1].equals("cancel")) {
      throw UiException.notFound("There is no page at " + r.path() + ".");
    }
    UUID id = id(parts[0]);
    runner.cancelJob(r.workspace(), id, Principal.ADMIN, "canceled from the web UI");
    return UiResponse.after(r, r.page("", "").link("/jobs/" + id));
  }

  private JobView view(UiRequest r, Job job, LogSlice log) {
    PageInfo page = r.page("Job " + job.id().toString().substring(0, 8), "jobs");
    String logUrl = page.link("/jobs/" + job.id() + "/log?offset=" + log.nextOffset());
    return new JobView(page, JobRow.of(job, page),
        page.link(Paths.under("/scripts/p/", job.scriptPath())), job.scriptHash(),
        job.language().id(),
        job.schedulePath().map(p -> page.link("/jobs?schedule=" + java.net.URLEncoder.encode(
            p.value(), java.nio.charset.StandardCharsets.UTF_8))),
        job.scheduledFor(), job.endedAt(), job.attempt(),
        job.exitCode().isPresent() ? Optional.of(job.exitCode().getAsInt()) : Optional.empty(),
        job.createdBy(), pretty(job.args()), job.result().map(JobsPage::pretty), job.error(),
        job.canceledBy().map(by -> "by " + by + job.canceledReason().map(x -> ": " + x)
            .orElse("")),
        envNames(job), log.text(), logUrl, job.finished(),
        job.finished() ? Optional.empty()
            : Optional.of(page.link("/jobs/" + job.id() + "/cancel")));
  }

  /**
   * The names of the variables the job's process gets, from the runner's own builder with blank
   * values: the workspace's variables and the {@code WM_*} ones, plus {@code PATH}.
   */
  private List<String> envNames(Job job) {
    JobEnvironment env = new JobEnvironment(Map.of(), "", "", "", JobTokenIssuer.none(), clock);
    return List.copyOf(env.build(job, runner.variables(job.workspace())).keySet());
  }

  private static String pretty(com.fasterxml.jackson.databind.JsonNode node) {
    try {
      return io.pushmill.runner.model.Json.MAPPER.writerWithDefaultPrettyPrinter()
          .writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return node.toString();
    }
  }

  private static UUID id(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw UiException.notFound("'" + text + "' is not a job id.");
    }
  }
}
