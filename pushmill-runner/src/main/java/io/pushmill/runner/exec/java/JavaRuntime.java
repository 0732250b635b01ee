package io.pushmill.runner.exec.java;

import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LogSink;
import io.pushmill.runner.exec.RuntimeConfig;
import io.pushmill.runner.exec.ScriptAnalysis;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.exec.java.launcher.JavaJobLauncher;
import io.pushmill.runner.exec.process.JobDirectory;
import io.pushmill.runner.exec.process.ProcessLauncher;
import io.pushmill.runner.exec.process.ProcessOutcome;
import io.pushmill.runner.exec.process.ProcessSpec;
import io.pushmill.runner.exec.process.SessionMode;
import io.pushmill.runner.exec.support.JobResults;
import io.pushmill.runner.exec.support.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs {@code java} scripts: a class with {@code public static Object main(...)} and typed
 * parameters, compiled in this JVM (and cached by content hash), run in a child JVM whose launcher
 * converts the args to the declared types and writes the return value to {@code result.json}. The
 * child gets the request's environment unchanged; its output encoding is set by system properties.
 */
public final class JavaRuntime implements LanguageRuntime {
  private final Path java;
  private final List<String> options;
  private final Path cacheDir;
  private final Path jobsDir;
  private final ProcessLauncher launcher;
  private final JavaScriptCompiler compiler;
  private volatile Path launcherClasses;

  public JavaRuntime(RuntimeConfig config, ProcessLauncher launcher) {
    this.java = config.javaHome().resolve("bin").resolve("java");
    this.options = config.javaOptions();
    this.cacheDir = config.cacheDir();
    this.jobsDir = config.jobsDir();
    this.launcher = launcher;
    this.compiler = new JavaScriptCompiler(config.cacheDir());
  }

  @Override
  public Language language() {
    return Language.JAVA;
  }

  /** Compiles the script (so that a run finds it in the cache) and reads main's parameters. */
  @Override
  public ScriptAnalysis analyse(String content) throws ScriptSyntaxException {
    try {
      return new ScriptAnalysis(compiler.compiled(content).params(), List.of());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write compiled classes: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling a Java script", e);
    }
  }

  /** How many times javac ran in this runtime: for telling cache hits in tests. */
  public int compilations() {
    return compiler.compilations();
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request, LogSink logs, Cancellation cancel) {
    try (JobDirectory dir = JobDirectory.create(jobsDir, request.jobId())) {
      CompiledScript script = compiler.compiled(request.content());
      dir.write("args.json", Json.write(request.args()));
      ProcessSpec spec =
          ProcessSpec.of(command(script), dir.path(), request.environment())
              .withTimeout(request.timeout())
              .withStartAt(request.startAt())
              .withSession(SessionMode.SETSID_EXEC);
      ProcessOutcome outcome = launcher.run(spec, logs, cancel);
      return JobResults.fromWrapper(outcome, dir, request.timeout());
    } catch (ScriptSyntaxException e) {
      return JobResults.failure("CompileError", e.getMessage(), OptionalInt.empty());
    } catch (IOException | RuntimeException e) {
      return JobResults.failure("ExecutionErr", "cannot run the job: " + e, OptionalInt.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JobResults.failure("Interrupted", "the worker was interrupted", OptionalInt.empty());
    }
  }

  private List<String> command(CompiledScript script) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(options);
    command.addAll(
        List.of(
            "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8",
            "-cp",
            launcherClasses() + File.pathSeparator + script.classes(),
            JavaJobLauncher.class.getName(),
            script.className()));
    return command;
  }

  private Path launcherClasses() throws IOException, InterruptedException {
    Path dir = launcherClasses;
    if (dir == null) {
      dir = LauncherClasses.install(cacheDir);
      launcherClasses = dir;
    }
    return dir;
  }
}
