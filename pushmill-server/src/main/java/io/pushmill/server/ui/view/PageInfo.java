package io.pushmill.server.ui.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What the layout needs around every page: the title, the section of the navigation to mark, the
 * session's CSRF token (empty on the login page), the runner workspace the pages show, and the
 * time of the request (ages are counted from it).
 */
public record PageInfo(String title, String section, String csrf, String workspace,
    List<String> workspaces, Instant now) {
  public static final String DEFAULT_WORKSPACE = "demo";

  public PageInfo {
    workspaces = List.copyOf(workspaces);
  }

  /** A page outside the runner's workspaces: the login and error pages. */
  public static PageInfo bare(String title, Instant now) {
    return new PageInfo(title, "", "", DEFAULT_WORKSPACE, List.of(), now);
  }

  public boolean loggedIn() {
    return !csrf.isEmpty();
  }

  /** {@code path} with the workspace when it is not the default one. */
  public String link(String path) {
    if (workspace.equals(DEFAULT_WORKSPACE)) {
      return path;
    }
    return path + (path.contains("?") ? "&" : "?") + "ws="
        + URLEncoder.encode(workspace, StandardCharsets.UTF_8);
  }

  /** The same page in another workspace, for links to items of that workspace. */
  public PageInfo withWorkspace(String ws) {
    return new PageInfo(title, section, csrf, ws, workspaces, now);
  }

  /** {@code aria-current} for the navigation link of {@code name}. */
  public String current(String name) {
    return section.equals(name) ? "page" : null;
  }
}
