package io.pushmill.server.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.api.auth.Principal;
import io.pushmill.server.ui.view.ArgField;
import io.pushmill.server.ui.view.JobRow;
import io.pushmill.server.ui.view.PageInfo;
import io.pushmill.server.ui.view.ScriptView;
import io.pushmill.server.ui.view.ScriptsView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scripts: {@code GET /scripts} lists them; {@code GET /scripts/p/<path>} shows one (its code, an
 * arguments form built from its schema, its latest jobs); {@code POST /scripts/run/p/<path>} runs
 * it with the form's arguments as the admin and goes to the new job's page.
 */
final class ScriptsPage {
  static final int PER_PAGE = 50;
  private static final int LATEST_JOBS = 10;

  private final Runner runner;
  private final Templates templates;

  ScriptsPage(Runner runner, Templates templates) {
    this.runner = runner;
    this.templates = templates;
  }

  void register(UiRouter router) {
    router.get("/scripts", this::list)
        .getUnder("/scripts/p/", this::show)
        .postUnder("/scripts/run/p/", this::run);
  }

  private UiResponse list(UiRequest r) {
    PageInfo page = r.page("Scripts", "scripts");
    int pageNo = r.page();
    List<Script> scripts = runner.scripts(r.workspace(),
        ListQuery.all().withPage(pageNo, PER_PAGE + 1));
    List<ScriptsView.Row> rows = scripts.stream().limit(PER_PAGE)
        .map(s -> new ScriptsView.Row(s.path().value(),
            page.link(Paths.under("/scripts/p/", s.path())), s.language().id(), s.summary(),
            s.version(), s.createdAt(), s.archived()))
        .toList();
    return UiResponse.html(templates.render("scripts.jte", new ScriptsView(page, rows, pageNo,
        pageNo > 1 ? Optional.of(page.link("/scripts?page=" + (pageNo - 1))) : Optional.empty(),
        scripts.size() > PER_PAGE ? Optional.of(page.link("/scripts?page=" + (pageNo + 1)))
            : Optional.empty())));
  }

  private UiResponse show(UiRequest r) {
    Script s = runner.script(r.workspace(), Paths.of(r));
    return UiResponse.html(render(r, s, ArgsForm.fields(s.schema()), Optional.empty()));
  }

  private UiResponse run(UiRequest r) {
    ScriptPath path = Paths.of(r);
    Script s = runner.script(r.workspace(), path);
    ArgsForm.Result form = ArgsForm.read(ArgsForm.fields(s.schema()), r.form());
    if (form.args().isEmpty()) {
      return UiResponse.html(400, render(r, s, form.fields(),
          Optional.of("Some arguments are not valid; see below.")));
    }
    ObjectNode args = form.args().get();
    UUID id = runner.runScript(r.workspace(), path, args, Principal.ADMIN);
    return UiResponse.after(r, r.page("", "").link("/jobs/" + id));
  }

  private String render(UiRequest r, Script s, List<ArgField> fields, Optional<String> error) {
    PageInfo page = r.page("Script " + s.path().value(), "scripts");
    List<JobRow> jobs = runner.jobs(r.workspace(), JobQuery.all().withScriptPath(s.path())
        .withPage(1, LATEST_JOBS)).stream().map(j -> JobRow.of(j, page)).toList();
    return templates.render("script.jte", new ScriptView(page, s.path().value(),
        s.language().id(), s.summary(), s.description(), s.version(), s.hash(), s.createdAt(),
        s.archived(), s.content(), fields, page.link(Paths.under("/scripts/run/p/", s.path())),
        error, jobs));
  }
}
