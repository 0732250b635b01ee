package io.pushmill.runner.exec.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock on one cache entry that holds across threads and across processes sharing the cache
 * directory: a lock per file in this JVM (file locks are held per process, not per thread), then an
 * OS file lock on the entry's lock file.
 */
public final class CacheLock {
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

  private CacheLock() {}

  /** Work that may fail with an I/O error or an exception of its own. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws IOException, InterruptedException, E;
  }

  /** Runs {@code work} while holding the lock named by {@code lockFile}. */
  public static <T, E extends Exception> T holding(Path lockFile, Work<T, E> work)
      throws IOException, InterruptedException, E {
    Path key = lockFile.toAbsolutePath().normalize();
    ReentrantLock local = LOCAL.computeIfAbsent(key, k -> new ReentrantLock());
    local.lockInterruptibly();
    try {
      Files.createDirectories(key.getParent());
      try (FileChannel channel =
              FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return work.run();
      }
    } finally {
      local.unlock();
    }
  }
}
