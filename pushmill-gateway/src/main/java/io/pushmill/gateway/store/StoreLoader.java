package io.pushmill.gateway.store;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the store from persisted groups before anything is served. Every group is loaded as it
 * was saved, even when it is inconsistent with the groups loaded before it (a file written by an
 * older version, or edited): that is logged, and the scrape still shows each series once.
 */
final class StoreLoader {
  private static final Logger LOG = LoggerFactory.getLogger(StoreLoader.class);
  private static final int MAX_LOGGED_PROBLEMS = 5;

  private final StoreState state;
  private final PushPreparer preparer;
  private final ConsistencyCheck check;

  StoreLoader(StoreState state, PushPreparer preparer, ConsistencyCheck check) {
    this.state = state;
    this.preparer = preparer;
    this.check = check;
  }

  void load(List<GroupSnapshot> groups) {
    for (GroupSnapshot group : groups) {
      PreparedPush loaded = preparer.prepareLoaded(group);
      List<String> problems = check.checkLoaded(loaded);
      if (!problems.isEmpty()) {
        LOG.warn(
            "persisted group {} is inconsistent with the groups loaded before it; loading it anyway"
                + " ({} problem(s), first: {})",
            group.key(),
            problems.size(),
            String.join("; ", problems.subList(0, Math.min(MAX_LOGGED_PROBLEMS, problems.size()))));
      }
      state.mutate(() -> install(loaded));
    }
    if (!groups.isEmpty()) {
      LOG.info(
          "loaded {} persisted group(s) with {} series", state.groupCount(), state.seriesCount());
    }
  }

  private void install(PreparedPush loaded) {
    state.removeGroup(loaded.key());
    GroupState g = state.createGroup(loaded.key(), loaded.pushLabels(), loaded.expiry());
    for (PreparedPush.PreparedFamily f : loaded.families()) {
      state.putFamily(g, f.stored(), f.texts());
    }
  }
}
