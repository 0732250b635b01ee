package io.pushmill.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pushmill jobs list [--script P] [--schedule S] [--limit N]} and {@code jobs logs ID}. */
@Command(name = "jobs", description = "List jobs and read their logs.",
    mixinStandardHelpOptions = true, subcommands = {JobsCommand.ListJobs.class,
        JobsCommand.Logs.class})
public final class JobsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: list or logs");
  }

  /** The newest jobs first. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List jobs, newest first.")
  static final class ListJobs extends ClientCommand {
    @Option(names = "--script", paramLabel = "<path>", description = "Only runs of this script.")
    String script;

    @Option(names = "--schedule", paramLabel = "<path>",
        description = "Only runs of this schedule.")
    String schedule;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "<n>",
        description = "At most this many (default: ${DEFAULT-VALUE}, at most 1000).")
    int limit;

    @Override
    int execute(ApiClient api) {
      if (limit < 1 || limit > 1000) {
        throw usage("invalid --limit " + limit + ": give 1 to 1000");
      }
      StringBuilder route = new StringBuilder("jobs/list?per_page=" + limit);
      if (script != null) {
        route.append("&script_path_exact=").append(script);
      }
      if (schedule != null) {
        route.append("&schedule_path=").append(schedule);
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("ID", "STATUS", "SCRIPT", "SCHEDULE", "CREATED", "DURATION"));
      for (JsonNode j : api.getJson(route.toString())) {
        rows.add(List.of(j.path("id").asText(), status(j), j.path("script_path").asText(),
            j.path("schedule_path").asText("-"), j.path("created_at").asText(),
            j.has("duration_ms") ? j.path("duration_ms").asLong() + " ms" : "-"));
      }
      Table.print(out(), rows);
      return 0;
    }

    private static String status(JsonNode j) {
      if (j.has("state")) {
        return j.path("state").asText();
      }
      if (j.path("type").asText().equals("CompletedJob")) {
        return j.path("canceled").asBoolean() ? "canceled"
            : j.path("success").asBoolean() ? "success" : "failure";
      }
      return j.path("running").asBoolean() ? "running" : "queued";
    }
  }

  /** A job's whole log as it is stored. */
  @Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a job's log.")
  static final class Logs extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
    String id;

    @Override
    int execute(ApiClient api) {
      out().print(api.getText("jobs_u/get_logs/" + id));
      out().flush();
      return 0;
    }
  }
}
