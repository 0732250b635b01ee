package io.pushmill.runner.exec.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh directory (mode 700) for one job's files and working directory, deleted with everything
 * in it on {@link #close()}.
 */
public final class JobDirectory implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobDirectory.class);

  private final Path path;

  private JobDirectory(Path path) {
    this.path = path;
  }

  /** Creates {@code <root>/<jobId>-<random>}, and {@code root} itself when missing. */
  public static JobDirectory create(Path root, UUID jobId) throws IOException {
    Files.createDirectories(root);
    return new JobDirectory(Files.createTempDirectory(root, jobId + "-"));
  }

  public Path path() {
    return path;
  }

  /** Writes a UTF-8 file into the directory. */
  public Path write(String name, String content) throws IOException {
    return Files.writeString(path.resolve(name), content, StandardCharsets.UTF_8);
  }

  /** The content of a file the job wrote, empty when it is missing or empty. */
  public Optional<String> read(String name) throws IOException {
    try {
      byte[] bytes = Files.readAllBytes(path.resolve(name));
      return bytes.length == 0
          ? Optional.empty()
          : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      deleteTree(path);
    } catch (IOException e) {
      log.warn("could not delete job directory {}: {}", path, e.toString());
    }
  }

  /** Deletes a directory tree; symbolic links are deleted, never followed. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
