package io.pushmill.server.api;

import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.model.NewScript;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which schema a pushed script is stored with. A schema that describes arguments is kept
 * as sent. An empty one (what {@code wmill script bootstrap} writes) is replaced by the schema
 * inferred from the entry point when the script takes arguments, and kept when it takes none, so
 * that pushing the same file and metadata again compares equal on the client and is a no-op.
 */
final class ScriptSchemas {
  private final Map<Language, LanguageRuntime> runtimes;

  ScriptSchemas(Map<Language, LanguageRuntime> runtimes) {
    this.runtimes = Map.copyOf(runtimes);
  }

  NewScript decide(NewScript n) {
    if (!ScriptJson.emptySchema(n.schema()) || n.schema().isEmpty()) {
      return n;
    }
    return takesArguments(n) ? withoutSchema(n) : n;
  }

  /** When the script cannot be analysed the runner infers and reports the syntax error itself. */
  private boolean takesArguments(NewScript n) {
    LanguageRuntime runtime = runtimes.get(n.language());
    if (runtime == null) {
      return true;
    }
    try {
      return !runtime.analyse(n.content()).params().isEmpty();
    } catch (ScriptSyntaxException e) {
      return true;
    }
  }

  private static NewScript withoutSchema(NewScript n) {
    return new NewScript(n.path(), n.language(), n.content(), n.summary(), n.description(),
        Optional.empty(), n.timeout(), n.idempotent(), n.parentHash(), n.extra());
  }
}
