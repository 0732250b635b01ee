package io.pushmill.server.ui;

import io.pushmill.runner.Runner;
import io.pushmill.runner.cron.CronSchedule;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.api.auth.Principal;
import io.pushmill.server.ui.view.JobRow;
import io.pushmill.server.ui.view.PageInfo;
import io.pushmill.server.ui.view.ScheduleRow;
import io.pushmill.server.ui.view.ScheduleRowView;
import io.pushmill.server.ui.view.SchedulesView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schedules: {@code GET /schedules} lists them with the cron in words, the next run, the latest
 * runs as coloured dots, the skipped count and the last error; {@code POST
 * /schedules/enabled/p/<path>} with {@code enabled=true|false} switches one on or off (htmx gets
 * the row back, a plain form the list).
 */
final class SchedulesPage {
  static final int PER_PAGE = 50;
  static final int LAST_RUNS = 10;

  private final Runner runner;
  private final Templates templates;

  SchedulesPage(Runner runner, Templates templates) {
    this.runner = runner;
    this.templates = templates;
  }

  void register(UiRouter router) {
    router.get("/schedules", this::list).postUnder("/schedules/enabled/p/", this::toggle);
  }

  private UiResponse list(UiRequest r) {
    PageInfo page = r.page("Schedules", "schedules");
    int pageNo = r.page();
    List<Schedule> schedules = runner.schedules(r.workspace(),
        ListQuery.all().withPage(pageNo, PER_PAGE + 1));
    List<ScheduleRow> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(PER_PAGE, schedules.size()); i++) {
      rows.add(row(schedules.get(i), "s" + i, page, r.now()));
    }
    return UiResponse.html(templates.render("schedules.jte", new SchedulesView(page, rows,
        pageNo,
        pageNo > 1 ? Optional.of(page.link("/schedules?page=" + (pageNo - 1)))
            : Optional.empty(),
        schedules.size() > PER_PAGE ? Optional.of(page.link("/schedules?page=" + (pageNo + 1)))
            : Optional.empty())));
  }

  private UiResponse toggle(UiRequest r) {
    ScriptPath path = Paths.of(r);
    boolean enabled = switch (r.param("enabled", "")) {
      case "true" -> true;
      case "false" -> false;
      default -> throw UiException.badRequest("enabled must be true or false.");
    };
    Schedule s = runner.setScheduleEnabled(r.workspace(), path, enabled, Principal.ADMIN);
    PageInfo page = r.page("Schedules", "schedules");
    if (!r.htmx()) {
      return UiResponse.redirect(page.link("/schedules"));
    }
    ScheduleRow row = row(s, r.param("row", "s0").replaceAll("[^a-z0-9]", ""), page, r.now());
    return UiResponse.html(templates.render("scheduleRow.jte", new ScheduleRowView(page, row)));
  }

  private ScheduleRow row(Schedule s, String domId, PageInfo page, Instant now) {
    List<Job> jobs = runner.jobs(s.workspace(), JobQuery.all().withSchedulePath(s.path())
        .withPage(1, LAST_RUNS));
    List<JobRow> lastRuns = jobs.reversed().stream().map(j -> JobRow.of(j, page)).toList();
    return new ScheduleRow(domId, s.path().value(), s.scriptPath().value(),
        page.link(Paths.under("/scripts/p/", s.scriptPath())), s.cron(),
        CronDescriber.describe(s.cron()), s.timezone(), nextRun(s, now), s.enabled(),
        page.link(Paths.under("/schedules/enabled/p/", s.path())),
        page.link("/jobs?schedule=" + URLEncoder.encode(s.path().value(),
            StandardCharsets.UTF_8)),
        lastRuns, s.skippedCount(), s.lastError());
  }

  /** The queued occurrence's slot, else the cron's next slot; none while disabled. */
  private static Optional<Instant> nextRun(Schedule s, Instant now) {
    if (!s.enabled()) {
      return Optional.empty();
    }
    return s.nextRunAt().or(() -> {
      try {
        return CronSchedule.parse(s.cron(), s.timezone()).next(now);
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    });
  }
}
