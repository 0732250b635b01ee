package io.pushmill.runner.exec;

/**
 * Analyses and runs scripts of one language, each run as a child process in a temp dir of its own.
 * Implementations are thread-safe: a worker runs several jobs at once.
 */
public interface LanguageRuntime {
  Language language();

  /** Checks the syntax and reads the entry point's parameters, without running the script. */
  ScriptAnalysis analyse(String content) throws ScriptSyntaxException;

  /** Runs the script to its end, its timeout, or its cancellation; never throws for a job's failure. */
  ExecutionResult execute(ExecutionRequest request, LogSink logs, Cancellation cancellation);
}
