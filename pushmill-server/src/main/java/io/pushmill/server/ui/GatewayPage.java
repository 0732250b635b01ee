package io.pushmill.server.ui;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.metrics.Labels;
import io.pushmill.server.ui.view.FamilyView;
import io.pushmill.server.ui.view.Format;
import io.pushmill.server.ui.view.GatewayListView;
import io.pushmill.server.ui.view.GroupRow;
import io.pushmill.server.ui.view.GroupView;
import io.pushmill.server.ui.view.PageInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The gateway's groups: {@code GET /gateway} lists one page of the groups that match the filter,
 * collapsed; {@code GET /gateway/group?l.job=…} gives one group's families (the fragment htmx
 * loads when a group is opened, or a page of its own); {@code POST /gateway/delete} deletes a
 * group and {@code POST /gateway/delete-all} every group (only with the admin API on). A page
 * holds at most {@link #PER_PAGE} groups, whatever the store holds.
 */
final class GatewayPage {
  static final int PER_PAGE = 50;
  /** By job, then by the other labels: a job's groups stay together. */
  private static final Comparator<GroupSnapshot> BY_LABELS =
      Comparator.comparing((GroupSnapshot g) -> g.key().job())
          .thenComparing(g -> g.key().labels());

  private final Supplier<Optional<GatewayView>> gateway;
  private final Templates templates;

  GatewayPage(Supplier<Optional<GatewayView>> gateway, Templates templates) {
    this.gateway = gateway;
    this.templates = templates;
  }

  void register(UiRouter router) {
    router.get("/gateway", this::list)
        .get("/gateway/group", this::group)
        .post("/gateway/delete", this::delete)
        .post("/gateway/delete-all", this::deleteAll);
  }

  private GatewayView gateway() {
    return gateway.get().orElseThrow(() -> UiException.notFound(
        "This process runs no gateway (or it is still starting)."));
  }

  private UiResponse list(UiRequest r) {
    GatewayView g = gateway();
    String q = r.param("q", "");
    GroupFilter filter = new GroupFilter(q);
    List<GroupSnapshot> all = g.groups();
    List<GroupSnapshot> matching = filter.matchesAll() ? new ArrayList<>(all)
        : new ArrayList<>(all.stream().filter(filter::matches).toList());
    int pages = Math.max(1, (matching.size() + PER_PAGE - 1) / PER_PAGE);
    int pageNo = Math.min(r.page(), pages);
    int from = (pageNo - 1) * PER_PAGE;
    List<GroupSnapshot> shown = firstSorted(matching, from + PER_PAGE).subList(
        Math.min(from, matching.size()), Math.min(from + PER_PAGE, matching.size()));
    List<GroupRow> rows = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      rows.add(GroupRows.of(shown.get(i), "g" + (from + i), r.now()));
    }
    PageInfo page = r.page("Gateway", "gateway");
    GatewayListView view = new GatewayListView(page, q, rows, all.size(), g.stats().series(),
        matching.size(), from + 1, pageNo,
        pageNo > 1 ? Optional.of(pageLink(q, pageNo - 1)) : Optional.empty(),
        pageNo < pages ? Optional.of(pageLink(q, pageNo + 1)) : Optional.empty(),
        g.adminApi(), g.charts().keepsHistory());
    return UiResponse.html(templates.render("gateway.jte", view));
  }

  /**
   * The first {@code n} groups in label order. Sorting everything costs O(g log g) for every
   * page; a bounded selection would be cheaper, but 10,000 groups sort in a few milliseconds.
   */
  private static List<GroupSnapshot> firstSorted(List<GroupSnapshot> groups, int n) {
    groups.sort(BY_LABELS);
    return groups.subList(0, Math.min(n, groups.size()));
  }

  private static String pageLink(String q, int page) {
    String query = q.isEmpty() ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&";
    return "/gateway?" + query + "page=" + page;
  }

  private UiResponse group(UiRequest r) {
    GroupSnapshot g = find(r.labels());
    List<FamilyView> families = g.families().values().stream()
        .map(f -> FamilyViews.of(f, r.now())).toList();
    GroupRow row = GroupRows.of(g, "group", r.now());
    GroupView view = new GroupView(r.page("Group " + row.title(), "gateway"), row, families);
    return UiResponse.html(templates.render(r.htmx() ? "groupFamilies.jte" : "group.jte", view));
  }

  private GroupSnapshot find(Labels labels) {
    if (labels.isEmpty()) {
      throw UiException.badRequest("Name the group with l.<label>=<value> parameters,"
          + " e.g. l.job=batch.");
    }
    return gateway().groups().stream().filter(g -> g.key().labels().equals(labels)).findFirst()
        .orElseThrow(() -> UiException.notFound("There is no group "
            + Format.labels(labels) + "; it may have been deleted."));
  }

  private UiResponse delete(UiRequest r) {
    Labels labels = r.labels();
    GroupingKey key;
    try {
      key = new GroupingKey(labels);
    } catch (IllegalArgumentException e) {
      throw UiException.badRequest("Not a group: " + e.getMessage());
    }
    gateway().delete(key);
    if (r.htmx()) {
      return UiResponse.html("");
    }
    return UiResponse.after(r, pageLink(r.param("q", ""), r.page()));
  }

  private UiResponse deleteAll(UiRequest r) {
    GatewayView g = gateway();
    if (!g.adminApi()) {
      throw new UiException(403, "Deleting every group needs the admin API:"
          + " start the server with --web.enable-admin-api.");
    }
    g.wipe();
    return UiResponse.after(r, "/gateway");
  }
}
