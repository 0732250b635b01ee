package io.pushmill.server.testing;

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
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.model.Json;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A language runtime for API tests, driven by directives in the script, one per line, so a test
 * says what a job does without spawning a process:
 * <pre>
 * # param NAME TYPE [DEFAULT-JSON]   a parameter of main (string, integer, number, boolean, any…)
 * # syntax-error MESSAGE             analysis fails
 * # analyser-bug                     analysis throws an unexpected exception
 * # log TEXT                         a line of output
 * # publish-env                      hands the job's environment to {@link #environments}
 * # hold                             waits for {@link #release()} (or a cancel)
 * # fail MESSAGE                     fails
 * # result JSON                      the result; without it, {"args": the args}
 * </pre>
 */
public final class ScriptedRuntime implements LanguageRuntime {
  private final Language language;
  private final Semaphore released = new Semaphore(0);
  public final BlockingQueue<Map<String, String>> environments = new LinkedBlockingQueue<>();

  public ScriptedRuntime(Language language) {
    this.language = language;
  }

  /** One of each language. */
  public static Map<Language, LanguageRuntime> all() {
    Map<Language, LanguageRuntime> m = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      m.put(l, new ScriptedRuntime(l));
    }
    return m;
  }

  /** Lets one held job go on. */
  public void release() {
    released.release();
  }

  @Override
  public Language language() {
    return language;
  }

  @Override
  public ScriptAnalysis analyse(String content) throws ScriptSyntaxException {
    List<Param> params = new ArrayList<>();
    for (String line : content.split("\n")) {
      String[] w = line.strip().split(" ", 5);
      if (line.startsWith("# syntax-error")) {
        throw new ScriptSyntaxException("line 1: " + line.substring(14).strip());
      }
      if (line.startsWith("# analyser-bug")) {
        throw new IllegalStateException("a bug in the analyser with secret details");
      }
      if (w.length >= 4 && w[0].equals("#") && w[1].equals("param")) {
        ParamType type = ParamType.valueOf(w[3].toUpperCase(Locale.ROOT));
        Optional<JsonNode> def = w.length == 5 ? Optional.of(Json.parse(w[4])) : Optional.empty();
        params.add(new Param(w[2], type, def));
      }
    }
    return new ScriptAnalysis(params, List.of());
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request, LogSink logs, Cancellation cancel) {
    String result = null;
    for (String line : request.content().split("\n")) {
      String[] w = line.strip().split(" ", 3);
      if (w.length < 2 || !w[0].equals("#")) {
        continue;
      }
      String arg = w.length == 3 ? w[2] : "";
      switch (w[1]) {
        case "log" -> logs.append(arg + "\n");
        case "publish-env" -> environments.add(request.environment());
        case "hold" -> {
          if (!hold(cancel)) {
            return new ExecutionResult(Outcome.CANCELED, OptionalInt.of(143), Optional.empty(),
                Optional.of("canceled"));
          }
        }
        case "fail" -> {
          return new ExecutionResult(Outcome.FAILURE, OptionalInt.of(1), Optional.empty(),
              Optional.of(arg));
        }
        case "result" -> result = arg;
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

  /** True when released, false when canceled (or after 20 s, so a broken test ends). */
  private boolean hold(Cancellation cancel) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try {
      while (System.nanoTime() < end) {
        if (released.tryAcquire(10, TimeUnit.MILLISECONDS)) {
          return true;
        }
        if (cancel.requested()) {
          return false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
