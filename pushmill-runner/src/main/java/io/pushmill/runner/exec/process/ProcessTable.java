package io.pushmill.runner.exec.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Linux's {@code /proc} to find the processes of a session or process group, which the JDK's
 * {@link ProcessHandle} cannot do: an orphan re-parented to init is no descendant of anything we
 * hold, but it keeps its session. Elsewhere it finds nothing, and callers fall back to descendants.
 */
public final class ProcessTable {
  private static final Path PROC = Path.of("/proc");

  private ProcessTable() {}

  /** One row of {@code /proc/<pid>/stat}: the fields that matter for ending a tree. */
  public record Entry(long pid, char state, long ppid, long pgrp, long session) {
    /** A zombie has exited and only waits to be reaped: it needs no signal. */
    public boolean zombie() {
      return state == 'Z' || state == 'X';
    }
  }

  /** The processes, zombies excluded, whose session or process group is {@code leader}. */
  public static List<Entry> sessionMembers(long leader) {
    return sessionMembers(leader, 0);
  }

  /**
   * Like {@link #sessionMembers(long)}, reading only processes with a pid above {@code minPid}.
   * Processes a job starts get pids above its own until the pid counter wraps around, so this finds
   * them while reading a handful of files instead of one per process on the machine.
   */
  public static List<Entry> sessionMembers(long leader, long minPid) {
    List<Entry> members = new ArrayList<>();
    String[] names = PROC.toFile().list();
    if (names == null) {
      return members;
    }
    for (String name : names) {
      if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
        long pid = Long.parseLong(name);
        if (pid > minPid) {
          read(pid)
              .filter(e -> !e.zombie() && (e.session() == leader || e.pgrp() == leader))
              .ifPresent(members::add);
        }
      }
    }
    return members;
  }

  /** The entry of one process, empty when it is gone or {@code /proc} is not there. */
  public static Optional<Entry> read(long pid) {
    try {
      String stat =
          new String(
              Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("stat")),
              StandardCharsets.UTF_8);
      // The command name sits in parentheses and may itself contain spaces or parentheses.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 5);
      return Optional.of(
          new Entry(
              pid,
              f[0].charAt(0),
              Long.parseLong(f[1]),
              Long.parseLong(f[2]),
              Long.parseLong(f[3])));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** True while the process exists and has not exited (a zombie counts as ended). */
  public static boolean running(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return false;
    }
    return read(handle.pid()).map(e -> !e.zombie()).orElse(true);
  }
}
