package io.pushmill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How the flags of {@code server} and {@code worker} become a process's settings. */
class ServerCommandTest {
  @TempDir Path dir;

  @Test
  void server_has_the_gateways_flags_an_api_address_and_no_worker_slots_by_default() {
    ServerCommand server = new ServerCommand();
    CommandLine cl = new CommandLine(server);
    cl.parseArgs("--data-dir", dir.toString(), "--web.listen-address",
        "127.0.0.1:9999", "--job.default-timeout", "2m");

    PushmillProcess.Settings s = server.settings();

    assertThat(s.apiListen()).containsExactly(":8000");
    assertThat(s.metricsListen()).isEmpty();
    assertThat(s.runner().build().workerSlots()).isZero();
    assertThat(s.runner().build().defaultTimeout()).hasMinutes(2);
    assertThat(s.dataDir()).isEqualTo(dir.toAbsolutePath());
    assertThat(s.runtimes()).hasSize(3);
    assertThat((List<String>) cl.getCommandSpec().findOption("--web.listen-address").getValue())
        .containsExactly("127.0.0.1:9999");
  }

  @Test
  void worker_has_four_slots_no_api_and_an_optional_metrics_listener() {
    WorkerCommand worker = new WorkerCommand();
    new CommandLine(worker).parseArgs("--data-dir", dir.toString(), "--metrics.listen-address",
        ":9100", "--worker.name", "w-7");

    PushmillProcess.Settings s = worker.settings();

    assertThat(s.apiListen()).isEmpty();
    assertThat(s.metricsListen()).containsExactly(":9100");
    assertThat(s.runner().build().workerSlots()).isEqualTo(4);
    assertThat(s.runner().build().workerName()).isEqualTo("w-7");
  }

  @Test
  void the_commands_are_registered_and_bad_flags_are_usage_errors_naming_them() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));

    int code = cl.execute("worker", "--data-dir", dir.toString(), "--worker.slots", "-1");

    assertThat(cl.getSubcommands().keySet()).containsAll(List.of("gateway", "server", "worker",
        "script", "schedule", "run", "jobs"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--worker.slots").contains("-1");
  }
}
