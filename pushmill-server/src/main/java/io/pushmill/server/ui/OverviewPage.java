package io.pushmill.server.ui;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.WorkerInfo;
import io.pushmill.server.ui.view.Format;
import io.pushmill.server.ui.view.JobRow;
import io.pushmill.server.ui.view.OverviewView;
import io.pushmill.server.ui.view.PageInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;

/** {@code GET /}: the whole system at a glance, with links to each part. */
final class OverviewPage {
  private static final int LATEST = 10;
  private static final int COUNT_LIMIT = JobQuery.MAX_PER_PAGE;

  private final Runner runner;
  private final Supplier<Optional<GatewayView>> gateway;
  private final Templates templates;

  OverviewPage(Runner runner, Supplier<Optional<GatewayView>> gateway, Templates templates) {
    this.runner = runner;
    this.gateway = gateway;
    this.templates = templates;
  }

  void register(UiRouter router) {
    router.get("/", this::show);
  }

  private UiResponse show(UiRequest r) {
    PageInfo page = r.page("Overview", "overview");
    String ws = r.workspace();
    List<Schedule> schedules = runner.schedules(ws, ListQuery.all().withPage(1, COUNT_LIMIT));
    List<JobRow> latest = runner.jobs(ws, JobQuery.all().withPage(1, LATEST)).stream()
        .map(j -> JobRow.of(j, page)).toList();
    int running = runner.jobs(ws, JobQuery.all().withStates(Set.of(JobState.RUNNING))
        .withPage(1, COUNT_LIMIT)).size();
    int alive = (int) runner.workers().stream().filter(WorkerInfo::alive).count();
    OverviewView view = new OverviewView(page, gateway.get().map(g -> summary(g, r.now())),
        runner.scripts(ws, ListQuery.all().withPage(1, COUNT_LIMIT)).size(), schedules.size(),
        (int) schedules.stream().filter(Schedule::enabled).count(), alive, running, latest);
    return UiResponse.html(templates.render("overview.jte", view));
  }

  private static OverviewView.Gateway summary(GatewayView g, Instant now) {
    List<GroupSnapshot> groups = g.groups();
    int failing = (int) groups.stream().filter(s -> !s.lastPushSuccessful()).count();
    Optional<Instant> last = groups.stream().flatMap(s -> s.lastPushTime().stream())
        .max(Instant::compareTo);
    return new OverviewView.Gateway(groups.size(), g.stats().series(), failing,
        last.map(t -> Format.age(t, now)));
  }
}
