package io.pushmill.runner.exec.python;

import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LogSink;
import io.pushmill.runner.exec.RuntimeConfig;
import io.pushmill.runner.exec.ScriptAnalysis;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.exec.process.JobDirectory;
import io.pushmill.runner.exec.process.ProcessLauncher;
import io.pushmill.runner.exec.process.ProcessOutcome;
import io.pushmill.runner.exec.process.ProcessSpec;
import io.pushmill.runner.exec.process.SessionMode;
import io.pushmill.runner.exec.support.ContentHash;
import io.pushmill.runner.exec.support.JobResults;
import io.pushmill.runner.exec.support.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs {@code python3} scripts as Windmill does: the script becomes a module, a wrapper calls its
 * {@code main(**args)} with the job's args and writes the return value as JSON to {@code
 * result.json} (see {@link PythonWrapper}). A script with third-party requirements runs in its
 * virtual environment; one without runs on the base interpreter. The child gets the request's
 * environment unchanged: unbuffered output comes from the {@code -u} flag, not from a variable.
 */
public final class PythonRuntime implements LanguageRuntime {
  static final String MODULE_FILE = "pushmill_script.py";

  private final Path interpreter;
  private final Path jobsDir;
  private final ProcessLauncher launcher;
  private final PythonAnalyser analyser;
  private final PythonEnvironments environments;
  private final PythonWrapper wrapper;

  public PythonRuntime(RuntimeConfig config, ProcessLauncher launcher) {
    this.interpreter = config.pythonInterpreter();
    this.jobsDir = config.jobsDir();
    this.launcher = launcher;
    this.analyser =
        new PythonAnalyser(interpreter, config.cacheDir(), config.installEnvironment(), launcher);
    this.environments =
        new PythonEnvironments(
            interpreter,
            config.cacheDir(),
            config.installEnvironment(),
            config.installTimeout(),
            launcher);
    this.wrapper =
        new PythonWrapper(interpreter, config.cacheDir(), config.installEnvironment(), launcher);
  }

  @Override
  public Language language() {
    return Language.PYTHON3;
  }

  @Override
  public ScriptAnalysis analyse(String content) throws ScriptSyntaxException {
    return analyser.analyse(content).analysis();
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request, LogSink logs, Cancellation cancel) {
    try {
      PythonScript script = analyser.analyse(request.content());
      Path python =
          script.requirements().isEmpty()
              ? interpreter
              : environments.interpreterFor(script.requirements(), logs, cancel);
      return run(request, python, logs, cancel);
    } catch (ScriptSyntaxException e) {
      return JobResults.failure("SyntaxError", e.getMessage(), OptionalInt.empty());
    } catch (PythonEnvironmentException e) {
      if (cancel.requested()) {
        return JobResults.canceled();
      }
      logs.append("pushmill: " + e.getMessage() + "\n");
      return JobResults.failure("DependencyError", e.getMessage(), OptionalInt.empty());
    } catch (IOException | RuntimeException e) {
      return JobResults.failure("ExecutionErr", "cannot run the job: " + e, OptionalInt.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JobResults.failure("Interrupted", "the worker was interrupted", OptionalInt.empty());
    }
  }

  private ExecutionResult run(
      ExecutionRequest request, Path python, LogSink logs, Cancellation cancel)
      throws IOException, InterruptedException {
    try (JobDirectory dir = JobDirectory.create(jobsDir, request.jobId())) {
      dir.write(MODULE_FILE, request.content());
      dir.write("args.json", Json.write(request.args()));
      List<String> command =
          List.of(
              python.toString(),
              "-u",
              wrapper.compiled().toString(),
              ContentHash.of(request.content()),
              wrapper.codeDir().toString());
      ProcessSpec spec =
          ProcessSpec.of(command, dir.path(), request.environment())
              .withTimeout(request.timeout())
              .withStartAt(request.startAt())
              .withSession(SessionMode.CHILD_CALLS_SETSID);
      ProcessOutcome outcome = launcher.run(spec, logs, cancel);
      return JobResults.fromWrapper(outcome, dir, request.timeout());
    }
  }
}
