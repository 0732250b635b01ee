package io.pushmill.server;

import io.pushmill.gateway.http.gocompat.GoDuration;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.server.api.auth.AdminToken;
import io.pushmill.server.demo.TutorialDemo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code pushmill up} prints once everything serves: the URLs, where the admin token is, the
 * demo, expiry, commands to try, and how to stop.
 */
final class UpSummary {
  private final PrintWriter out;
  private final Path dataDir;
  private final String routePrefix;
  private final Map<String, String> env;

  UpSummary(PrintWriter out, Path dataDir, String routePrefix, Map<String, String> env) {
    this.out = out;
    this.dataDir = dataDir;
    this.routePrefix = routePrefix;
    this.env = env;
  }

  void print(ServerOptions.Ready ready) {
    String gateway = PushmillProcess.baseUrl(ready.running().gateway().uris().getFirst())
        + routePrefix;
    String api = ready.running().process().apiUrl().map(PushmillProcess::baseUrl).orElse("");
    RunnerConfig config = ready.running().process().stack().runner().config();
    List<String[]> urls = List.of(
        new String[] {"Gateway", gateway + "/", "its web page; jobs push to /metrics/job/..."},
        new String[] {"", gateway + "/metrics", "what Prometheus scrapes"},
        new String[] {"", gateway + "/api/v1/metrics", "the pushed groups as JSON"},
        new String[] {"Web UI", api + "/", "log in with the admin token; see docs/ui.md"},
        new String[] {"API", api + "/api/version", "Windmill's API shapes, see docs/api.md"});
    int width = urls.stream().mapToInt(u -> u[1].length()).max().orElse(0);
    StringBuilder s = new StringBuilder("\nPushmill is up. Data: ").append(dataDir).append("\n\n");
    for (String[] u : urls) {
      s.append(String.format("  %-13s %-" + width + "s   %s%n", u[0], u[1], u[2]));
    }
    row(s, "Admin token", tokenSource());
    ready.demo().ifPresent(d -> row(s, "Demo", demo(d)));
    row(s, "Expiry", expiry(ready));
    s.append("\n  Try:  ").append(String.join("\n        ", tryCommands(gateway, api)))
        .append("\n\nStop with Ctrl-C: running jobs get ")
        .append(GoDuration.format(config.shutdownGrace()))
        .append(" to finish, then the gateway saves its groups.\n");
    out.print(s);
    out.flush();
  }

  /** A row whose text wraps at about 80 columns, continuation lines under the text. */
  private static void row(StringBuilder s, String name, String text) {
    StringBuilder line = new StringBuilder(String.format("  %-13s ", name));
    int indent = line.length();
    int start = line.length();
    for (String word : text.split(" ")) {
      if (line.length() > start && line.length() + 1 + word.length() > 96) {
        s.append(line).append('\n');
        line = new StringBuilder(" ".repeat(indent));
        start = line.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    s.append(line).append('\n');
  }

  private String tokenSource() {
    String fromEnv = env.get(AdminToken.ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return "from the environment variable " + AdminToken.ENV;
    }
    return "in the file " + dataDir.resolve(AdminToken.FILE_NAME);
  }

  private static String demo(TutorialDemo.Installed d) {
    return TutorialDemo.SCRIPT + " runs every 5 s (schedule " + TutorialDemo.SCHEDULE + ": "
        + (d.scheduleCreated() ? "created now" : "already there") + ", "
        + (d.scheduleEnabled() ? "enabled" : "disabled") + ") and pushes to "
        + d.gatewayAddress();
  }

  private static String expiry(ServerOptions.Ready ready) {
    if (ready.ttlPolicy().isEmpty()) {
      return "off: pushed groups stay until deleted, as in the Pushgateway";
    }
    Optional<Duration> demoTtl = Optional.ofNullable(
        ready.ttlPolicy().get().ttls().get(TutorialDemo.SCRIPT.value()));
    return "a group pushed by a schedule's job expires 2 × interval + timeout after its last push"
        + demoTtl.map(t -> " (the demo's: " + GoDuration.format(t) + ")").orElse("")
        + "; --no-push.schedule-ttl turns it off";
  }

  private List<String> tryCommands(String gateway, String api) {
    List<String> flags = new ArrayList<>();
    if (!api.equals("http://127.0.0.1:8000")) {
      flags.add("--url " + api);
    }
    String fromEnv = env.get(AdminToken.ENV);
    boolean tokenInEnv = fromEnv != null && !fromEnv.isBlank();
    if (!tokenInEnv && !dataDir.equals(Path.of("data").toAbsolutePath())) {
      flags.add("--data-dir " + dataDir);
    }
    String cli = "bin/pushmill jobs list --script " + TutorialDemo.SCRIPT
        + (flags.isEmpty() ? "" : " " + String.join(" ", flags));
    List<String> commands = new ArrayList<>();
    commands.add((tokenInEnv ? "PUSHMILL_TOKEN=$" + AdminToken.ENV + " " : "") + cli);
    commands.add("curl -s " + gateway + "/metrics | grep job_records_processed");
    return commands;
  }
}
