package io.pushmill.runner.worker;

import io.pushmill.runner.model.Script;
import io.pushmill.runner.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a worker reads for every job but rarely changes: script versions (immutable, so cached until
 * the cache fills) and workspace variables (cached for a few seconds, as Windmill caches them).
 */
final class ScriptCache {
  private static final int MAX_SCRIPTS = 256;
  private static final Duration VARIABLES_TTL = Duration.ofSeconds(10);

  private record Key(String workspace, String hash) {}

  private record Variables(Map<String, String> values, Instant readAt) {}

  private final Store store;
  private final Clock clock;
  private final ConcurrentMap<Key, Script> scripts = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Variables> variables = new ConcurrentHashMap<>();

  ScriptCache(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  Optional<Script> script(String workspace, String hash) {
    Key key = new Key(workspace, hash);
    Script cached = scripts.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Script> loaded = store.read(tx -> tx.scripts().byHash(workspace, hash));
    loaded.ifPresent(s -> {
      if (scripts.size() >= MAX_SCRIPTS) {
        scripts.clear();
      }
      scripts.put(key, s);
    });
    return loaded;
  }

  Map<String, String> variables(String workspace) {
    Instant now = clock.instant();
    Variables cached = variables.get(workspace);
    if (cached != null && cached.readAt().plus(VARIABLES_TTL).isAfter(now)) {
      return cached.values();
    }
    Map<String, String> values =
        Map.copyOf(store.read(tx -> tx.workspaces().environment(workspace)));
    variables.put(workspace, new Variables(values, now));
    return values;
  }

  /** Forgets a workspace's variables, after this process changed them. */
  void invalidateVariables(String workspace) {
    variables.remove(workspace);
  }
}
