package io.pushmill.runner.model;

import io.pushmill.runner.BadRequestException;

/**
 * Who asks for an operation: the user the API authenticated. Jobs run "as" this user, which sets
 * {@code WM_USERNAME}, {@code WM_EMAIL} and {@code WM_PERMISSIONED_AS}.
 */
public record Actor(String username, String email) {

  public Actor {
    if (username == null || username.isBlank()) {
      throw new BadRequestException("a user name is required");
    }
    if (email == null) {
      throw new BadRequestException("an email is required (may be empty) for user " + username);
    }
  }

  /** Windmill's owner name: {@code u/<username>}. */
  public String permissionedAs() {
    return "u/" + username;
  }

  /** The synthetic user that runs a schedule's jobs, as Windmill names it. */
  public static String scheduleUser(ScriptPath schedulePath) {
    return "schedule-" + schedulePath.joined('-');
  }
}
