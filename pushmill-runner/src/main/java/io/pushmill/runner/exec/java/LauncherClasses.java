package io.pushmill.runner.exec.java;

import io.pushmill.runner.exec.java.launcher.JavaJobLauncher;
import io.pushmill.runner.exec.java.launcher.LauncherJson;
import io.pushmill.runner.exec.process.JobDirectory;
import io.pushmill.runner.exec.support.CacheLock;
import io.pushmill.runner.exec.support.ContentHash;
import io.pushmill.runner.exec.support.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the child JVM's launcher classes out of the runner (a directory or a fat jar) into the
 * cache, so that a Java job's class path holds only them and the script's classes.
 */
final class LauncherClasses {
  private static final List<Class<?>> CLASSES = List.of(JavaJobLauncher.class, LauncherJson.class);

  private LauncherClasses() {}

  /** The class-path directory holding the launcher; written once per launcher version. */
  static Path install(Path cacheDir) throws IOException, InterruptedException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    StringBuilder hashInput = new StringBuilder();
    for (Class<?> type : CLASSES) {
      byte[] bytes = Resources.bytes(type, type.getSimpleName() + ".class");
      files.put(type.getName().replace('.', '/') + ".class", bytes);
      hashInput.append(HexFormat.of().formatHex(bytes));
    }
    Path root = cacheDir.resolve("java");
    String key = ContentHash.of(hashInput.toString()).substring(0, 16);
    Path dir = root.resolve("launcher-" + key);
    if (Files.exists(dir.resolve(".complete"))) {
      return dir;
    }
    return CacheLock.holding(
        root.resolve("launcher-" + key + ".lock"),
        () -> {
          if (!Files.exists(dir.resolve(".complete"))) {
            JobDirectory.deleteTree(dir);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
              Path target = dir.resolve(file.getKey());
              Files.createDirectories(target.getParent());
              Files.write(target, file.getValue());
            }
            Files.writeString(dir.resolve(".complete"), key, StandardCharsets.UTF_8);
          }
          return dir;
        });
  }
}
