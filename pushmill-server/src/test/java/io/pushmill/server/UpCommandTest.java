package io.pushmill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code pushmill up}: the flags of {@code server} with defaults for one machine. */
class UpCommandTest {
  @TempDir Path dir;

  private static CommandLine parse(Object command, String... args) {
    CommandLine cl = KingpinNegation.apply(new CommandLine(command));
    cl.parseArgs(args);
    return cl;
  }

  private static Object value(CommandLine cl, String option) {
    return cl.getCommandSpec().findOption(option).getValue();
  }

  @Test
  void up_listens_on_loopback_runs_four_slots_the_demo_and_expiry_of_schedules_groups() {
    UpCommand up = new UpCommand();
    CommandLine cl = parse(up, "--data-dir", dir.toString());

    PushmillProcess.Settings s = up.server.settings(up.runner);

    assertThat(s.apiListen()).containsExactly("127.0.0.1:8000");
    assertThat(s.runner().build().workerSlots()).isEqualTo(4);
    assertThat(String.valueOf(value(cl, "--web.listen-address"))).isEqualTo("[127.0.0.1:9091]");
    assertThat(up.server.demo).isTrue();
    assertThat(up.server.scheduleTtl).isTrue();
    assertThat(up.persistenceFile()).isEqualTo(dir.toAbsolutePath().resolve("gateway.persistence"));
  }

  @Test
  void server_keeps_upstreams_defaults_no_demo_and_no_expiry() {
    ServerCommand server = new ServerCommand();
    CommandLine cl = parse(server, "--data-dir", dir.toString());

    assertThat(server.server.demo).isFalse();
    assertThat(server.server.scheduleTtl).isFalse();
    assertThat(String.valueOf(value(cl, "--web.listen-address"))).isEqualTo("[:9091]");
    assertThat(value(cl, "--persistence.file")).isEqualTo("");
    assertThat(parse(new ServerCommand(), "--demo", "--push.schedule-ttl=true")
        .getCommandSpec().findOption("--demo").<Boolean>getValue()).isTrue();
  }

  @Test
  void the_demo_and_expiry_are_turned_off_with_no_flags_and_every_default_can_be_overridden() {
    UpCommand up = new UpCommand();
    parse(up, "--data-dir", dir.toString(), "--no-demo", "--no-push.schedule-ttl",
        "--api.listen-address", "127.0.0.1:18000", "--worker.slots", "1",
        "--demo.gateway-url", "http://gw:9091");

    assertThat(up.server.demo).isFalse();
    assertThat(up.server.scheduleTtl).isFalse();
    assertThat(up.server.apiListen).containsExactly("127.0.0.1:18000");
    assertThat(up.server.slots).isEqualTo(1);
    assertThat(up.server.demoGatewayUrl).isEqualTo("http://gw:9091");
    UpCommand explicit = new UpCommand();
    parse(explicit, "--demo=false", "--push.schedule-ttl=false");
    assertThat(explicit.server.demo).isFalse();
    assertThat(explicit.server.scheduleTtl).isFalse();
  }

  @Test
  void up_takes_every_flag_of_server() {
    Set<String> server = names(new CommandLine(new ServerCommand()));
    Set<String> up = names(new CommandLine(new UpCommand()));

    assertThat(server).contains("--demo", "--push.schedule-ttl", "--data-dir", "--database-url",
        "--web.listen-address", "--api.listen-address", "--persistence.file");
    assertThat(up).containsAll(server);
  }

  @Test
  void up_is_registered_and_its_help_shows_its_own_defaults() {
    CommandLine main = Main.commandLine();
    String help = main.getSubcommands().get("up").getUsageMessage(CommandLine.Help.Ansi.OFF);

    assertThat(main.getSubcommands()).containsKey("up");
    assertThat(help).contains("Default: 127.0.0.1:9091", "Default: 127.0.0.1:8000");
  }

  private static Set<String> names(CommandLine cl) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec o : cl.getCommandSpec().options()) {
      names.add(o.longestName());
    }
    return names;
  }
}
