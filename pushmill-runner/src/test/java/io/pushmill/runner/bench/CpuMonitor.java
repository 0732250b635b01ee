package io.pushmill.runner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The noise control of performance.md: every 2 s it reads {@code /proc/<pid>/stat} of every
 * process and notes, for each open window, the largest CPU share (of one core) that a foreign
 * process used. Ours are this JVM, the database's postmaster and their descendants.
 */
final class CpuMonitor implements AutoCloseable {
  private static final long PERIOD_MS = 2000;
  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private record Proc(long pid, long ppid, String comm, long ticks, long childTicks) {}

  /** One measured stretch: the worst foreign process seen in it, and the load around it. */
  static final class Window {
    private final String loadBefore = loadAverage();
    private volatile double maxForeign;
    private volatile String worst = "none";
    private String loadAfter = "";

    synchronized void offer(double share, String who) {
      if (share > maxForeign) {
        maxForeign = share;
        worst = who;
      }
    }

    double maxForeign() {
      return maxForeign;
    }

    boolean noisy() {
      return maxForeign >= 0.10;
    }

    String describe() {
      return String.format("foreign CPU max %.0f%% of a core (%s); load %s -> %s",
          maxForeign * 100, worst, loadBefore, loadAfter);
    }
  }

  private final Set<Long> roots;
  private final List<Window> open = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  CpuMonitor(Set<Long> extraRoots) {
    this.roots = Stream.concat(Stream.of(ProcessHandle.current().pid()), extraRoots.stream())
        .collect(Collectors.toUnmodifiableSet());
    this.thread = Thread.ofPlatform().daemon().name("bench-cpu-monitor").start(this::loop);
  }

  Window begin() {
    Window w = new Window();
    open.add(w);
    return w;
  }

  Window end(Window w) {
    open.remove(w);
    w.loadAfter = loadAverage();
    return w;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * The CPU seconds used so far by a process tree: the root with its reaped children, plus its
   * live descendants. The difference of two readings is what the tree used in between, also when
   * children come and go (PostgreSQL's backends, a worker's jobs).
   */
  static double cpuSeconds(long root) {
    Map<Long, Proc> all = snapshot();
    Proc top = all.get(root);
    if (top == null) {
      return 0;
    }
    long ticks = top.ticks() + top.childTicks();
    for (Proc p : all.values()) {
      if (p.pid() != root && descends(p, root, all)) {
        ticks += p.ticks();
      }
    }
    return ticks / TICKS_PER_SECOND;
  }

  private static boolean descends(Proc p, long root, Map<Long, Proc> all) {
    Proc cur = all.get(p.ppid());
    for (int depth = 0; cur != null && depth < 64; depth++) {
      if (cur.pid() == root) {
        return true;
      }
      cur = all.get(cur.ppid());
    }
    return false;
  }

  private void loop() {
    Map<Long, Proc> before = snapshot();
    long beforeNanos = System.nanoTime();
    while (!stopped) {
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
      Map<Long, Proc> now = snapshot();
      long nowNanos = System.nanoTime();
      double seconds = (nowNanos - beforeNanos) / 1e9;
      for (Proc p : now.values()) {
        Proc old = before.get(p.pid());
        if (old == null || ours(p, now)) {
          continue;
        }
        double share = (p.ticks() - old.ticks()) / TICKS_PER_SECOND / seconds;
        String who = p.comm() + " (pid " + p.pid() + ")";
        open.forEach(w -> w.offer(share, who));
      }
      before = now;
      beforeNanos = nowNanos;
    }
  }

  private boolean ours(Proc p, Map<Long, Proc> all) {
    Proc cur = p;
    for (int depth = 0; cur != null && depth < 64; depth++) {
      if (roots.contains(cur.pid())) {
        return true;
      }
      cur = all.get(cur.ppid());
    }
    return false;
  }

  private static Map<Long, Proc> snapshot() {
    Map<Long, Proc> procs = new HashMap<>();
    try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
      dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(d -> read(d).ifPresent(p -> procs.put(p.pid(), p)));
    } catch (IOException e) {
      // No /proc: no monitoring, every window stays "quiet".
    }
    return procs;
  }

  private static Optional<Proc> read(Path dir) {
    try {
      String stat = Files.readString(dir.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String[] rest = stat.substring(close + 2).split(" ");
      long pid = Long.parseLong(stat.substring(0, open).trim());
      long ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
      long childTicks = Long.parseLong(rest[13]) + Long.parseLong(rest[14]);
      return Optional.of(new Proc(pid, Long.parseLong(rest[1]),
          stat.substring(open + 1, close), ticks, childTicks));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the process ended meanwhile
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
  }
}
