package io.pushmill.server.ui.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The list of scripts: one page of them, newest version of each path. */
public record ScriptsView(PageInfo page, List<Row> scripts, int pageNo,
    Optional<String> previous, Optional<String> next) {

  public ScriptsView {
    scripts = List.copyOf(scripts);
  }

  /** One script. */
  public record Row(String path, String href, String language, String summary, int version,
      Instant created, boolean archived) {}
}
