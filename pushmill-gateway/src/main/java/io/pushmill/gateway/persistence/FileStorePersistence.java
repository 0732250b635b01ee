package io.pushmill.gateway.persistence;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.StorePersistence;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists the store to one file ({@code --persistence.file}) in Pushmill's own format, described
 * in {@code docs/persistence.md}. A save writes a temporary file beside the target and renames it
 * over the target, so the file always holds one complete save; a file that does not read back is
 * moved aside, never overwritten.
 */
public final class FileStorePersistence implements StorePersistence {
  private static final Logger LOG = LoggerFactory.getLogger(FileStorePersistence.class);

  private final Path file;
  private final boolean refuseCorrupt;
  private final CorruptFileMover mover;
  private final UnaryOperator<OutputStream> streamHook;

  /**
   * @param file the persistence file
   * @param refuseCorrupt throw from {@link #load()} when the file is unreadable (after moving it
   *     aside), instead of starting with an empty store
   */
  public FileStorePersistence(Path file, boolean refuseCorrupt) {
    this(file, refuseCorrupt, InstantSource.system());
  }

  /** As {@link #FileStorePersistence(Path, boolean)}, with the clock that names corrupt files. */
  public FileStorePersistence(Path file, boolean refuseCorrupt, InstantSource clock) {
    this(file, refuseCorrupt, clock, UnaryOperator.identity());
  }

  /** For tests: {@code streamHook} wraps the stream a save writes to, to make it fail. */
  FileStorePersistence(
      Path file,
      boolean refuseCorrupt,
      InstantSource clock,
      UnaryOperator<OutputStream> streamHook) {
    if (file == null || clock == null || streamHook == null) {
      throw new IllegalArgumentException("persistence file and clock must not be null");
    }
    this.file = file.toAbsolutePath();
    if (this.file.getFileName() == null) {
      throw new IllegalArgumentException("persistence file has no file name: " + file);
    }
    this.refuseCorrupt = refuseCorrupt;
    this.mover = new CorruptFileMover(this.file, clock);
    this.streamHook = streamHook;
  }

  /** The persistence file, as an absolute path. */
  public Path file() {
    return file;
  }

  @Override
  public List<GroupSnapshot> load() throws IOException {
    removeLeftoverTempFiles();
    if (!Files.exists(file)) {
      return List.of();
    }
    String reason;
    try {
      return StoreFileReader.read(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (CorruptStoreFileException e) {
      reason = e.getMessage();
    } catch (IOException | RuntimeException e) {
      reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    Path movedTo = mover.moveAside(reason);
    LOG.warn(
        "Persistence file {} is unreadable ({}); moved it to {}{}",
        file,
        reason,
        movedTo,
        refuseCorrupt ? "" : " and starting with an empty store");
    if (refuseCorrupt) {
      throw new IOException(
          "persistence file " + file + " is unreadable (" + reason + "); moved it to " + movedTo);
    }
    return List.of();
  }

  @Override
  public void save(List<GroupSnapshot> groups) throws IOException {
    Path dir = file.getParent();
    Path temp = Files.createTempFile(dir, tempPrefix(), "", ownerOnly(dir));
    boolean renamed = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = streamHook.apply(bufferedStream(channel))) {
        StoreFileWriter.write(out, groups);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      renamed = true;
    } finally {
      if (!renamed) {
        deleteTemp(temp);
      }
    }
    // The rename is durable only once the directory entry is.
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  private static OutputStream bufferedStream(FileChannel channel) {
    return new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
  }

  private static void deleteTemp(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("Could not remove {} after a failed save", temp, e);
    }
  }

  private String tempPrefix() {
    return file.getFileName() + ".tmp-";
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  /**
   * A crash during a save leaves its temp file behind; load runs before any save, so clear them.
   */
  private void removeLeftoverTempFiles() {
    String prefix = tempPrefix();
    if (!Files.isDirectory(file.getParent())) {
      return;
    }
    try (DirectoryStream<Path> temps =
        Files.newDirectoryStream(
            file.getParent(), p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
        LOG.info("Removed {}, left over from an interrupted save", temp);
      }
    } catch (IOException e) {
      LOG.warn("Could not remove temp files left over from an interrupted save beside {}", file, e);
    }
  }
}
