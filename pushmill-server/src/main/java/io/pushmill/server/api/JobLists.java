package io.pushmill.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The job lists: {@code jobs/list} (queued, running and finished jobs, with the {@code type}
 * discriminator), {@code jobs/queue/list} (queued and running) and {@code jobs/completed/list}
 * (finished), all newest first and honouring {@link JobFilters}. {@code wmill sync push} asks the
 * last two for dependency jobs; Pushmill has none, so it gets empty lists and no false warnings.
 */
final class JobLists {
  private static final Comparator<Job> NEWEST_FIRST = Comparator.comparing(Job::createdAt)
      .reversed().thenComparing(j -> j.id().toString());

  private final Runner runner;

  JobLists(Runner runner) {
    this.runner = runner;
  }

  void register(Routes routes) {
    routes.get("/w/{ws}/jobs/list", r -> list(r, Optional.empty(), true))
        .get("/w/{ws}/jobs/queue/list", r -> list(r, Optional.of(false), false))
        .get("/w/{ws}/jobs/completed/list", r -> list(r, Optional.of(true), false));
  }

  /** @param finished only finished jobs (true), only unfinished ones (false), or all */
  private Reply list(ApiRequest r, Optional<Boolean> finished, boolean withType) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    Optional<JobQuery> query = JobFilters.from(r);
    if (query.isPresent()) {
      List<Job> jobs = finished.isEmpty() ? runner.jobs(r.workspace(), query.get())
          : union(r.workspace(), query.get(), finished.get());
      jobs.forEach(j -> array.add(JobJson.render(j, Optional.empty(), withType)));
    }
    return Reply.json(array);
  }

  /**
   * Finished jobs are the successful ones plus the others, unfinished ones the running plus the
   * queued: two queries whose first {@code page × per_page} rows, merged, hold the page asked for.
   */
  private List<Job> union(String ws, JobQuery q, boolean finished) {
    Optional<Boolean> given = finished ? q.success() : q.running();
    if (given.isPresent()) {
      return runner.jobs(ws, q);
    }
    int upTo = Math.min(q.page() * q.perPage(), JobQuery.MAX_PER_PAGE);
    JobQuery first = q.withPage(1, upTo);
    List<Job> all = new ArrayList<>(runner.jobs(ws, finished ? first.withSuccess(true)
        : first.withRunning(true)));
    all.addAll(runner.jobs(ws, finished ? first.withSuccess(false) : first.withRunning(false)));
    all.sort(NEWEST_FIRST);
    int from = Math.min((q.page() - 1) * q.perPage(), all.size());
    return all.subList(from, Math.min(from + q.perPage(), all.size()));
  }
}
