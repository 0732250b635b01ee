package io.pushmill.server.api;

import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.ListQuery;

/**
 * {@code page} and {@code per_page} as Windmill's lists take them: pages count from 1 and 0 is
 * taken as 1 (as Windmill does; {@code wmill script list} starts at 0); {@code per_page} is capped
 * at the runner's maximum rather than refused.
 */
final class Paging {
  static final int DEFAULT_PER_PAGE = 100;

  private Paging() {}

  static int page(ApiRequest r) {
    return Math.max(1, r.intQuery("page").orElse(1));
  }

  static int perPage(ApiRequest r, int defaultPerPage) {
    return Math.min(r.intQuery("per_page").orElse(defaultPerPage), JobQuery.MAX_PER_PAGE);
  }

  /** The script and schedule lists' query: paging, {@code path_start}, {@code show_archived}. */
  static ListQuery listQuery(ApiRequest r) {
    ListQuery q = ListQuery.all().withPage(page(r), perPage(r, DEFAULT_PER_PAGE));
    q = r.query("path_start").map(q::withPathStart).orElse(q);
    return q.withShowArchived(r.booleanQuery("show_archived").orElse(false));
  }
}
