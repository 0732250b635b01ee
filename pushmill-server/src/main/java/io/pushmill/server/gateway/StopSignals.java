package io.pushmill.server.gateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGINT (Ctrl-C) and SIGTERM as requests for a graceful stop, handled without starting the JVM's
 * shutdown. The JVM runs its shutdown hooks all at once, and the runner's hook ends every job's
 * process tree at once, which would cut short the grace that running jobs get; handled here, the
 * stop runs first (jobs finish or are ended and marked, the gateway persists) and the process then
 * exits normally. A second signal exits at once, as an unhandled one would. Where a handler cannot
 * be installed (a JVM run with {@code -Xrs}, or a signal the parent ignores, as for a background
 * job of a shell), the JVM's default applies and the shutdown hook of {@link
 * GatewayRunner.Stop#onSignal()} still makes the exit wait for the store.
 */
final class StopSignals {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

  private StopSignals() {}

  static void install(CompletableFuture<String> request) {
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(new Signal(name), signal -> {
          if (!request.complete("signal")) {
            LOG.warn("second SIG{}: exiting now, running jobs are ended", signal.getName());
            Runtime.getRuntime().exit(128 + signal.getNumber());
          }
        });
      } catch (IllegalArgumentException e) {
        LOG.debug("SIG{} keeps the JVM's handling: {}", name, e.getMessage());
      }
    }
  }
}
