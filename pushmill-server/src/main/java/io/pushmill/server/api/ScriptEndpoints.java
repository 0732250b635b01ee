package io.pushmill.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.Script;

/**
 * {@code scripts/create} (201 with the hash; an unchanged push returns the head's hash and stores
 * nothing), {@code scripts/get/p/...}, {@code scripts/list} and {@code scripts/archive/p/...}.
 */
final class ScriptEndpoints {
  private final Runner runner;
  private final ScriptSchemas schemas;

  ScriptEndpoints(Runner runner, ScriptSchemas schemas) {
    this.runner = runner;
    this.schemas = schemas;
  }

  void register(Routes routes) {
    routes.post("/w/{ws}/scripts/create", this::create)
        .get("/w/{ws}/scripts/get/p/{path*}", r -> Reply.json(ScriptJson.render(
            runner.script(r.workspace(), r.path()))))
        .get("/w/{ws}/scripts/list", this::list)
        .post("/w/{ws}/scripts/archive/p/{path*}", r -> {
          runner.archiveScript(r.workspace(), r.path());
          return Reply.text("archived script " + r.path());
        });
  }

  private Reply create(ApiRequest r) {
    NewScript script = schemas.decide(ScriptJson.parse(r.objectBody("the script")));
    Script stored = runner.createScript(r.workspace(), script, r.principal().actor());
    return Reply.created(stored.hash());
  }

  private Reply list(ApiRequest r) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    runner.scripts(r.workspace(), Lists.query(r)).forEach(s -> array.add(ScriptJson.render(s)));
    return Reply.json(array);
  }

  /** The paging and filters shared by the script and schedule lists. */
  static final class Lists {
    static final int DEFAULT_PER_PAGE = 100;

    private Lists() {}

    static ListQuery query(ApiRequest r) {
      ListQuery q = ListQuery.all().withPage(page(r),
          Math.min(r.intQuery("per_page").orElse(DEFAULT_PER_PAGE),
              io.pushmill.runner.model.JobQuery.MAX_PER_PAGE));
      q = r.query("path_start").map(q::withPathStart).orElse(q);
      return q.withShowArchived(r.booleanQuery("show_archived").orElse(false));
    }

    /** Pages count from 1; like Windmill, 0 (which {@code wmill script list} starts at) is 1. */
    static int page(ApiRequest r) {
      return Math.max(1, r.intQuery("page").orElse(1));
    }
  }
}
