package io.pushmill.runner.exec.process;

import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.support.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Main class of a child JVM for {@link ProcessShutdownIT}: starts a job that writes its pid to a
 * file and sleeps, and exits the JVM as soon as the pid is there and the job's tree registered.
 */
public final class ShutdownProbe {
  private ShutdownProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try {
                while (!Files.exists(dir.resolve("pid.done")) || LiveTrees.count() == 0) {
                  Thread.sleep(10);
                }
                System.exit(0);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    ProcessLauncher launcher =
        new ProcessLauncher(
            Executables.find("setsid", "/usr/bin/setsid"),
            Duration.ofSeconds(5),
            OutputLimits.DEFAULT);
    String script = "sleep 1000 & echo $! > pid; mv pid pid.done; wait";
    launcher.run(
        ProcessSpec.of(List.of("/bin/bash", "-c", script), dir, Map.of("PATH", "/usr/bin:/bin"))
            .withSession(SessionMode.SETSID_EXEC),
        t -> {},
        Cancellation.never());
  }
}
