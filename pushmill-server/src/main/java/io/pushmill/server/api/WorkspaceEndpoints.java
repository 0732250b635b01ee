package io.pushmill.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.NotFoundException;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.Json;
import io.pushmill.server.api.auth.Principal;
import java.util.List;

/**
 * Who am I and which workspaces exist: {@code users/whoami} (global and per workspace),
 * {@code workspaces/exists}, {@code workspaces/list}, {@code workspaces/users}, and the answers
 * {@code wmill sync} needs from kinds Pushmill does not have ({@code list_ws_specific},
 * {@code file_resource_type_to_file_ext_map}).
 */
final class WorkspaceEndpoints {
  private final Runner runner;

  WorkspaceEndpoints(Runner runner) {
    this.runner = runner;
  }

  void register(Routes routes) {
    routes.get("/users/whoami", r -> Reply.json(globalUser(r.principal().actor(),
        r.principal().isAdmin())))
        .get("/w/{ws}/users/whoami", r -> Reply.json(user(requireWorkspace(r.workspace()),
            r.principal().actor(), r.principal().isAdmin())))
        .post("/workspaces/exists", r -> Reply.json(runner.workspaces().contains(
            new BodyReader(r.objectBody("the body of workspaces/exists"),
                "the body of workspaces/exists").requiredText("id"))))
        .get("/workspaces/list", r -> Reply.json(workspaces()))
        .get("/workspaces/users", r -> Reply.json(workspaceUsers(r.principal().actor())))
        .get("/w/{ws}/workspaces/list_ws_specific", r -> {
          requireWorkspace(r.workspace());
          return Reply.json(Json.MAPPER.createArrayNode());
        })
        .get("/w/{ws}/resources/file_resource_type_to_file_ext_map", r -> {
          requireWorkspace(r.workspace());
          return Reply.json(Json.object());
        });
  }

  private String requireWorkspace(String ws) {
    if (!runner.workspaces().contains(ws)) {
      throw new NotFoundException("workspace " + ws + " not found");
    }
    return ws;
  }

  private static ObjectNode globalUser(Actor actor, boolean admin) {
    ObjectNode o = Json.object();
    o.put("email", actor.email());
    o.put("username", actor.username());
    o.put("name", actor.username());
    o.put("login_type", "password");
    o.put("super_admin", admin);
    o.put("devops", false);
    o.put("verified", true);
    o.put("first_time_user", false);
    o.put("operator_only", false);
    return o;
  }

  private static ObjectNode user(String ws, Actor actor, boolean admin) {
    ObjectNode o = Json.object();
    o.put("workspace_id", ws);
    o.put("email", actor.email());
    o.put("username", actor.username());
    o.put("is_admin", admin);
    o.put("is_super_admin", admin);
    o.put("operator", false);
    o.put("disabled", false);
    o.put("created_at", "1970-01-01T00:00:00Z");
    o.putArray("groups");
    o.putArray("folders");
    o.putArray("folders_owners");
    return o;
  }

  private ArrayNode workspaces() {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (String id : runner.workspaces()) {
      a.addObject().put("id", id).put("name", id).put("owner", Principal.ADMIN.username());
    }
    return a;
  }

  private ObjectNode workspaceUsers(Actor actor) {
    ObjectNode o = Json.object();
    o.put("email", actor.email());
    ArrayNode list = o.putArray("workspaces");
    List<String> ids = runner.workspaces();
    for (String id : ids) {
      ObjectNode w = list.addObject();
      w.put("id", id).put("name", id).put("username", actor.username()).put("color", "")
          .put("disabled", false).put("is_dev_workspace", false);
      w.putNull("parent_workspace_id");
    }
    return o;
  }
}
