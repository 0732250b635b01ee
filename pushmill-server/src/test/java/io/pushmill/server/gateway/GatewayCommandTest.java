package io.pushmill.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.history.HistoryOptions;
import io.pushmill.gateway.http.GatewayOptions;
import io.pushmill.server.KingpinNegation;
import io.pushmill.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code pushmill gateway}'s flags: upstream's names, defaults and syntax (spec §5). */
class GatewayCommandTest {

  private static GatewayCommand parse(String... args) {
    GatewayCommand command = new GatewayCommand();
    KingpinNegation.apply(new CommandLine(command)).parseArgs(args);
    return command;
  }

  /** Runs the whole command line; returns {exit code, stdout, stderr}. */
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void defaults_are_upstreams() {
    GatewayCommand c = parse();
    GatewayOptions o = c.options();

    assertThat(o.listenAddresses()).containsExactly(":9091");
    assertThat(o.telemetryPath()).isEqualTo("/metrics");
    assertThat(o.externalUrl()).isEmpty();
    assertThat(o.effectiveRoutePrefix()).isEmpty();
    assertThat(o.enableAdminApi()).isFalse();
    assertThat(o.enableLifecycle()).isFalse();
    assertThat(o.consistencyCheck()).isTrue();
    assertThat(o.utf8Names()).isFalse();
    assertThat(o.maxBodySize()).isEqualTo(64L << 20);
    assertThat(o.webConfigFile()).isEmpty();
    assertThat(c.persistenceFile()).isEmpty();
    assertThat(c.persistenceInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.defaultTtl()).isZero();
    assertThat(c.historyOptions()).isEqualTo(HistoryOptions.defaults());
  }

  @Test
  void expiry_and_history_flags_set_the_default_ttl_and_the_history_bounds() {
    GatewayCommand c =
        parse(
            "--push.default-ttl=1m30s",
            "--history.max-samples-per-series=100",
            "--history.retention=2h",
            "--history.max-bytes=8MiB");

    assertThat(c.defaultTtl()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.historyOptions())
        .isEqualTo(new HistoryOptions(100, Duration.ofHours(2), 8L << 20));
    assertThat(c.flags())
        .containsEntry("push.default-ttl", "1m30s")
        .containsEntry("history.max-samples-per-series", "100")
        .containsEntry("history.retention", "2h0m0s")
        .containsEntry("history.max-bytes", "8MiB");
    assertThat(parse("--history.max-samples-per-series=0").historyOptions().enabled()).isFalse();
  }

