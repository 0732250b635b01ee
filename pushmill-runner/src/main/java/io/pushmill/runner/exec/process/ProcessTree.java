package io.pushmill.runner.exec.process;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ends a job's whole process tree: SIGTERM to every member, a grace period in which members may
 * exit (members that appear meanwhile get SIGTERM too), then SIGKILL to whatever is left. Members
 * are the root, its live descendants and, when the root leads a session of its own, every process
 * of that session or process group.
 */
final class ProcessTree {
  private static final Duration POLL = Duration.ofMillis(20);
  private static final int KILL_ROUNDS = 100;

  private final ProcessHandle root;
  private final boolean ownSession;

  ProcessTree(ProcessHandle root, boolean ownSession) {
    this.root = root;
    this.ownSession = ownSession;
  }

  void terminate(Duration grace) throws InterruptedException {
    Map<Long, ProcessHandle> termed = new LinkedHashMap<>();
    long deadline = System.nanoTime() + grace.toNanos();
    while (true) {
      Map<Long, ProcessHandle> members = members();
      if (members.isEmpty()) {
        return;
      }
      for (ProcessHandle member : members.values()) {
        if (termed.putIfAbsent(member.pid(), member) == null) {
          member.destroy();
        }
      }
      if (System.nanoTime() >= deadline) {
        break;
      }
      Thread.sleep(POLL);
    }
    kill();
  }

  private void kill() throws InterruptedException {
    for (int round = 0; round < KILL_ROUNDS; round++) {
      Map<Long, ProcessHandle> members = members();
      if (members.isEmpty()) {
        return;
      }
      members.values().forEach(ProcessHandle::destroyForcibly);
      Thread.sleep(POLL.dividedBy(2));
    }
  }

  /**
   * True when processes of the root's session outlive the root: a quick look at newer pids only,
   * cheap enough for every finished job.
   */
  boolean leftovers() {
    return ownSession && !ProcessTable.sessionMembers(root.pid(), root.pid()).isEmpty();
  }

  /** SIGKILL to every member found now, without waiting: for a JVM that is shutting down. */
  void killNow() {
    members().values().forEach(ProcessHandle::destroyForcibly);
  }

  /** The members still running, by pid. */
  Map<Long, ProcessHandle> members() {
    Map<Long, ProcessHandle> members = new LinkedHashMap<>();
    if (ProcessTable.running(root)) {
      members.put(root.pid(), root);
    }
    root.descendants().filter(ProcessTable::running).forEach(h -> members.put(h.pid(), h));
    if (ownSession) {
      long self = ProcessHandle.current().pid();
      for (ProcessTable.Entry e : ProcessTable.sessionMembers(root.pid())) {
        if (e.pid() != self) {
          Optional<ProcessHandle> handle = ProcessHandle.of(e.pid());
          handle.ifPresent(h -> members.putIfAbsent(h.pid(), h));
        }
      }
    }
    return members;
  }
}
