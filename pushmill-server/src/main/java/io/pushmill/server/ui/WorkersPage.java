package io.pushmill.server.ui;

import io.pushmill.runner.Runner;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.WorkerInfo;
import io.pushmill.server.ui.view.JobRow;
import io.pushmill.server.ui.view.PageInfo;
import io.pushmill.server.ui.view.WorkersView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /workers}: every worker process with its heartbeat (alive when it pinged within three
 * heartbeat intervals) and the jobs it runs now, from one query of running jobs per workspace.
 */
final class WorkersPage {
  private final Runner runner;
  private final Templates templates;

  WorkersPage(Runner runner, Templates templates) {
    this.runner = runner;
    this.templates = templates;
  }

  void register(UiRouter router) {
    router.get("/workers", this::list);
  }

  private UiResponse list(UiRequest r) {
    PageInfo page = r.page("Workers", "workers");
    List<Job> running = new ArrayList<>();
    for (String ws : runner.workspaces()) {
      running.addAll(runner.jobs(ws, JobQuery.all().withStates(Set.of(JobState.RUNNING))
          .withPage(1, JobQuery.MAX_PER_PAGE)));
    }
    Map<String, List<Job>> byWorker = running.stream().filter(j -> j.worker().isPresent())
        .collect(Collectors.groupingBy(j -> j.worker().get()));
    List<WorkersView.Row> rows = runner.workers().stream()
        .sorted(Comparator.comparing(WorkerInfo::name))
        .map(w -> new WorkersView.Row(w.name(), w.group(), w.instance(), w.slots(),
            w.startedAt(), w.pingAt(), w.alive(), w.jobsExecuted(),
            byWorker.getOrDefault(w.name(), List.of()).stream()
                .map(j -> JobRow.of(j, page.withWorkspace(j.workspace()))).toList()))
        .toList();
    return UiResponse.html(templates.render("workers.jte", new WorkersView(page, rows)));
  }
}
