package io.pushmill.runner.exec.process;

import static io.pushmill.runner.exec.ExecFixtures.ended;
import static io.pushmill.runner.exec.ExecFixtures.pids;
import static io.pushmill.runner.exec.ExecFixtures.processesWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecFixtures.RecordingSink;
import io.pushmill.runner.exec.support.Executables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLauncherTest {
  private static final Path BASH = Executables.find("bash", "/usr/bin/bash", "/bin/bash").get();
  private static final String MARK = UUID.randomUUID().toString();
  private static final Map<String, String> ENV =
      Map.of("PATH", "/usr/bin:/bin", "WM_JOB_ID", "7", "PUSHMILL_TEST_MARK", MARK);

  @TempDir Path dir;

  private final ProcessLauncher launcher =
      new ProcessLauncher(
          Executables.find("setsid", "/usr/bin/setsid"),
          Duration.ofMillis(500),
          OutputLimits.DEFAULT);

  private ProcessOutcome bash(
      String script, RecordingSink sink, Cancellation cancel, Duration timeout) throws Exception {
    ProcessSpec spec =
        ProcessSpec.of(List.of(BASH.toString(), "-c", script), dir, ENV)
            .withTimeout(timeout)
            .withSession(SessionMode.SETSID_EXEC);
    return launcher.run(spec, sink, cancel);
  }

  @AfterEach
  void nothing_a_job_started_is_left_running() {
    List<Long> left = processesWith("PUSHMILL_TEST_MARK", MARK);
    left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    assertThat(left).as("processes left behind").isEmpty();
  }

  @Test
  void a_process_with_a_start_instant_starts_no_earlier() throws Exception {
    RecordingSink sink = new RecordingSink();
    Instant startAt = Instant.now().plusMillis(200);
    ProcessOutcome outcome = launcher.run(
        ProcessSpec.of(List.of(BASH.toString(), "-c", "echo ${EPOCHREALTIME/./}"), dir, ENV)
            .withStartAt(Optional.of(startAt)),
        sink, Cancellation.never());

    assertThat(outcome.succeeded()).isTrue();
    long startedMicros = Long.parseLong(sink.text().strip());
    assertThat(startedMicros).isGreaterThanOrEqualTo(
        startAt.getEpochSecond() * 1_000_000 + startAt.getNano() / 1_000);
  }

  @Test
  void the_child_gets_exactly_the_environment_it_is_given() throws Exception {
    RecordingSink sink = new RecordingSink();
    ProcessOutcome outcome =
        launcher.run(ProcessSpec.of(List.of("/usr/bin/env"), dir, ENV), sink, Cancellation.never());

    assertThat(outcome.succeeded()).isTrue();
    assertThat(sink.text().lines().sorted())
        .containsExactly("PATH=/usr/bin:/bin", "PUSHMILL_TEST_MARK=" + MARK, "WM_JOB_ID=7");
  }

  @Test
  void stdout_and_stderr_arrive_merged_in_the_order_they_were_written() throws Exception {
    RecordingSink sink = new RecordingSink();
    ProcessOutcome outcome =
        bash(
            "echo one; echo two >&2; echo three; echo four >&2; exit 3",
            sink,
            Cancellation.never(),
            Duration.ofSeconds(30));

    assertThat(sink.text()).isEqualTo("one\ntwo\nthree\nfour\n");
    assertThat(outcome).isEqualTo(new ProcessOutcome(ProcessOutcome.Ending.EXITED, 3, "four"));
  }

  @Test
  void a_timeout_ends_the_whole_tree_including_orphans_and_processes_that_ignore_sigterm()
      throws Exception {
    String script =
        """
        echo $$ > pids
        sleep 1000 & echo $! >> pids
        (sleep 1000 & echo $! >> pids)
        bash -c 'trap "" TERM; echo $$ >> pids; while true; do sleep 0.05; done' &
        echo started
        wait
        """;
    RecordingSink sink = new RecordingSink();
    ProcessOutcome outcome = bash(script, sink, Cancellation.never(), Duration.ofMillis(700));

    assertThat(outcome.ending()).isEqualTo(ProcessOutcome.Ending.TIMED_OUT);
    List<Long> pids = pids(dir.resolve("pids"));
    assertThat(pids).hasSize(4);
    assertThat(pids).allSatisfy(pid -> assertThat(ended(pid)).as("pid %d ended", pid).isTrue());
  }

  @Test
  void cancellation_ends_the_whole_tree() throws Exception {
    RecordingSink sink = new RecordingSink();
    String script = "echo $$ > pids; sleep 1000 & echo $! >> pids; echo ready; wait";
    ProcessOutcome outcome =
        bash(script, sink, () -> sink.text().contains("ready"), Duration.ofSeconds(60));

    assertThat(outcome.ending()).isEqualTo(ProcessOutcome.Ending.CANCELED);
    assertThat(pids(dir.resolve("pids")))
        .hasSize(2)
        .allSatisfy(pid -> assertThat(ended(pid)).isTrue());
  }

  @Test
  void background_processes_left_behind_by_a_finished_job_are_ended() throws Exception {
    RecordingSink sink = new RecordingSink();
    ProcessOutcome outcome =
        bash(
            "sleep 1000 & echo $! > pids; echo done",
            sink,
            Cancellation.never(),
            Duration.ofSeconds(60));

    assertThat(outcome).isEqualTo(new ProcessOutcome(ProcessOutcome.Ending.EXITED, 0, "done"));
    assertThat(pids(dir.resolve("pids"))).allSatisfy(pid -> assertThat(ended(pid)).isTrue());
  }

  @Test
  void stdin_text_reaches_the_child_and_is_closed_after() throws Exception {
    RecordingSink sink = new RecordingSink();
    ProcessOutcome outcome =
        launcher.run(
            ProcessSpec.of(List.of("/bin/cat"), dir, ENV).withStdin("héllo\n"),
            sink,
            Cancellation.never());

    assertThat(outcome.succeeded()).isTrue();
    assertThat(sink.text()).isEqualTo("héllo\n");
  }

  @Test
  void output_beyond_the_log_limit_is_dropped_with_one_notice_but_the_last_line_is_kept()
      throws Exception {
    ProcessLauncher small =
        new ProcessLauncher(java.util.Optional.empty(), Duration.ZERO, new OutputLimits(10, 100));
    RecordingSink sink = new RecordingSink();
    ProcessOutcome outcome =
        small.run(
            ProcessSpec.of(
                List.of(BASH.toString(), "-c", "echo 0123456789abc; echo last"), dir, ENV),
            sink,
            Cancellation.never());

    assertThat(sink.text())
        .isEqualTo("0123456789\n[pushmill: log truncated after 10 characters]\n");
    assertThat(outcome.lastLine()).isEqualTo("last");
  }
}
