package io.pushmill.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A client command: picocli reports usage errors with exit code 2; a failure the server reports,
 * or an unreachable server, is printed as {@code error: <text>} with exit code 1.
 */
abstract class ClientCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      return execute(options.client());
    } catch (ClientException e) {
      err().println("error: " + e.getMessage());
      err().flush();
      return 1;
    }
  }

  abstract int execute(ApiClient api);

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** A JSON object given on the command line; {@code flag} names it in the error. */
  ObjectNode jsonObject(String flag, String text) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw usage("invalid " + flag + " '" + text + "': not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw usage("invalid " + flag + " '" + text + "': it must be a JSON object such as "
          + "{\"n\": 3}");
    }
    return (ObjectNode) node;
  }
}
