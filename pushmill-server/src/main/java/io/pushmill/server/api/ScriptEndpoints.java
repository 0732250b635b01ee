package io.pushmill.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.Json;
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
    runner.scripts(r.workspace(), Paging.listQuery(r)).forEach(s -> array.add(ScriptJson.render(s)));
    return Reply.json(array);
  }
}
