package io.pushmill.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.ExecutionResult.Outcome;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LogSink;
import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.ParamType;
import io.pushmill.runner.exec.ScriptAnalysis;
import io.pushmill.runner.exec.support.JobResults;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.model.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A language runtime driven by directives in the script, one per line, so tests say what a job
 * does without spawning a process:
 * <pre>
 * # param NAME TYPE [DEFAULT-JSON]   a parameter of main (TYPE: string, integer, number, …, any)
 * # syntax-error MESSAGE             analysis fails
 * # log TEXT                         a line of output
 * # log-bytes N                      N bytes of output
 * # advance SECONDS                  moves the test's clock while running
 * # sleep MILLIS                     really sleeps
 * # until-canceled                   runs until canceled (or 20 s, then a timeout)
 * # fail MESSAGE                     fails with exit code 1
 * # result JSON                      the result; without it, {"args": the args}
 * # env                              the result is the WM_* environment
 * # hook NAME                        runs the test's hook of that name, mid-run
 * </pre>
 */
public final class FakeRuntime implements LanguageRuntime {
  private final Language language;
  private final Optional<SettableClock> clock;
  public final List<ExecutionRequest> requests = new CopyOnWriteArrayList<>();
  public final java.util.Map<String, Runnable> hooks = new java.util.concurrent.ConcurrentHashMap<>();

  public FakeRuntime(Language language, Optional<SettableClock> clock) {
    this.language = language;
    this.clock = clock;
  }

  @Override
  public Language language() {
    return language;
  }

  @Override
  public ScriptAnalysis analyse(String content) throws ScriptSyntaxException {
    List<Param> params = new ArrayList<>();
    for (String line : content.split("\n")) {
      String[] w = line.trim().split(" ", 5);
      if (line.startsWith("# syntax-error")) {
        throw new ScriptSyntaxException("line 1: " + line.substring("# syntax-error".length()).trim());
      }
      if (w.length >= 4 && w[1].equals("param")) {
        ParamType type = w[3].equals("any") ? ParamType.ANY : ParamType.valueOf(w[3].toUpperCase());
        Optional<JsonNode> def = w.length == 5 ? Optional.of(Json.parse(w[4])) : Optional.empty();
        params.add(new Param(w[2], type, def));
      }
    }
    return new ScriptAnalysis(params, List.of());
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request, LogSink logs, Cancellation cancel) {
    requests.add(request);
    // As the real runtimes do: a job claimed ahead starts at its instant, unless canceled by then.
    if (request.startAt().isPresent()) {
      try {
        Duration left = Duration.between(java.time.Instant.now(), request.startAt().get());
        Thread.sleep(left.isNegative() ? Duration.ZERO : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (cancel.requested()) {
        return JobResults.canceled();
      }
    }
    String result = null;
    for (String line : request.content().split("\n")) {
      String[] w = line.trim().split(" ", 3);
      if (w.length < 2 || !w[0].equals("#")) {
        continue;
      }
      String arg = w.length == 3 ? w[2] : "";
      switch (w[1]) {
        case "log" -> logs.append(arg + "\n");
        case "log-bytes" -> logs.append("x".repeat(Integer.parseInt(arg)));
        case "advance" -> clock.orElseThrow().advance(Duration.ofSeconds(Long.parseLong(arg)));
        case "sleep" -> sleep(Long.parseLong(arg));
        case "until-canceled" -> {
          long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
          while (!cancel.requested()) {
            if (System.nanoTime() > end) {
              return new ExecutionResult(Outcome.TIMEOUT, OptionalInt.of(143), Optional.empty(),
                  Optional.of("timeout"));
            }
            sleep(5);
          }
          return new ExecutionResult(Outcome.CANCELED, OptionalInt.of(143), Optional.empty(),
              Optional.of("canceled"));
        }
        case "fail" -> {
          return new ExecutionResult(Outcome.FAILURE, OptionalInt.of(1), Optional.empty(),
              Optional.of(arg));
        }
        case "result" -> result = arg;
        case "hook" -> hooks.get(arg).run();
        case "env" -> {
          ObjectNode env = Json.object();
          request.environment().forEach(env::put);
          result = Json.write(env);
        }
        default -> { }
      }
    }
    if (result == null) {
      ObjectNode o = Json.object();
      o.set("args", request.args());
      result = Json.write(o);
    }
    return new ExecutionResult(Outcome.SUCCESS, OptionalInt.of(0), Optional.of(result),
        Optional.empty());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A fake for each language, sharing the test's clock. */
  public static java.util.Map<Language, LanguageRuntime> all(Optional<SettableClock> clock) {
    java.util.Map<Language, LanguageRuntime> m = new java.util.EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      m.put(l, new FakeRuntime(l, clock));
    }
    return m;
  }
}
