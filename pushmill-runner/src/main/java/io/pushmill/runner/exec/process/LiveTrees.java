package io.pushmill.runner.exec.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process trees of the jobs running in this JVM. Jobs run in sessions of their own, so they
 * would outlive the JVM; when it shuts down (normally or on SIGTERM/SIGINT) a hook sends SIGKILL to
 * every tree still running. Only a SIGKILL of the JVM itself leaves them behind.
 */
final class LiveTrees {
  private static final Set<ProcessTree> TREES = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform().name("job-trees-at-shutdown").unstarted(LiveTrees::end));
  }

  private LiveTrees() {}

  /** Registers the shutdown hook now, not in the middle of a shutdown that has already begun. */
  static void install() {
    // Loading the class runs the static initialiser; nothing else to do.
  }

  static void add(ProcessTree tree) {
    TREES.add(tree);
  }

  static void remove(ProcessTree tree) {
    TREES.remove(tree);
  }

  /** How many trees are registered now. */
  static int count() {
    return TREES.size();
  }

  private static void end() {
    TREES.forEach(ProcessTree::killNow);
  }
}
