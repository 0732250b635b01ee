package io.pushmill.server.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.RunnerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class RunnerOptionsTest {
  /** A command with the runner's flags, as server and worker have them. */
  @Command(name = "test")
  static final class Probe implements java.util.concurrent.Callable<Integer> {
    @Mixin RunnerOptions runner;

    @Option(names = "--worker.slots", defaultValue = "4")
    int slots;

    RunnerConfig config;

    @Override
    public Integer call() {
      config = runner.config(slots, "--worker.slots", "http://localhost:8000").build();
      runner.runtimeConfig();
      return 0;
    }
  }

  record Outcome(int code, Probe probe, String err) {}

  static Outcome run(String... args) {
    Probe probe = new Probe();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(probe);
    cl.setErr(new PrintWriter(err, true));
    return new Outcome(cl.execute(args), probe, err.toString());
  }

  @Test
  void flags_reach_the_runners_configuration() {
    Outcome o = run("--data-dir", "/tmp/pm-data", "--worker.slots", "2", "--worker.name",
        "box-1", "--worker.group", "gpu", "--job.default-timeout", "90s",
        "--job.zombie-timeout", "2m", "--job.retention", "24h", "--job.shutdown-grace", "1m30s",
        "--worker.poll-interval", "250ms", "--worker.claim-ahead", "20ms",
        "--base-url", "http://api:8000");

    RunnerConfig c = o.probe().config;
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(c.dataDir()).contains(Path.of("/tmp/pm-data"));
    assertThat(c.databaseUrl()).isEmpty();
    assertThat(c.workerSlots()).isEqualTo(2);
    assertThat(c.workerName()).isEqualTo("box-1");
    assertThat(c.workerGroup()).isEqualTo("gpu");
    assertThat(c.defaultTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.zombieTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.retention()).isEqualTo(Duration.ofHours(24));
    assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.pollInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.claimAhead()).isEqualTo(Duration.ofMillis(20));
    assertThat(c.baseUrl()).isEqualTo("http://api:8000");
  }

  @Test
  void the_defaults_are_an_h2_database_in_data_and_windmills_timeouts() {
    Outcome o = run();

    RunnerConfig c = o.probe().config;
    assertThat(c.dataDir()).isEqualTo(Optional.of(Path.of("data").toAbsolutePath()));
    assertThat(c.defaultTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.zombieTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(c.claimAhead()).isEqualTo(Duration.ofMillis(50));
    assertThat(c.baseUrl()).isEqualTo("http://localhost:8000");
  }

  @Test
  void claiming_ahead_can_be_switched_off_with_zero() {
    Outcome o = run("--worker.claim-ahead", "0s");

    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.probe().config.claimAhead()).isZero();
  }

  @Test
  void a_database_url_replaces_the_embedded_database_and_is_never_shown() {
    Outcome o = run("--database-url", "jdbc:postgresql://db/pm?password=hunter2");

    assertThat(o.probe().config.databaseUrl()).contains(
        "jdbc:postgresql://db/pm?password=hunter2");
    assertThat(o.probe().config.dataDir()).isEmpty();
    assertThat(new CommandLine(new Probe()).getUsageMessage()).doesNotContain("hunter2");
  }

  static Stream<Arguments> badFlags() {
    return Stream.of(
        Arguments.of(new String[] {"--job.default-timeout", "5x"},
            "--job.default-timeout", "5x"),
        Arguments.of(new String[] {"--job.retention", "0s"}, "--job.retention", "0s"),
        Arguments.of(new String[] {"--worker.slots", "500"}, "--worker.slots", "500"),
        Arguments.of(new String[] {"--worker.claim-ahead", "2s"}, "--worker.claim-ahead", "2s"),
        Arguments.of(new String[] {"--worker.claim-ahead", "-5ms"}, "--worker.claim-ahead",
            "-5ms"),
        Arguments.of(new String[] {"--worker.slots", "many"}, "--worker.slots", "many"),
        Arguments.of(new String[] {"--worker.name", "a b"}, "--worker.name", "a b"),
        Arguments.of(new String[] {"--job.zombie-timeout", "10s"}, "--job.zombie-timeout",
            "3 × --worker.heartbeat-interval"),
        Arguments.of(new String[] {"--job.max-log-bytes", "10"}, "--job.max-log-bytes", "10"),
        Arguments.of(new String[] {"--python.interpreter", "/no/such/python"},
            "--python.interpreter", "/no/such/python"));
  }

  @ParameterizedTest
  @MethodSource("badFlags")
  void bad_values_are_usage_errors_naming_the_flag_and_the_value(String[] args, String flag,
      String value) {
    Outcome o = run(args);

    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains(flag).contains(value);
  }
}
