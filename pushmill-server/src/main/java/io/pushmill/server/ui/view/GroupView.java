package io.pushmill.server.ui.view;

import java.util.List;

/** One opened group: its families, as a fragment or as a page of its own. */
public record GroupView(PageInfo page, GroupRow group, List<FamilyView> families) {

  public GroupView {
    families = List.copyOf(families);
  }
}