  @Test
  void flags_are_reported_as_upstreams_status_page_shows_them() {
    assertThat(parse().flags())
        .isEqualTo(
            Map.ofEntries(
                Map.entry("web.listen-address", ":9091"),
                Map.entry("web.systemd-socket", "false"),
                Map.entry("web.config.file", ""),
                Map.entry("web.telemetry-path", "/metrics"),
                Map.entry("web.external-url", ""),
                Map.entry("web.route-prefix", ""),
                Map.entry("web.enable-lifecycle", "false"),
                Map.entry("web.enable-admin-api", "false"),
                Map.entry("persistence.file", ""),
                Map.entry("persistence.interval", "5m0s"),
                Map.entry("persistence.refuse-corrupt", "false"),
                Map.entry("push.disable-consistency-check", "false"),
                Map.entry("push.enable-utf8-names", "false"),
                Map.entry("push.max-body-size", "64MiB"),
                Map.entry("push.default-ttl", "0s"),
                Map.entry("history.max-samples-per-series", "4096"),
                Map.entry("history.retention", "24h0m0s"),
                Map.entry("history.max-bytes", "64MiB"),
                Map.entry("log.level", "info"),
                Map.entry("log.format", "logfmt")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "1, --web.enable-admin-api, true",
    "2, --web.enable-admin-api=true, true",
    "3, --web.enable-admin-api=false, false",
    "4, --no-web.enable-admin-api, false",
    "5, '', false",
  })
  void booleans_take_kingpins_forms(int n, String arg, boolean expected) {
    GatewayCommand c = arg.isEmpty() ? parse() : parse(arg);

    assertThat(c.options().enableAdminApi()).isEqualTo(expected);
    assertThat(c.flags()).containsEntry("web.enable-admin-api", String.valueOf(expected));
  }

  @Test
  void given_values_replace_the_defaults() {
    GatewayCommand c =
        parse(
            "--web.listen-address=127.0.0.1:9191",
            "--web.listen-address",
            "[::1]:9192",
            "--persistence.interval=1h30m",
            "--persistence.file=/var/lib/pm/gw.data",
            "--push.max-body-size=1GiB",
            "--web.external-url=http://gw.example/pgw/",
            "--web.telemetry-path=/scrape",
            "--push.disable-consistency-check",
            "--push.enable-utf8-names",
            "--web.config.file=/etc/web.yml",
            "--log.level=DEBUG",
            "--log.format=json");

    GatewayOptions o = c.options();
    assertThat(o.listenAddresses()).containsExactly("127.0.0.1:9191", "[::1]:9192");
    assertThat(o.effectiveRoutePrefix()).isEqualTo("/pgw");
    assertThat(o.externalUrl()).contains(URI.create("http://gw.example/pgw/"));
    assertThat(o.consistencyCheck()).isFalse();
    assertThat(o.utf8Names()).isTrue();
    assertThat(o.maxBodySize()).isEqualTo(1L << 30);
    assertThat(o.webConfigFile()).contains(Path.of("/etc/web.yml"));
    assertThat(c.persistenceFile()).contains(Path.of("/var/lib/pm/gw.data"));
    assertThat(c.flags())
        .containsEntry("web.listen-address", "127.0.0.1:9191,[::1]:9192")
        .containsEntry("persistence.interval", "1h30m0s")
        .containsEntry("push.max-body-size", "1GiB")
        .containsEntry("log.level", "debug")
        .containsEntry("web.external-url", "http://gw.example/pgw/");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | --persistence.interval=abc | Invalid value for option '--persistence.interval': time:"
            + " invalid duration \"abc\"",
        "2 | --persistence.interval=0s | Invalid value for option '--persistence.interval': \"0s\""
            + " is not a positive duration",
        "3 | --log.level=loud | Invalid value for option '--log.level': unrecognized log level"
            + " loud",
        "4 | --log.format=xml | Invalid value for option '--log.format': unrecognized log format"
            + " xml",
        "5 | --push.max-body-size=lots | Invalid value for option '--push.max-body-size': \"lots\""
            + " is not a size",
        "6 | --web.external-url=http://bad url | Invalid value for option '--web.external-url':"
            + " \"http://bad url\" is not a URL",
        "7 | --web.enable-admin-api=maybe | Invalid value for option '--web.enable-admin-api':"
            + " 'maybe' is not a boolean",
        "8 | --no-such-flag | Unknown option: '--no-such-flag'",
        "9 | --web.systemd-socket | --web.systemd-socket: socket activation is not supported",
        "10 | --push.default-ttl=-1m | Invalid value for option '--push.default-ttl': \"-1m\" is a"
            + " negative duration",
        "11 | --history.max-samples-per-series=-1 | Invalid value for option"
            + " '--history.max-samples-per-series': \"-1\" is not a count of 0 or more",
        "12 | --history.retention=0s | Invalid value for option '--history.retention': \"0s\" is"
            + " not a positive duration",
      })
  void bad_values_exit_2_naming_the_flag_and_value(int n, String arg, String message) {
    String[] r = run("gateway", arg);

    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains(message);
  }

  @Test
  void version_goes_to_stdout() {
    String[] r = run("gateway", "--version");

    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).startsWith("pushmill, version ").contains("  java version:     java");
    assertThat(run("--version")[1]).startsWith("pushmill, version ");
  }

  @Test
  void help_lists_every_flag() {
    String[] r = run("gateway", "-h");

    assertThat(r[0]).isEqualTo("0");
    for (String flag :
        List.of(
            "--web.listen-address=",
            "--web.config.file=",
            "--web.telemetry-path=",
            "--web.external-url=",
            "--web.route-prefix=",
            "--[no-]web.enable-lifecycle",
            "--[no-]web.enable-admin-api",
            "--persistence.file=",
            "--persistence.interval=",
            "--[no-]push.disable-consistency-check",
            "--[no-]push.enable-utf8-names",
            "--push.max-body-size=",
            "--[no-]persistence.refuse-corrupt",
            "--push.default-ttl=",
            "--history.max-samples-per-series=",
            "--history.retention=",
            "--history.max-bytes=",
            "--log.level=",
            "--log.format=",
            "--version")) {
      assertThat(r[1]).contains(flag);
    }
    assertThat(r[1]).contains("Default: :9091").contains("Default: 5m").contains("Default: 64MiB");
  }

  @Test
  void pushmill_without_a_subcommand_is_a_usage_error() {
    String[] r = run();

    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("Missing subcommand");
  }

  @Test
  void the_route_prefix_flag_wins_over_the_external_url() {
    GatewayOptions o =
        parse("--web.external-url=http://x/ext", "--web.route-prefix=inner/").options();

    assertThat(o.effectiveRoutePrefix()).isEqualTo("/inner");
    assertThat(o.externalPathPrefix()).isEqualTo("/ext");
    assertThat(parse("--web.route-prefix=/").options().effectiveRoutePrefix()).isEmpty();
    assertThat(parse().options().externalPathPrefix()).isEqualTo(".");
    assertThat(Optional.of(1)).isPresent();
  }
}
