package io.pushmill.server.multiproc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the jobs themselves wrote to a shared file as they started: one line {@code start <job id>
 * <worker>} per execution, appended with {@code >>} (one short {@code O_APPEND} write, so lines
 * never mix). The worker is the last part of the {@code HOME} each worker process hands its jobs.
 */
final class RunRecords {
  private final Map<UUID, List<String>> starts;

  private RunRecords(Map<UUID, List<String>> starts) {
    this.starts = starts;
  }

  /** The bash line a script starts with to leave its record in {@code file}. */
  static String recordLine(Path file) {
    return "echo \"start $WM_JOB_ID ${HOME##*/}\" >> '" + file.toAbsolutePath() + "'\n";
  }

  static RunRecords read(Path file) {
    Map<UUID, List<String>> starts = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[0].equals("start")) {
          throw new IllegalStateException("a run record that is not 'start <id> <worker>': "
              + line);
        }
        starts.computeIfAbsent(UUID.fromString(parts[1]), id -> new ArrayList<>()).add(parts[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RunRecords(starts);
  }

  /** The workers that started the job, in the order they did; empty if it never started. */
  List<String> startsOf(UUID job) {
    return starts.getOrDefault(job, List.of());
  }
}
