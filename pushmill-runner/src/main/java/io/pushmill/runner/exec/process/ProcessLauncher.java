package io.pushmill.runner.exec.process;

import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.LogSink;
import io.pushmill.runner.exec.process.ProcessOutcome.Ending;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one child process to its end, its timeout or its cancellation. The child gets exactly the
 * spec's environment, stdout and stderr merged in write order and streamed to a {@link LogSink},
 * and, per {@link SessionMode}, a session of its own so that ending it reaches the whole tree:
 * SIGTERM, the grace period, then SIGKILL. Thread-safe; one call per job.
 *
 * <p>When the child exits, the job is over: processes it left running in its session are ended the
 * same way, and output they write after that is not the job's.
 */
public final class ProcessLauncher {
  private static final Logger log = LoggerFactory.getLogger(ProcessLauncher.class);
  private static final long POLL_MILLIS = 100;
  private static final Duration FINAL_DRAIN = Duration.ofSeconds(2);

  private final Optional<Path> setsid;
  private final Duration grace;
  private final OutputLimits limits;

  /**
   * @param setsid the {@code setsid} program for {@link SessionMode#SETSID_EXEC}; without it such
   *     children run without a session of their own
   * @param grace how long members have after SIGTERM before SIGKILL
   */
  public ProcessLauncher(Optional<Path> setsid, Duration grace, OutputLimits limits) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace period must not be negative: " + grace);
    }
    this.setsid = setsid;
    this.grace = grace;
    this.limits = limits;
    LiveTrees.install();
  }

  /**
   * Runs the process; output goes to {@code sink} from a reader thread until this returns, never
   * after. Throws only when the process cannot be started.
   */
  public ProcessOutcome run(ProcessSpec spec, LogSink sink, Cancellation cancellation)
      throws IOException, InterruptedException {
    boolean ownSession =
        spec.session() == SessionMode.CHILD_CALLS_SETSID
            || (spec.session() == SessionMode.SETSID_EXEC && setsid.isPresent());
    ProcessBuilder builder =
        new ProcessBuilder(command(spec))
            .directory(spec.workDir().toFile())
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    holdUntil(spec.startAt());
    if (spec.startAt().isPresent() && cancellation.requested()) {
      // Canceled while it waited for its start instant: it never runs.
      return ProcessOutcome.notStarted();
    }
    Process process = builder.start();
    ProcessTree tree = new ProcessTree(process.toHandle(), ownSession);
    LiveTrees.add(tree);
    OutputPump pump = OutputPump.start(process.getInputStream(), sink, limits);
    try {
      feedStdin(process, spec.stdin());
      Ending ending = await(process, spec.timeout(), cancellation);
      if (ending != Ending.EXITED) {
        tree.terminate(grace);
      }
      int exitCode = process.waitFor();
      if (ending == Ending.EXITED && tree.leftovers()) {
        log.debug("a job exited and left processes running; ending them");
        tree.terminate(grace);
      }
      drain(pump);
      return new ProcessOutcome(ending, exitCode, pump.lastLine());
    } catch (InterruptedException | IOException | RuntimeException e) {
      // Never leave a job running behind a failure of our own.
      pump.detach();
      tree.terminate(Duration.ZERO);
      throw e;
    } finally {
      LiveTrees.remove(tree);
    }
  }

  /** The last step before a start that was prepared ahead of its instant. */
  private static void holdUntil(Optional<Instant> startAt) throws InterruptedException {
    if (startAt.isPresent()) {
      Duration left = Duration.between(Instant.now(), startAt.get());
      if (left.isPositive()) {
        Thread.sleep(left);
      }
    }
  }

  private List<String> command(ProcessSpec spec) {
    if (spec.session() != SessionMode.SETSID_EXEC || setsid.isEmpty()) {
      return spec.command();
    }
    List<String> command = new ArrayList<>(spec.command().size() + 1);
    command.add(setsid.get().toString());
    command.addAll(spec.command());
    return command;
  }

  private static void feedStdin(Process process, Optional<String> stdin) throws IOException {
    if (stdin.isEmpty()) {
      process.getOutputStream().close();
      return;
    }
    byte[] bytes = stdin.get().getBytes(StandardCharsets.UTF_8);
    // A separate thread, so that a child that writes a lot before reading cannot deadlock us.
    Thread.ofVirtual()
        .name("job-stdin")
        .start(
            () -> {
              try (OutputStream out = process.getOutputStream()) {
                out.write(bytes);
              } catch (IOException e) {
                log.debug("child closed its stdin early", e);
              }
            });
  }

  private static Ending await(
      Process process, Optional<Duration> timeout, Cancellation cancellation)
      throws InterruptedException {
    long deadline = timeout.map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (process.waitFor(Math.max(1, Math.min(POLL_MILLIS, left)), TimeUnit.MILLISECONDS)) {
        return Ending.EXITED;
      }
      if (cancellation.requested()) {
        return Ending.CANCELED;
      }
      if (timeout.isPresent() && System.nanoTime() - deadline >= 0) {
        return Ending.TIMED_OUT;
      }
    }
  }

  private static void drain(OutputPump pump) throws InterruptedException {
    // Only a process that left the job's session can still hold the pipe; stop listening then.
    if (!pump.awaitEnd(FINAL_DRAIN)) {
      pump.detach();
    }
  }
}
