package io.pushmill.server.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * How a pair of gateways is started: the flags both get, and what the harness needs to know
 * about them (route prefix, telemetry path, whether pushes are checked, whether wipe exists).
 */
public enum Setup {
  /** Admin API on: the default for cases, since wipe empties the store between them. */
  ADMIN(List.of("--web.enable-admin-api"), "", "/metrics"),
  /** Upstream's defaults: no admin API, no lifecycle. */
  PLAIN(List.of(), "", "/metrics"),
  /** Consistency check off: pushes answer 202 before they are applied. */
  UNCHECKED(List.of("--web.enable-admin-api", "--push.disable-consistency-check"), "", "/metrics"),
  /** A route prefix and another telemetry path (spec §2.13). */
  PREFIXED(
      List.of("--web.enable-admin-api", "--web.route-prefix=/pgw", "--web.telemetry-path=/scrape"),
      "/pgw",
      "/pgw/scrape"),
  /**
   * Admin API on, but a fresh pair for each case: an invalid base64 job leaves upstream 1.5.1's
   * PUT or POST job@base64 route locked for good (handler/push.go returns without unlocking).
   */
  ISOLATED(List.of("--web.enable-admin-api"), "", "/metrics"),
  /** Lifecycle API on; a pair of its own, since /-/quit ends it. */
  LIFECYCLE(List.of("--web.enable-admin-api", "--web.enable-lifecycle"), "", "/metrics");

  private final List<String> flags;
  private final String routePrefix;
  private final String scrapePath;

  Setup(List<String> flags, String routePrefix, String scrapePath) {
    this.flags = flags;
    this.routePrefix = routePrefix;
    this.scrapePath = scrapePath;
  }

  public List<String> flags() {
    return new ArrayList<>(flags);
  }

  public String routePrefix() {
    return routePrefix;
  }

  public String scrapePath() {
    return scrapePath;
  }

  public boolean checked() {
    return !flags.contains("--push.disable-consistency-check");
  }

  public boolean adminApi() {
    return flags.contains("--web.enable-admin-api");
  }
}
