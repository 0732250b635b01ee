package io.pushmill.server.multiproc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL on loopback and the Pushmill processes sharing it: one {@code pushmill
 * server} (gateway and API, no job slots) and named {@code pushmill worker}s, each a JVM of its
 * own that can be killed and restarted under the same name. Every process names itself to
 * PostgreSQL through {@code ApplicationName} ({@code pushmill-<name>}, {@code -<n>} after a
 * restart), and hands its jobs a {@code HOME} whose last part is its worker name.
 */
final class PostgresCluster implements AutoCloseable {
  static final String TOKEN = "multiproc-admin-token-0123456789";
  static final Duration HEARTBEAT = Duration.ofSeconds(1);
  static final Duration ZOMBIE_TIMEOUT = Duration.ofSeconds(10);
  /** How often each process's reaper looks: a quarter of the zombie timeout. */
  static final Duration REAP_EVERY = ZOMBIE_TIMEOUT.dividedBy(4);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;
  private final Path dir;
  private final List<JarProcess> started = new CopyOnWriteArrayList<>();
  private final Map<String, JarProcess> workers = new LinkedHashMap<>();
  private final Map<String, Integer> starts = new LinkedHashMap<>();

  private PostgresCluster(EmbeddedPostgres postgres, Path dir) {
    this.postgres = postgres;
    this.dir = dir;
  }

  static PostgresCluster start(Path dir) throws IOException {
    return new PostgresCluster(EmbeddedPostgres.builder().start(), dir);
  }

  DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /**
   * Starts the server and the workers all at once, as a deployment does (so their migrations
   * race), and waits until each runs; answers the server's API.
   */
  RunnerApi start(List<String> workerNames) {
    JarProcess server = launch("server", List.of("server", "--worker.slots=0",
        "--web.listen-address=127.0.0.1:0", "--api.listen-address=127.0.0.1:0"));
    workerNames.forEach(this::launchWorker);
    synchronized (this) {
      workers.values().forEach(w -> w.awaitStarted(START_TIMEOUT));
    }
    return new RunnerApi(server.awaitStarted(START_TIMEOUT).apiUrl(), TOKEN);
  }

  /** Starts the worker {@code name} again, after a kill; returns once it runs. */
  JarProcess restartWorker(String name) {
    return launchWorker(name).awaitStarted(START_TIMEOUT);
  }

  private synchronized JarProcess launchWorker(String name) {
    JarProcess worker = launch(name, List.of("worker", "--worker.name=" + name,
        "--worker.slots=4"));
    workers.put(name, worker);
    return worker;
  }

  /** {@code kill -9} of the worker's JVM. */
  synchronized void kill(String name) {
    workers.get(name).kill();
  }

  synchronized boolean alive(String name) {
    return workers.containsKey(name) && workers.get(name).alive();
  }

  private synchronized JarProcess launch(String name, List<String> command) {
    int n = starts.merge(name, 1, Integer::sum);
    String application = ConnectionSampler.PREFIX + name + (n == 1 ? "" : "-" + n);
    String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort()
        + "/postgres?user=postgres&ApplicationName=" + application;
    Path home = dir.resolve("homes").resolve(name);
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--data-dir=" + dir.resolve("data-" + name),
        "--worker.heartbeat-interval=" + HEARTBEAT.toSeconds() + "s",
        "--job.zombie-timeout=" + ZOMBIE_TIMEOUT.toSeconds() + "s",
        "--job.shutdown-grace=2s"));
    JarProcess p = JarProcess.start(application, dir.resolve("cwd-" + name), args, Map.of(
        "PUSHMILL_ADMIN_TOKEN", TOKEN, "PUSHMILL_DATABASE_URL", url, "HOME", home.toString()));
    started.add(p);
    return p;
  }

  /** The logs of every process started, for a failure's message. */
  String logTails() {
    StringBuilder s = new StringBuilder();
    started.forEach(p -> s.append(p.logTail()).append("\n\n"));
    return s.toString();
  }

  /** Stops every process still running (workers first, then the server). */
  void stopProcesses() {
    List<JarProcess> reversed = new ArrayList<>(started);
    Collections.reverse(reversed);
    reversed.parallelStream().filter(p -> !p.name().endsWith("server")).forEach(JarProcess::close);
    reversed.forEach(JarProcess::close);
  }

  @Override
  public void close() throws IOException {
    try {
      stopProcesses();
    } finally {
      postgres.close();
    }
  }
}
