package io.pushmill.server.tutorial;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pushmill up} run from the jar this module builds, as a user runs it, on ports the OS
 * picks; its URLs are read from the summary it prints. {@link #close()} sends SIGTERM, as Ctrl-C
 * does.
 */
final class PushmillUp implements AutoCloseable {
  private static final Pattern GATEWAY = Pattern.compile("(?m)^  Gateway\\s+(http://\\S+?)/\\s");
  private static final Pattern API = Pattern.compile("(?m)^  API\\s+(http://\\S+?)/api/version");

  private final Process process;
  private final Path out;
  private final Path err;
  private URI gateway;
  private URI api;

  private PushmillUp(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code up} in {@code dir} with the admin token {@code token} from the environment. */
  static PushmillUp start(Path dir, String token, List<String> flags) throws IOException {
    Path jar = Path.of("target", "pushmill.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: this test runs after `package`");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "up",
        "--data-dir=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:0",
        "--api.listen-address=127.0.0.1:0"));
    command.addAll(flags);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("up.out").toFile())
        .redirectError(dir.resolve("up.err").toFile());
    pb.environment().put("PUSHMILL_ADMIN_TOKEN", token);
    PushmillUp up = new PushmillUp(pb.start(), dir.resolve("up.out"), dir.resolve("up.err"));
    up.awaitSummary(Duration.ofSeconds(60));
    return up;
  }

  private void awaitSummary(Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      String printed = Files.readString(out);
      Matcher g = GATEWAY.matcher(printed);
      Matcher a = API.matcher(printed);
      if (printed.contains("Stop with Ctrl-C") && g.find() && a.find()) {
        gateway = URI.create(g.group(1));
        api = URI.create(a.group(1));
        return;
      }
      if (!process.isAlive()) {
        break;
      }
      PrometheusProcess.sleep(Duration.ofMillis(100));
    }
    close();
    throw new IllegalStateException("pushmill up printed no summary:\n" + output());
  }

  URI gateway() {
    return gateway;
  }

  URI api() {
    return api;
  }

  /** What it printed: the summary on stdout, the tail of its log on stderr. */
  String output() {
    try {
      List<String> log = Files.readAllLines(err);
      return Files.readString(out) + "\n--- log ---\n"
          + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Sends SIGTERM and waits for the exit; answers the exit code, or -1 if it had to be killed. */
  int stop(Duration timeout) {
    process.destroy();
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return -1;
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop(Duration.ofSeconds(30));
    }
  }
}
