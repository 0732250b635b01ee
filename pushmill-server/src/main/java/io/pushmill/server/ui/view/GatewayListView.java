package io.pushmill.server.ui.view;

import java.util.List;
import java.util.Optional;

/**
 * The gateway page: one page of the groups that match the filter.
 *
 * @param q the filter as typed
 * @param total groups in the store
 * @param matching groups that match the filter
 * @param first the 1-based position of the page's first group among the matching ones
 * @param previous the link to the previous page, if any
 * @param next the link to the next page, if any
 * @param adminApi whether "delete all" is allowed
 * @param history whether charts show a push history (else only current values)
 */
public record GatewayListView(PageInfo page, String q, List<GroupRow> groups, int total,
    long series, int matching, int first, int pageNo, Optional<String> previous,
    Optional<String> next, boolean adminApi, boolean history) {

  public GatewayListView {
    groups = List.copyOf(groups);
  }

  public int last() {
    return first + groups.size() - 1;
  }
}
