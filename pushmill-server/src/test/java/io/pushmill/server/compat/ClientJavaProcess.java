package io.pushmill.server.compat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * client_java's PushGateway 1.5.1 in a child JVM whose classpath holds only the 1.5.1 jars
 * (copied to {@code target/client-java-pushgateway} by the pom), so they never meet the 1.10.0
 * jars Pushmill uses. The child compiles {@code compat/java/ClientJavaPusher.java} on start and
 * then takes one command a line, so one JVM serves every push of a test.
 */
final class ClientJavaProcess implements AutoCloseable {
  static final Path LIBS = Path.of("target", "client-java-pushgateway");
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final PrintWriter commands;
  private final BufferedReader answers;

  private ClientJavaProcess(Process process) {
    this.process = process;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static ClientJavaProcess start(Path source) {
    if (!Files.isDirectory(LIBS)) {
      throw new IllegalStateException(LIBS.toAbsolutePath() + " is missing: the pom copies it before integration tests");
    }
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "--sun-misc-unsafe-memory-access=allow",
            "-cp",
            LIBS.toAbsolutePath() + "/*",
            source.toString());
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      ClientJavaProcess client = new ClientJavaProcess(process);
      String greeting = client.answer();
      if (!greeting.equals("ready")) {
        throw new IllegalStateException("the client_java pusher did not start: " + greeting);
      }
      return client;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  /** Sends {@code action} (push, pushAdd, delete) and returns the pusher's answer line. */
  String send(String action, GatewayProcess gateway, String format, String job) {
    commands.println(action + " 127.0.0.1:" + gateway.port() + " " + format + " " + job);
    return answer();
  }

  private String answer() {
    try {
      String line =
          CompletableFuture.supplyAsync(this::readLine).get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return line == null ? "(the pusher ended)" : line;
    } catch (TimeoutException e) {
      throw new AssertionError("the client_java pusher gave no answer within " + ANSWER_TIMEOUT, e);
    } catch (Exception e) {
      throw new IllegalStateException("reading the client_java pusher's answer", e);
    }
  }

  private String readLine() {
    try {
      return answers.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    commands.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
