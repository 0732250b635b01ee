package io.pushmill.server.multiproc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code pushmill} command ({@code server}, {@code worker}) run from the jar this module builds,
 * in a JVM of its own, with its output in a log file under {@code target/multiproc-logs}. A
 * shutdown hook kills whatever a test JVM leaves running.
 */
final class JarProcess implements AutoCloseable {
  private static final Path JAR = Path.of("target", "pushmill.jar").toAbsolutePath();
  private static final Path LOG_DIR = Path.of("target", "multiproc-logs").toAbsolutePath();
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static final String STARTED = "pushmill runner started";
  private static final Pattern API = Pattern.compile("api listening on (http://[^\\s\"/]+)");
  private static final Pattern GATEWAY =
      Pattern.compile("msg=\"Listening on\" address=([^\\s\"]+)");

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() ->
        RUNNING.forEach(Process::destroyForcibly)));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private JarProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code pushmill <args>} with {@code env} added to this JVM's environment; returns
   * without waiting (see {@link #awaitStarted}).
   */
  static JarProcess start(String name, Path workDir, List<String> args, Map<String, String> env) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: these tests run after `package`");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    command.addAll(args);
    try {
      Files.createDirectories(LOG_DIR);
      Files.createDirectories(workDir);
      Path log = LOG_DIR.resolve(name + "-" + System.currentTimeMillis() + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      RUNNING.add(process);
      process.getOutputStream().close();
      return new JarProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name + ": " + command, e);
    }
  }

  /** Waits until the runner has started (a worker has then settled its orphans). */
  JarProcess awaitStarted(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!log().contains(STARTED)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue()
            + " before it started:\n" + logTail());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(name + " did not start within " + timeout + ":\n"
            + logTail());
      }
      Pause.of(Duration.ofMillis(50));
    }
    return this;
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The API's base URL, as the process logged it ({@code http://127.0.0.1:port}). */
  URI apiUrl() {
    return URI.create(logged(API).orElseThrow(() -> new IllegalStateException(
        name + " logged no API address:\n" + logTail())));
  }

  /** The gateway's {@code host:port}, as the process logged it. */
  String gatewayAddress() {
    return logged(GATEWAY).orElseThrow(() -> new IllegalStateException(
        name + " logged no gateway address:\n" + logTail()));
  }

  private Optional<String> logged(Pattern p) {
    Matcher m = p.matcher(log());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** SIGKILL ({@code kill -9}): the process gets no chance to clean up. */
  void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
    RUNNING.remove(process);
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last lines of the log, for failure messages. */
  String logTail() {
    List<String> lines = log().lines().toList();
    return name + " (" + log + "):\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM, a graceful stop; SIGKILL when that takes too long. Idempotent. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      if (!awaitExit(Duration.ofSeconds(20))) {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(5));
      }
    }
    RUNNING.remove(process);
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
