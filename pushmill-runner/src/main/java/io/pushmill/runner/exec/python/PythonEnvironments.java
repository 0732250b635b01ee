package io.pushmill.runner.exec.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.LogSink;
import io.pushmill.runner.exec.process.JobDirectory;
import io.pushmill.runner.exec.process.ProcessLauncher;
import io.pushmill.runner.exec.process.ProcessOutcome;
import io.pushmill.runner.exec.process.ProcessSpec;
import io.pushmill.runner.exec.process.SessionMode;
import io.pushmill.runner.exec.support.CacheLock;
import io.pushmill.runner.exec.support.CollectingSink;
import io.pushmill.runner.exec.support.ContentHash;
import io.pushmill.runner.exec.support.Json;
import io.pushmill.runner.exec.support.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One virtual environment per set of requirements, keyed by a hash of the interpreter and the
 * sorted requirements, created once with {@code --system-site-packages} (so packages the system
 * already has, such as Debian's {@code python3-prometheus-client}, need no download) and then
 * reused by every job and every runner process sharing the cache directory.
 *
 * <p>Creation holds a {@link CacheLock} and builds the environment in place (a venv records its own
 * path, so it cannot be renamed into place); a marker file written last tells a complete one from
 * one a crash left half made, which is rebuilt.
 */
final class PythonEnvironments {
  private static final String CHECK =
      Resources.text(PythonEnvironments.class, "check_requirements.py");
  private static final String READY = ".pushmill-ready";

  private final Path base;
  private final Path root;
  private final Map<String, String> environment;
  private final Duration timeout;
  private final ProcessLauncher launcher;
  private final Map<String, Path> ready = new ConcurrentHashMap<>();
  private volatile Boolean basePip;

  PythonEnvironments(
      Path base,
      Path cacheDir,
      Map<String, String> installEnvironment,
      Duration timeout,
      ProcessLauncher launcher) {
    this.base = base;
    this.root = cacheDir.resolve("python").resolve("venvs");
    Map<String, String> env = new HashMap<>(installEnvironment);
    env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    env.put("PIP_NO_INPUT", "1");
    this.environment = Map.copyOf(env);
    this.timeout = timeout;
    this.launcher = launcher;
  }

  /** The interpreter of the environment for these requirements, created when missing. */
  Path interpreterFor(List<PythonRequirement> requirements, LogSink log, Cancellation cancel)
      throws IOException, InterruptedException {
    String key = key(requirements);
    Path known = ready.get(key);
    if (known != null) {
      return known;
    }
    Path dir = root.resolve(key);
    Path python = dir.resolve("bin").resolve("python3");
    if (!Files.exists(dir.resolve(READY))) {
      CacheLock.holding(
          root.resolve(key + ".lock"),
          () -> {
            if (!Files.exists(dir.resolve(READY))) {
              build(dir, python, requirements, log, cancel);
            }
            return null;
          });
    }
    ready.put(key, python);
    return python;
  }

  private String key(List<PythonRequirement> requirements) {
    List<String> parts = new ArrayList<>();
    parts.add(base.toString());
    requirements.stream()
        .map(r -> r.spec() + "|" + r.module().orElse(""))
        .sorted()
        .forEach(parts::add);
    return ContentHash.of(parts.toArray(String[]::new)).substring(0, 20);
  }

  private void build(
      Path dir, Path python, List<PythonRequirement> requirements, LogSink log, Cancellation cancel)
      throws IOException, InterruptedException {
    List<String> specs = requirements.stream().map(PythonRequirement::spec).toList();
    log.append("pushmill: creating the virtual environment for " + String.join(" ", specs) + "\n");
    JobDirectory.deleteTree(dir);
    run(
        "create the virtual environment",
        spec(
            List.of(
                base.toString(),
                "-m",
                "venv",
                "--system-site-packages",
                "--without-pip",
                dir.toString())),
        log,
        cancel);
    List<String> missing = missing(python, requirements, cancel);
    if (!missing.isEmpty()) {
      log.append("pushmill: installing " + String.join(" ", missing) + "\n");
      install(python, missing, log, cancel);
    }
    Files.writeString(dir.resolve(READY), String.join("\n", specs) + "\n");
  }

  private List<String> missing(
      Path python, List<PythonRequirement> requirements, Cancellation cancel)
      throws IOException, InterruptedException {
    ArrayNode input = Json.MAPPER.createArrayNode();
    for (PythonRequirement r : requirements) {
      input.addObject().put("spec", r.spec()).put("module", r.module().orElse(null));
    }
    String out =
        run(
            "check the requirements",
            spec(List.of(python.toString(), "-I", "-c", CHECK)).withStdin(Json.write(input)),
            t -> {},
            cancel);
    String last = out.strip().substring(out.strip().lastIndexOf('\n') + 1);
    JsonNode list =
        Json.parse(last)
            .filter(JsonNode::isArray)
            .orElseThrow(
                () ->
                    new PythonEnvironmentException("the requirement check failed: " + out.strip()));
    List<String> missing = new ArrayList<>();
    list.forEach(n -> missing.add(n.asText()));
    return missing;
  }

  private void install(Path python, List<String> specs, LogSink log, Cancellation cancel)
      throws IOException, InterruptedException {
    List<String> pip = new ArrayList<>();
    if (basePipWorks(cancel)) {
      pip.addAll(List.of(base.toString(), "-m", "pip", "--python", python.toString()));
    } else {
      run(
          "bootstrap pip",
          spec(List.of(python.toString(), "-m", "ensurepip", "--default-pip")),
          log,
          cancel);
      pip.addAll(List.of(python.toString(), "-m", "pip"));
    }
    pip.addAll(
        List.of(
            "install",
            "--disable-pip-version-check",
            "--no-input",
            "--retries",
            "1",
            "--timeout",
            "15"));
    pip.addAll(specs);
    CollectingSink output = new CollectingSink(1 << 20, log);
    ProcessOutcome outcome = launch(spec(pip), output, cancel);
    if (!outcome.succeeded()) {
      throw new PythonEnvironmentException(PipFailure.message(specs, output.text()));
    }
  }

  private boolean basePipWorks(Cancellation cancel) throws IOException, InterruptedException {
    if (basePip == null) {
      basePip =
          launch(spec(List.of(base.toString(), "-m", "pip", "--version")), t -> {}, cancel)
              .succeeded();
    }
    return basePip;
  }

  private String run(String what, ProcessSpec spec, LogSink log, Cancellation cancel)
      throws IOException, InterruptedException {
    CollectingSink output = new CollectingSink(1 << 20, log);
    ProcessOutcome outcome = launch(spec, output, cancel);
    if (!outcome.succeeded()) {
      throw new PythonEnvironmentException(
          "cannot " + what + " with " + base + ": " + output.text().strip());
    }
    return output.text();
  }

  /** A helper process in the cache directory, with the install environment and timeout. */
  private ProcessSpec spec(List<String> command) {
    return ProcessSpec.of(command, root, environment)
        .withTimeout(timeout)
        .withSession(SessionMode.SETSID_EXEC);
  }

  private ProcessOutcome launch(ProcessSpec spec, LogSink sink, Cancellation cancel)
      throws IOException, InterruptedException {
    Files.createDirectories(root);
    ProcessOutcome outcome = launcher.run(spec, sink, cancel);
    if (outcome.ending() != ProcessOutcome.Ending.EXITED) {
      throw new PythonEnvironmentException(
          "preparing the virtual environment was "
              + (outcome.ending() == ProcessOutcome.Ending.CANCELED
                  ? "canceled"
                  : "stopped after " + timeout));
    }
    return outcome;
  }
}
