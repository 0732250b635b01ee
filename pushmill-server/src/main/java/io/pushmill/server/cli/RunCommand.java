package io.pushmill.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.model.Json;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pushmill run P [--args JSON] [--wait]}: queues a run and prints its id; with
 * {@code --wait}, streams the log as it arrives, prints the result, and exits 1 if the job failed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a script now; with --wait, follow its log and print its result.")
public final class RunCommand extends ClientCommand {
  private static final Duration POLL = Duration.ofMillis(100);

  @Parameters(index = "0", paramLabel = "PATH", description = "The script's path.")
  String path;

  @Option(names = "--args", defaultValue = "{}", paramLabel = "<json>",
      description = "The script's args as a JSON object, e.g. '{\"n\": 3}'.")
  String args;

  @Option(names = "--wait", description = "Wait for the end: print the log and the result.")
  boolean wait;

  @Override
  int execute(ApiClient api) {
    String id = api.post("jobs/run/p/" + path, jsonObject("--args", args)).strip();
    if (!wait) {
      out().println(id);
      return 0;
    }
    err().println("job " + id + " queued");
    err().flush();
    long offset = follow(api, id);
    JsonNode done = api.getJson("jobs_u/completed/get/" + id);
    String logs = done.path("logs").asText();
    if (logs.length() > offset) {
      out().print(logs.substring((int) offset));
    }
    out().println(Json.write(done.path("result")));
    out().flush();
    if (done.path("success").asBoolean()) {
      return 0;
    }
    err().println("error: job " + id + " " + done.path("state").asText("failed") + ": "
        + done.at("/result/error/message").asText("no message"));
    return 1;
  }

  /** Prints new log text until the job has completed; answers the offset printed up to. */
  private long follow(ApiClient api, String id) {
    long offset = 0;
    while (true) {
      JsonNode u = api.getJson("jobs_u/getupdate/" + id + "?log_offset=" + offset);
      String text = u.path("new_logs").asText();
      out().print(text);
      out().flush();
      offset = u.path("log_offset").asLong(offset);
      if (u.path("completed").asBoolean()) {
        return offset;
      }
      if (text.isEmpty()) {
        sleep();
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException("interrupted while waiting for the job");
    }
  }
}
