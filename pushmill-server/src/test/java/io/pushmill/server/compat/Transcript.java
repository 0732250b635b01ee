package io.pushmill.server.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes every compared step to {@code target/compat-logs/transcript.txt}: what upstream
 * answered, and what the candidate answered where it differs. It is the record of upstream's
 * answers the cases rely on, and the place to read a failure in full.
 */
final class Transcript {
  private static final Path FILE = Path.of("target", "compat-logs", "transcript.txt");

  private static boolean started;

  private Transcript() {}

  static synchronized void record(DiffCase c, String step, HttpCall call, View reference, View candidate) {
    StringBuilder out = new StringBuilder();
    out.append("=== case ").append(c).append(" step ").append(step).append(": ").append(call).append('\n');
    out.append(reference.render()).append('\n');
    if (!reference.equals(candidate)) {
      out.append("--- candidate differs:\n").append(candidate.render()).append('\n');
    }
    try {
      Files.createDirectories(FILE.getParent());
      if (!started) {
        Files.deleteIfExists(FILE);
        started = true;
      }
      Files.writeString(FILE, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
