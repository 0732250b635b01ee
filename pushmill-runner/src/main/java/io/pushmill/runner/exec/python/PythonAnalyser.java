package io.pushmill.runner.exec.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.ParamType;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.exec.process.ProcessLauncher;
import io.pushmill.runner.exec.process.ProcessOutcome;
import io.pushmill.runner.exec.process.ProcessSpec;
import io.pushmill.runner.exec.support.CollectingSink;
import io.pushmill.runner.exec.support.ContentHash;
import io.pushmill.runner.exec.support.Json;
import io.pushmill.runner.exec.support.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Analyses Python scripts with the interpreter's own {@code ast} module (run once per distinct
 * source, then remembered): the syntax, main's parameters with their types and defaults, and the
 * requirements. A script's analysis is needed again at each run to pick its environment, so the
 * cache saves a process start per job.
 */
final class PythonAnalyser {
  private static final String SCRIPT = Resources.text(PythonAnalyser.class, "analyse.py");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int CACHE_LIMIT = 1024;

  private final Path interpreter;
  private final Path workDir;
  private final Map<String, String> environment;
  private final ProcessLauncher launcher;
  private final Map<String, PythonScript> known = new ConcurrentHashMap<>();

  PythonAnalyser(
      Path interpreter, Path workDir, Map<String, String> environment, ProcessLauncher launcher) {
    this.interpreter = interpreter;
    this.workDir = workDir;
    this.environment = environment;
    this.launcher = launcher;
  }

  PythonScript analyse(String source) throws ScriptSyntaxException {
    String key = ContentHash.of(source);
    PythonScript script = known.get(key);
    if (script == null) {
      script = run(source);
      if (known.size() >= CACHE_LIMIT) {
        known.clear();
      }
      known.put(key, script);
    }
    return script;
  }

  private PythonScript run(String source) throws ScriptSyntaxException {
    CollectingSink out = new CollectingSink(1 << 20);
    ProcessOutcome outcome;
    try {
      Files.createDirectories(workDir);
      List<String> command = List.of(interpreter.toString(), "-I", "-W", "ignore", "-c", SCRIPT);
      outcome =
          launcher.run(
              ProcessSpec.of(command, workDir, environment).withTimeout(TIMEOUT).withStdin(source),
              out,
              Cancellation.never());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run the Python analyser with " + interpreter, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while analysing a Python script", e);
    }
    String text = out.text().strip();
    String last = text.substring(text.lastIndexOf('\n') + 1);
    JsonNode result =
        Json.parse(last)
            .filter(n -> outcome.succeeded())
            .orElseThrow(
                () ->
                    new IllegalStateException("the Python analyser failed: " + out.text().strip()));
    return parse(source, result);
  }

  private static PythonScript parse(String source, JsonNode result) throws ScriptSyntaxException {
    JsonNode error = result.path("error");
    if (error.isObject()) {
      throw new ScriptSyntaxException(errorMessage(error));
    }
    List<Param> params = new ArrayList<>();
    for (JsonNode p : result.path("params")) {
      Optional<JsonNode> defaultValue = Optional.ofNullable(p.get("default"));
      params.add(new Param(p.path("name").asText(), type(p.path("type").asText()), defaultValue));
    }
    List<String> imports = new ArrayList<>();
    result.path("imports").forEach(i -> imports.add(i.asText()));
    return new PythonScript(params, Requirements.of(source, imports));
  }

  private static String errorMessage(JsonNode error) {
    if (!"syntax".equals(error.path("kind").asText())) {
      return error.path("message").asText();
    }
    StringBuilder message = new StringBuilder("python syntax error");
    if (error.hasNonNull("line")) {
      message.append(" at line ").append(error.get("line").asInt());
      if (error.hasNonNull("column")) {
        message.append(", column ").append(error.get("column").asInt());
      }
    }
    return message.append(": ").append(error.path("message").asText()).toString();
  }

  private static ParamType type(String jsonName) {
    return Arrays.stream(ParamType.values())
        .filter(t -> t.jsonName().equals(jsonName))
        .findFirst()
        .orElse(ParamType.ANY);
  }
}
