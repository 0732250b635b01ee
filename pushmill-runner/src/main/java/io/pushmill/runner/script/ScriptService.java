package io.pushmill.runner.script;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.NotFoundException;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.ScriptAnalysis;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.ParamsJson;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptHashes;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.runner.store.Store;
import io.pushmill.runner.store.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scripts by path, each push a new version unless nothing changed. The language runtime checks the
 * syntax and reads the parameters before anything is stored.
 */
public final class ScriptService {
  private final Store store;
  private final Map<Language, LanguageRuntime> runtimes;
  private final Clock clock;

  public ScriptService(Store store, Map<Language, LanguageRuntime> runtimes, Clock clock) {
    this.store = store;
    this.runtimes = Map.copyOf(runtimes);
    this.clock = clock;
  }

  /** Stores a new version and returns it, or returns the head unchanged when nothing differs. */
  public Script create(String workspace, NewScript n, Actor actor) {
    ScriptAnalysis analysis = analyse(n);
    ObjectNode schema = n.schema().orElseGet(() -> ParamsJson.schema(analysis.params()));
    Instant now = clock.instant();
    return store.inTransaction(tx -> {
      Workspaces.require(tx, workspace);
      Optional<Script> head = tx.scripts().head(workspace, n.path());
      if (head.isPresent() && head.get().sameDefinition(n, schema)) {
        return head.get();
      }
      Optional<String> parent = head.map(Script::hash);
      Script script = new Script(workspace, n.path(), head.map(h -> h.version() + 1).orElse(1),
          ScriptHashes.versionHash(n, schema, parent), parent, n.language(), n.content(),
          ScriptHashes.contentHash(n.language(), n.content()), n.summary(), n.description(),
          analysis.params(), schema, n.timeout(), n.idempotent(), actor.username(), now, false,
          n.extra());
      tx.scripts().insert(script);
      tx.jobs().retarget(workspace, n.path(), script.hash(), script.language());
      return script;
    });
  }

  private ScriptAnalysis analyse(NewScript n) {
    LanguageRuntime runtime = runtimes.get(n.language());
    if (runtime == null) {
      throw new BadRequestException("language " + n.language().id()
          + " is not supported by this server (script " + n.path() + ")");
    }
    try {
      return runtime.analyse(n.content());
    } catch (ScriptSyntaxException e) {
      throw new BadRequestException("script " + n.path() + " cannot be run: " + e.getMessage());
    }
  }

  /** The head version of a path, archived or not. */
  public Script get(String workspace, ScriptPath path) {
    return store.read(tx -> {
      Workspaces.require(tx, workspace);
      return tx.scripts().head(workspace, path).orElseThrow(() -> new NotFoundException(
          "script " + path + " not found in workspace " + workspace));
    });
  }

  public Script byHash(String workspace, String hash) {
    return store.read(tx -> {
      Workspaces.require(tx, workspace);
      return tx.scripts().byHash(workspace, hash).orElseThrow(() -> new NotFoundException(
          "script version " + hash + " not found in workspace " + workspace));
    });
  }

  public List<Script> list(String workspace, ListQuery query) {
    return store.read(tx -> {
      Workspaces.require(tx, workspace);
      return tx.scripts().list(workspace, query);
    });
  }

  /** Every version of a path, newest first. */
  public List<Script> versions(String workspace, ScriptPath path) {
    List<Script> versions = store.read(tx -> {
      Workspaces.require(tx, workspace);
      return tx.scripts().versions(workspace, path);
    });
    if (versions.isEmpty()) {
      throw new NotFoundException("script " + path + " not found in workspace " + workspace);
    }
    return versions;
  }

  /** Archives every version; schedules of the script are disabled when they next try to run it. */
  public void archive(String workspace, ScriptPath path) {
    store.inTransaction(tx -> {
      Workspaces.require(tx, workspace);
      if (tx.scripts().head(workspace, path).isEmpty()) {
        throw new NotFoundException("script " + path + " not found in workspace " + workspace);
      }
      return tx.scripts().archive(workspace, path);
    });
  }
}
