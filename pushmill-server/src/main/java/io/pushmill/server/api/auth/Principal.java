package io.pushmill.server.api.auth;

import io.pushmill.runner.model.Actor;
import java.util.Optional;
import java.util.UUID;

/**
 * Who sent a request: the admin (any workspace), or a running job through its {@code WM_TOKEN}
 * (only its own workspace, acting as the user the job runs as).
 */
public record Principal(Actor actor, Optional<String> workspace, Optional<UUID> job) {

  /** The one user of a Pushmill server. */
  public static final Actor ADMIN = new Actor("admin", "admin@pushmill.local");

  public static Principal admin() {
    return new Principal(ADMIN, Optional.empty(), Optional.empty());
  }

  public static Principal job(UUID id, String workspace, Actor actor) {
    return new Principal(actor, Optional.of(workspace), Optional.of(id));
  }

  public boolean isAdmin() {
    return job.isEmpty();
  }

  /** True when this principal may act in {@code ws}. */
  public boolean mayUse(String ws) {
    return workspace.map(ws::equals).orElse(true);
  }
}
