package io.pushmill.runner.store;

import io.pushmill.runner.NotFoundException;

/** The check every workspace-scoped operation starts with. */
public final class Workspaces {
  /** The workspace every new database has. */
  public static final String DEFAULT = "demo";

  private Workspaces() {}

  /** Raises a {@link NotFoundException} naming the workspace when it does not exist. */
  public static void require(Tx tx, String workspace) {
    if (!tx.workspaces().exists(workspace)) {
      throw new NotFoundException("workspace " + workspace + " not found");
    }
  }
}
