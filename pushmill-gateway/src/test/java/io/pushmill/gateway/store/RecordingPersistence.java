package io.pushmill.gateway.store;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A persistence that loads given groups and records every save, so tests can wait for them. */
final class RecordingPersistence implements StorePersistence {
  private final List<GroupSnapshot> toLoad;
  private final BlockingQueue<List<GroupSnapshot>> saves = new LinkedBlockingQueue<>();
  private int loads;

  RecordingPersistence(List<GroupSnapshot> toLoad) {
    this.toLoad = toLoad;
  }

  RecordingPersistence() {
    this(List.of());
  }

  @Override
  public synchronized List<GroupSnapshot> load() {
    loads++;
    return toLoad;
  }

  @Override
  public void save(List<GroupSnapshot> groups) {
    saves.add(List.copyOf(groups));
  }

  synchronized int loads() {
    return loads;
  }

  /** The next save, waiting for it (the writer saves on its own thread). */
  List<GroupSnapshot> nextSave() throws InterruptedException {
    List<GroupSnapshot> s = saves.poll(10, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("the store did not save within 10 seconds");
    }
    return s;
  }

  /** The saves so far that nobody took. */
  int pendingSaves() {
    return saves.size();
  }
}
