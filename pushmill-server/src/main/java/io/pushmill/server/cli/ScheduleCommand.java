package io.pushmill.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pushmill schedule create|enable|disable|list}. */
@Command(name = "schedule", description = "Manage schedules.", mixinStandardHelpOptions = true,
    subcommands = {ScheduleCommand.Create.class, ScheduleCommand.Enable.class,
        ScheduleCommand.Disable.class, ScheduleCommand.ListSchedules.class})
public final class ScheduleCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: create, enable, disable or list");
  }

  /** Creates a schedule that runs a script on a cron with seconds. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a schedule, e.g. --cron '*/5 * * * * *' for every 5 seconds.")
  static final class Create extends ClientCommand {
    @Option(names = "--path", required = true, paramLabel = "<path>",
        description = "The schedule's path, e.g. u/admin/every_5s.")
    String path;

    @Option(names = "--script", required = true, paramLabel = "<path>",
        description = "The script it runs.")
    String script;

    @Option(names = "--cron", required = true, paramLabel = "<cron>",
        description = "Cron with seconds first (6 fields); 5 fields mean second 0.")
    String cron;

    @Option(names = "--timezone", defaultValue = "Etc/UTC", paramLabel = "<zone>",
        description = "IANA time zone (default: ${DEFAULT-VALUE}).")
    String timezone;

    @Option(names = "--args", defaultValue = "{}", paramLabel = "<json>",
        description = "The script's args as a JSON object.")
    String args;

    @Option(names = "--disabled", description = "Create it disabled.")
    boolean disabled;

    @Option(names = "--summary", paramLabel = "<text>", description = "A one-line summary.")
    String summary;

    @Override
    int execute(ApiClient api) {
      ObjectNode body = Json.object();
      body.put("path", path).put("script_path", script).put("schedule", cron)
          .put("timezone", timezone).put("is_flow", false).put("enabled", !disabled);
      body.set("args", jsonObject("--args", args));
      if (summary != null) {
        body.put("summary", summary);
      }
      api.post("schedules/create", body);
      out().println("created schedule " + path + (disabled ? " (disabled)" : ""));
      return 0;
    }
  }

  /** {@code enable P}. */
  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a schedule.")
  static final class Enable extends ClientCommand {
    @Parameters(index = "0", paramLabel = "PATH", description = "The schedule's path.")
    String path;

    @Override
    int execute(ApiClient api) {
      return setEnabled(this, api, path, true);
    }
  }

  /** {@code disable P}: the queued run is removed, a running one finishes. */
  @Command(name = "disable", mixinStandardHelpOptions = true,
      description = "Disable a schedule; a run in progress finishes.")
  static final class Disable extends ClientCommand {
    @Parameters(index = "0", paramLabel = "PATH", description = "The schedule's path.")
    String path;

    @Override
    int execute(ApiClient api) {
      return setEnabled(this, api, path, false);
    }
  }

  private static int setEnabled(ClientCommand command, ApiClient api, String path,
      boolean enabled) {
    ObjectNode body = Json.object();
    body.put("enabled", enabled);
    api.post("schedules/setenabled/" + path, body);
    command.out().println((enabled ? "enabled" : "disabled") + " schedule " + path);
    return 0;
  }

  /** A table of the workspace's schedules. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List schedules.")
  static final class ListSchedules extends ClientCommand {
    @Override
    int execute(ApiClient api) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("PATH", "SCRIPT", "CRON", "TIMEZONE", "ENABLED"));
      for (JsonNode s : api.getJson("schedules/list?per_page=1000")) {
        rows.add(List.of(s.path("path").asText(), s.path("script_path").asText(),
            s.path("schedule").asText(), s.path("timezone").asText(),
            s.path("enabled").asText()));
      }
      Table.print(out(), rows);
      return 0;
    }
  }
}
