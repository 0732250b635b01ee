package io.pushmill.gateway.store;

import java.io.IOException;
import java.util.List;

/**
 * Where the store keeps its groups across restarts. The store calls {@link #load()} once before it
 * serves anything, and {@link #save(List)} from its writer (every persistence interval when
 * something changed, and on close), never concurrently.
 */
public interface StorePersistence {

  /**
   * The groups persisted last, or none when nothing was persisted yet. An unreadable file is never
   * overwritten: the implementation moves it aside and logs why, then either returns no groups or,
   * when configured to be strict, throws.
   *
   * @throws IOException when the groups cannot be loaded and the gateway must not start
   */
  List<GroupSnapshot> load() throws IOException;

  /** Replaces what was persisted with these groups, atomically: all of them or none. */
  void save(List<GroupSnapshot> groups) throws IOException;

  /** Persistence switched off: nothing is loaded, nothing is saved. */
  static StorePersistence none() {
    return new StorePersistence() {
      @Override
      public List<GroupSnapshot> load() {
        return List.of();
      }

      @Override
      public void save(List<GroupSnapshot> groups) {}
    };
  }
}
