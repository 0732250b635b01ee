package io.pushmill.server.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A gateway under test: a process listening on a free loopback port, plus its base URL. Its
 * stdout and stderr go to a log file under {@code target/compat-logs} whose tail is quoted when
 * something fails.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
  private static final Path LOG_DIR = Path.of("target", "compat-logs");
  /** Every gateway still running, ended by a shutdown hook should a test JVM end without close. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private final GatewayKind kind;
  private final Process process;
  private final int port;
  private final Path log;
  private final String routePrefix;

  private GatewayProcess(GatewayKind kind, Process process, int port, Path log, String routePrefix) {
    this.kind = kind;
    this.process = process;
    this.port = port;
    this.log = log;
    this.routePrefix = routePrefix;
  }

  /** Starts a gateway with upstream-named {@code flags} and waits until it answers /-/ready. */
  public static GatewayProcess start(GatewayKind kind, List<String> flags, String routePrefix) {
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      int port = freePort();
      GatewayProcess gateway = launch(kind, flags, port, routePrefix);
      try {
        gateway.awaitReady();
        return gateway;
      } catch (IllegalStateException e) {
        gateway.close();
        last = e;
        if (!gateway.logTail().toLowerCase(java.util.Locale.ROOT).contains("address already in use")) {
          break;
        }
      }
    }
    throw last;
  }

  private static GatewayProcess launch(
      GatewayKind kind, List<String> flags, int port, String routePrefix) {
    try {
      Files.createDirectories(LOG_DIR);
      Path log = LOG_DIR.resolve(kind.name().toLowerCase() + "-" + port + ".log");
      Process process =
          new ProcessBuilder(kind.command(port, flags))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      RUNNING.add(process);
      return new GatewayProcess(kind, process, port, log, routePrefix);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + kind + " " + flags, e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            kind + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
      }
      try {
        if (RawHttp.send(port, HttpCall.get(routePrefix + "/-/ready")).status() == 200) {
          return;
        }
      } catch (UncheckedIOException notYetListening) {
        // keep polling until the deadline
      }
      pause(Duration.ofMillis(25));
    }
    throw new IllegalStateException(kind + " was not ready after " + START_TIMEOUT + ":\n" + logTail());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public GatewayKind kind() {
    return kind;
  }

  /** The route prefix the gateway was started with ({@code ""} for none). */
  public String routePrefix() {
    return routePrefix;
  }

  public int port() {
    return port;
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public HttpReply send(HttpCall call) {
    return RawHttp.send(port, call);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself; true if it did within {@code timeout}. */
  public boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The last lines the process wrote, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      if (!awaitExit(Duration.ofSeconds(10))) {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(5));
      }
    }
    RUNNING.remove(process);
  }

  @Override
  public String toString() {
    return kind + " at " + baseUrl() + " (log " + log + ")";
  }
}
