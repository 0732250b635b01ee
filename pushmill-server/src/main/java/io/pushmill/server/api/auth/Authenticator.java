package io.pushmill.server.api.auth;

import io.pushmill.runner.model.Actor;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a presented token into a {@link Principal}: the admin token, or the signed token of a job
 * that is still queued or running. Anything else is no principal at all (401).
 */
public final class Authenticator {
  /** Who a job runs as, while it has not finished; empty for a finished or unknown job. */
  @FunctionalInterface
  public interface ActiveJobs {
    Optional<Actor> runningAs(String workspace, UUID job);
  }

  private final AdminToken admin;
  private final JobTokens jobTokens;
  private final ActiveJobs activeJobs;

  public Authenticator(AdminToken admin, JobTokens jobTokens, ActiveJobs activeJobs) {
    this.admin = admin;
    this.jobTokens = jobTokens;
    this.activeJobs = activeJobs;
  }

  public Optional<Principal> authenticate(String token) {
    if (token.isEmpty()) {
      return Optional.empty();
    }
    if (admin.matches(token)) {
      return Optional.of(Principal.admin());
    }
    return jobTokens.verify(token).flatMap(claim -> activeJobs
        .runningAs(claim.workspace(), claim.job())
        .map(actor -> Principal.job(claim.job(), claim.workspace(), actor)));
  }
}
