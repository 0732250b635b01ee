package io.pushmill.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.ScriptPath;

/**
 * {@code schedules/create}, {@code update/...}, {@code get/...}, {@code list},
 * {@code setenabled/...} and {@code delete/...}. Bad input (cron, timezone, path, unknown script,
 * args that do not fit the script) is refused with 400 before anything is stored.
 */
final class ScheduleEndpoints {
  private final Runner runner;

  ScheduleEndpoints(Runner runner) {
    this.runner = runner;
  }

  void register(Routes routes) {
    routes.post("/w/{ws}/schedules/create", r -> {
      var created = runner.createSchedule(r.workspace(),
          ScheduleJson.parseNew(r.objectBody("the schedule")), r.principal().actor());
      return Reply.text(created.path().value());
    })
        .post("/w/{ws}/schedules/update/{path*}", r -> {
          ScriptPath path = r.path();
          runner.updateSchedule(r.workspace(), path,
              ScheduleJson.parseEdit(r.objectBody("the schedule edit")), r.principal().actor());
          return Reply.text(path.value());
        })
        .post("/w/{ws}/schedules/setenabled/{path*}", this::setEnabled)
        .get("/w/{ws}/schedules/get/{path*}", r -> Reply.json(ScheduleJson.render(
            runner.schedule(r.workspace(), r.path()))))
        .get("/w/{ws}/schedules/list", this::list)
        .delete("/w/{ws}/schedules/delete/{path*}", r -> {
          runner.deleteSchedule(r.workspace(), r.path());
          return Reply.text("deleted schedule " + r.path());
        });
  }

  private Reply setEnabled(ApiRequest r) {
    ScriptPath path = r.path();
    ObjectNode body = r.objectBody("the body of setenabled");
    boolean enabled = new BodyReader(body, "the body of setenabled").optionalBoolean("enabled")
        .orElseThrow(() -> ApiException.badRequest(
            "setenabled needs {\"enabled\": true} or {\"enabled\": false}"));
    runner.setScheduleEnabled(r.workspace(), path, enabled, r.principal().actor());
    return Reply.text((enabled ? "enabled " : "disabled ") + path);
  }

  private Reply list(ApiRequest r) {
    ListQuery q = Paging.listQuery(r);
    q = r.query("script_path").map(ScriptPath::of).map(q::withScriptPath).orElse(q);
    ArrayNode array = Json.MAPPER.createArrayNode();
    runner.schedules(r.workspace(), q).forEach(s -> array.add(ScheduleJson.render(s)));
    return Reply.json(array);
  }
}
