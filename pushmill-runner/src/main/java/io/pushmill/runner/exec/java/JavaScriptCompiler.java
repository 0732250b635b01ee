package io.pushmill.runner.exec.java;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.ParamType;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.exec.process.JobDirectory;
import io.pushmill.runner.exec.support.CacheLock;
import io.pushmill.runner.exec.support.ContentHash;
import io.pushmill.runner.exec.support.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles Java scripts with javax.tools, in this JVM, once per distinct source: the classes and
 * main's signature are kept in the cache directory under a hash of the source and the Java release,
 * built in a temporary directory and renamed into place under a {@link CacheLock}, so that threads
 * and processes sharing the cache compile each script once.
 */
final class JavaScriptCompiler {
  private static final String SIGNATURE = "script.json";
  private static final int MEMORY_LIMIT = 1024;

  private final Path root;
  private final Map<String, CompiledScript> known = new ConcurrentHashMap<>();
  private final AtomicInteger compilations = new AtomicInteger();

  JavaScriptCompiler(Path cacheDir) {
    this.root = cacheDir.resolve("java").resolve("classes");
  }

  /** The compiled script, compiling it when no process has yet. */
  CompiledScript compiled(String source)
      throws ScriptSyntaxException, IOException, InterruptedException {
    String key = ContentHash.of(source, "release " + Runtime.version().feature()).substring(0, 24);
    CompiledScript script = known.get(key);
    if (script != null) {
      return script;
    }
    Path dir = root.resolve(key);
    Optional<CompiledScript> onDisk = read(dir);
    if (onDisk.isEmpty()) {
      onDisk = compileLocked(key, dir, source);
    }
    if (known.size() >= MEMORY_LIMIT) {
      known.clear();
    }
    known.put(key, onDisk.get());
    return onDisk.get();
  }

  /** How many times this compiler ran javac: tells a cache hit from a miss. */
  int compilations() {
    return compilations.get();
  }

  private Optional<CompiledScript> compileLocked(String key, Path dir, String source)
      throws ScriptSyntaxException, IOException, InterruptedException {
    return CacheLock.holding(
        root.resolve(key + ".lock"),
        () -> {
          Optional<CompiledScript> done = read(dir);
          return done.isPresent() ? done : Optional.of(compileInto(dir, source));
        });
  }

  private CompiledScript compileInto(Path dir, String source)
      throws IOException, ScriptSyntaxException {
    Path temp = Files.createTempDirectory(root, dir.getFileName() + ".tmp-");
    try {
      compilations.incrementAndGet();
      JavaSourceCompilation.Result result =
          JavaSourceCompilation.compile(source, temp.resolve("classes"));
      Files.writeString(temp.resolve(SIGNATURE), signature(result.className(), result.params()));
      move(temp, dir);
      return new CompiledScript(dir.resolve("classes"), result.className(), result.params());
    } finally {
      JobDirectory.deleteTree(temp);
    }
  }

  private static void move(Path temp, Path dir) throws IOException {
    // Under the lock, a directory without a signature is the rest of an interrupted attempt.
    JobDirectory.deleteTree(dir);
    try {
      Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, dir);
    }
  }

  private static Optional<CompiledScript> read(Path dir) throws IOException {
    Path file = dir.resolve(SIGNATURE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode node =
        Json.parse(Files.readString(file))
            .orElseThrow(() -> new IOException("corrupt compiled-script signature " + file));
    List<Param> params = new ArrayList<>();
    for (JsonNode p : node.path("params")) {
      ParamType type =
          Arrays.stream(ParamType.values())
              .filter(t -> t.name().equals(p.path("type").asText()))
              .findFirst()
              .orElse(ParamType.ANY);
      params.add(new Param(p.path("name").asText(), type, Optional.empty()));
    }
    return Optional.of(
        new CompiledScript(dir.resolve("classes"), node.path("className").asText(), params));
  }

  private static String signature(String className, List<Param> params) {
    ObjectNode node = Json.object().put("className", className);
    ArrayNode list = node.putArray("params");
    params.forEach(p -> list.addObject().put("name", p.name()).put("type", p.type().name()));
    return Json.write(node);
  }
}
