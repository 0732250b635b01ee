package io.pushmill.runner.bench;

import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LogSink;
import io.pushmill.runner.exec.ScriptAnalysis;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A runtime that spawns nothing and succeeds at once, so a throughput run measures the runner's
 * queue (claim, bookkeeping, completion) and not process spawning: J1's "no-op JVM jobs".
 */
final class InstantRuntime implements LanguageRuntime {
  private static final ExecutionResult DONE = new ExecutionResult(
      ExecutionResult.Outcome.SUCCESS, OptionalInt.of(0), Optional.of("null"), Optional.empty());

  private final Language language;

  private InstantRuntime(Language language) {
    this.language = language;
  }

  /** An instant runtime for every language. */
  static Map<Language, LanguageRuntime> all() {
    Map<Language, LanguageRuntime> m = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      m.put(l, new InstantRuntime(l));
    }
    return m;
  }

  @Override
  public Language language() {
    return language;
  }

  @Override
  public ScriptAnalysis analyse(String content) {
    return new ScriptAnalysis(List.of(), List.of());
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request, LogSink logs, Cancellation cancel) {
    return DONE;
  }
}
