package io.pushmill.runner.exec.process;

import static io.pushmill.runner.exec.ExecFixtures.ended;
import static io.pushmill.runner.exec.ExecFixtures.pids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessShutdownIT {
  @TempDir Path dir;

  @Test
  void jobs_still_running_when_the_jvm_exits_are_ended_with_it() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process jvm =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    ShutdownProbe.class.getName(),
                    dir.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("jvm.log").toFile())
            .start();

    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<Long> pids = pids(dir.resolve("pid.done"));
    assertThat(pids).hasSize(1);
    // SIGKILL was sent before the JVM exited; the kernel may take a moment to carry it out.
    await().atMost(Duration.ofSeconds(10)).until(() -> ended(pids.get(0)));
  }
}
