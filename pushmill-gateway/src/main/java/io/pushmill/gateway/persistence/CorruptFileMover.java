package io.pushmill.gateway.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Moves an unreadable persistence file to {@code <name>.corrupt-<UTC time>} beside it, adding
 * {@code -2}, {@code -3}, ... when that name is taken, so that no earlier corrupt file is lost.
 */
final class CorruptFileMover {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_ATTEMPTS = 1000;

  private final Path file;
  private final InstantSource clock;

  CorruptFileMover(Path file, InstantSource clock) {
    this.file = file;
    this.clock = clock;
  }

  /**
   * Moves the file aside and returns where it went.
   *
   * @throws IOException naming the file and the reason when it cannot be moved, so that the caller
   *     stops instead of overwriting it later
   */
  Path moveAside(String reason) throws IOException {
    String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
    IOException failure = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Path target = file.resolveSibling(attempt == 1 ? base : base + "-" + attempt);
      try {
        // Without REPLACE_EXISTING, move refuses an existing target.
        Files.move(file, target);
        return target;
      } catch (FileAlreadyExistsException e) {
        failure = e;
      } catch (IOException e) {
        failure = e;
        break;
      }
    }
    throw new IOException(
        "persistence file "
            + file
            + " is unreadable ("
            + reason
            + ") and could not be moved"
            + " aside, so Pushmill will not start and overwrite it: "
            + failure,
        failure);
  }
}
