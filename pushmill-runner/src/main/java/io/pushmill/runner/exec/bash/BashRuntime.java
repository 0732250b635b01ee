package io.pushmill.runner.exec.bash;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LogSink;
import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.RuntimeConfig;
import io.pushmill.runner.exec.ScriptAnalysis;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.exec.process.JobDirectory;
import io.pushmill.runner.exec.process.ProcessLauncher;
import io.pushmill.runner.exec.process.ProcessOutcome;
import io.pushmill.runner.exec.process.ProcessSpec;
import io.pushmill.runner.exec.process.SessionMode;
import io.pushmill.runner.exec.support.CollectingSink;
import io.pushmill.runner.exec.support.JobResults;
import io.pushmill.runner.exec.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs {@code bash} scripts as Windmill does: {@code set -e} in force (given as bash's {@code -e}
 * flag rather than a prepended line, so error line numbers match the script), args passed
 * positionally in the order of the parsed parameters (strings as they are, other JSON values as
 * JSON text, missing ones empty). The result is {@code result.json} when the script wrote one (it
 * must be valid JSON), else {@code result.out} as a string, else the last line of output.
 */
public final class BashRuntime implements LanguageRuntime {
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

  private final Path bash;
  private final Path jobsDir;
  private final ProcessLauncher launcher;

  public BashRuntime(RuntimeConfig config, ProcessLauncher launcher) {
    this.bash = config.bash();
    this.jobsDir = config.jobsDir();
    this.launcher = launcher;
  }

  @Override
  public Language language() {
    return Language.BASH;
  }

  @Override
  public ScriptAnalysis analyse(String content) throws ScriptSyntaxException {
    CollectingSink errors = new CollectingSink(64 * 1024);
    ProcessOutcome outcome;
    try {
      Files.createDirectories(jobsDir);
      outcome =
          launcher.run(
              ProcessSpec.of(List.of(bash.toString(), "-n"), jobsDir, Map.of())
                  .withTimeout(CHECK_TIMEOUT)
                  .withStdin(content),
              errors,
              Cancellation.never());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + bash + " -n: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking a bash script", e);
    }
    if (!outcome.succeeded()) {
      throw new ScriptSyntaxException(syntaxMessage(errors.text()));
    }
    return new ScriptAnalysis(BashSignature.params(content), List.of());
  }

  /** bash says {@code bash: line 3: syntax error near …}; keep the line, drop the program. */
  private static String syntaxMessage(String output) {
    String first = output.strip().lines().findFirst().orElse("syntax error");
    int cut = first.indexOf("line ");
    return "bash syntax error at " + (cut >= 0 ? first.substring(cut) : first);
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request, LogSink logs, Cancellation cancel) {
    try (JobDirectory dir = JobDirectory.create(jobsDir, request.jobId())) {
      dir.write("main.sh", request.content());
      List<String> command = new ArrayList<>(List.of(bash.toString(), "-e", "main.sh"));
      command.addAll(positional(BashSignature.params(request.content()), request));
      ProcessSpec spec =
          ProcessSpec.of(command, dir.path(), request.environment())
              .withTimeout(request.timeout())
              .withStartAt(request.startAt())
              .withSession(SessionMode.SETSID_EXEC);
      ProcessOutcome outcome = launcher.run(spec, logs, cancel);
      return result(outcome, dir, request.timeout());
    } catch (IOException | RuntimeException e) {
      return JobResults.failure("ExecutionErr", "cannot run the job: " + e, OptionalInt.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JobResults.failure("Interrupted", "the worker was interrupted", OptionalInt.empty());
    }
  }

  private static List<String> positional(List<Param> params, ExecutionRequest request) {
    List<String> args = new ArrayList<>(params.size());
    for (Param param : params) {
      JsonNode value = request.args().get(param.name());
      args.add(
          value == null || value.isNull()
              ? ""
              : value.isTextual() ? value.asText() : Json.write(value));
    }
    return args;
  }

  private static ExecutionResult result(ProcessOutcome outcome, JobDirectory dir, Duration timeout)
      throws IOException {
    if (outcome.ending() != ProcessOutcome.Ending.EXITED) {
      return JobResults.stopped(outcome, timeout);
    }
    if (outcome.exitCode() != 0) {
      return JobResults.exitFailure(outcome);
    }
    Optional<String> json = dir.read(JobResults.RESULT_FILE);
    if (json.isPresent()) {
      return JobResults.success(json.get(), outcome);
    }
    String text = dir.read("result.out").orElse(outcome.lastLine());
    return JobResults.success(Json.string(text), 0);
  }
}
