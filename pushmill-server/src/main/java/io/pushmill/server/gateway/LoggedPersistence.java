package io.pushmill.server.gateway;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.StorePersistence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each completed save as upstream does ({@code msg="metrics persisted" file=…}); failures are
 * logged by the store that calls it.
 */
final class LoggedPersistence implements StorePersistence {
  private static final Logger LOG = LoggerFactory.getLogger(LoggedPersistence.class);

  private final StorePersistence delegate;
  private final Path file;

  LoggedPersistence(StorePersistence delegate, Path file) {
    this.delegate = delegate;
    this.file = file;
  }

  @Override
  public List<GroupSnapshot> load() throws IOException {
    return delegate.load();
  }

  @Override
  public void save(List<GroupSnapshot> groups) throws IOException {
    delegate.save(groups);
    LOG.atInfo().addKeyValue("file", file).log("metrics persisted");
  }
}
