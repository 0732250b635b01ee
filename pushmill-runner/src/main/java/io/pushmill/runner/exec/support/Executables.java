package io.pushmill.runner.exec.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds programs: fixed locations first, then the runner's own {@code PATH}. */
public final class Executables {
  private Executables() {}

  /** The first of {@code candidates}, then of {@code name} on PATH, that is executable. */
  public static Optional<Path> find(String name, String... candidates) {
    return all(name, candidates).stream().findFirst();
  }

  /** Every executable match, in search order, without duplicates. */
  public static List<Path> all(String name, String... candidates) {
    List<Path> found = new ArrayList<>();
    for (String candidate : candidates) {
      add(found, Path.of(candidate));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          add(found, Path.of(dir, name));
        }
      }
    }
    return found;
  }

  private static void add(List<Path> found, Path file) {
    if (Files.isRegularFile(file) && Files.isExecutable(file) && !found.contains(file)) {
      found.add(file);
    }
  }

  /**
   * True when the file is a script ({@code #!}), as version-manager shims are: running one costs a
   * shell and the manager's own lookup before the real program starts.
   */
  public static boolean isScript(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      return head.length == 2 && head[0] == '#' && head[1] == '!';
    } catch (IOException e) {
      return false;
    }
  }
}
