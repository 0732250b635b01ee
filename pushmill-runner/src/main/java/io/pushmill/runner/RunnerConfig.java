package io.pushmill.runner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link Runner} is set up. Storage is the embedded H2 database in {@code dataDir}, or the
 * database at {@code databaseUrl} (PostgreSQL, so that several processes share it). A process with
 * {@code workerSlots} 0 runs no jobs but still reaps, reconciles and keeps retention. Build one with
 * {@link #builder()}; every value has a default but the storage.
 */
public record RunnerConfig(
    Optional<Path> dataDir,
    Optional<String> databaseUrl,
    int maxConnections,
    int workerSlots,
    String workerName,
    String workerGroup,
    Duration pollInterval,
    Duration claimAhead,
    Duration defaultTimeout,
    Duration zombieTimeout,
    int zombieRestartLimit,
    Duration heartbeatInterval,
    Duration logFlushInterval,
    long logCapBytes,
    Duration retention,
    Duration retentionInterval,
    int retentionBatch,
    Duration reconcileInterval,
    Duration metricsCacheTtl,
    Duration shutdownGrace,
    String baseUrl,
    String baseInternalUrl,
    JobTokenIssuer tokenIssuer,
    Map<String, String> workerEnvironment) {

  /** J5: a worker process needs no more than this, whatever its slot count. */
  public static final int MAX_CONNECTIONS = 4;

  public RunnerConfig {
    if (dataDir.isEmpty() == databaseUrl.isEmpty()) {
      throw new BadRequestException("give either a data directory or a database URL, not "
          + (dataDir.isEmpty() ? "neither" : "both"));
    }
    check(maxConnections >= 2 && maxConnections <= MAX_CONNECTIONS,
        "max connections must be between 2 and " + MAX_CONNECTIONS + ", got " + maxConnections);
    check(workerSlots >= 0 && workerSlots <= 256,
        "worker slots must be between 0 and 256, got " + workerSlots);
    check(workerName.matches("[A-Za-z0-9_.:-]{1,255}"), "invalid worker name '" + workerName
        + "': use letters, digits and . _ : -");
    check(!workerGroup.isBlank(), "the worker group must not be empty");
    positive(pollInterval, "poll interval");
    check(!claimAhead.isNegative() && claimAhead.compareTo(Duration.ofSeconds(1)) <= 0,
        "the claim-ahead time must be between 0 and 1 s, got " + claimAhead);
    positive(defaultTimeout, "default timeout");
    positive(zombieTimeout, "zombie timeout");
    positive(heartbeatInterval, "heartbeat interval");
    check(heartbeatInterval.multipliedBy(3).compareTo(zombieTimeout) <= 0,
        "the zombie timeout (" + zombieTimeout.toSeconds() + " s) must be at least 3 heartbeats ("
            + heartbeatInterval.toSeconds() + " s each)");
    check(zombieRestartLimit >= 0, "the restart limit must not be negative");
    positive(logFlushInterval, "log flush interval");
    check(logCapBytes >= 1024, "the log cap must be at least 1024 bytes, got " + logCapBytes);
    positive(retention, "retention");
    positive(retentionInterval, "retention interval");
    check(retentionBatch >= 1, "the retention batch must be at least 1");
    positive(reconcileInterval, "reconcile interval");
    check(!metricsCacheTtl.isNegative(), "the metrics cache TTL must not be negative");
    check(!shutdownGrace.isNegative(), "the shutdown grace must not be negative");
    workerEnvironment = Map.copyOf(workerEnvironment);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new BadRequestException(message);
    }
  }

  private static void positive(Duration d, String what) {
    check(d != null && d.isPositive(), "the " + what + " must be positive, got " + d);
  }

  /** Never shows the database URL, which may carry a password. */
  @Override
  public String toString() {
    return "RunnerConfig[storage=" + dataDir.map(d -> "h2 in " + d).orElse("jdbc (URL hidden)")
        + ", workerSlots=" + workerSlots + ", workerName=" + workerName + ", workerGroup="
        + workerGroup + ", pollInterval=" + pollInterval + ", defaultTimeout=" + defaultTimeout
        + ", zombieTimeout=" + zombieTimeout + ", retention=" + retention + ", logCapBytes="
        + logCapBytes + ", baseUrl=" + baseUrl + "]";
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RunnerConfig}, starting from the defaults. */
  public static final class Builder {
    private Optional<Path> dataDir = Optional.empty();
    private Optional<String> databaseUrl = Optional.empty();
    private int maxConnections = MAX_CONNECTIONS;
    private int workerSlots = 4;
    private String workerName = defaultWorkerName();
    private String workerGroup = "default";
    private Duration pollInterval = Duration.ofMillis(500);
    private Duration claimAhead = Duration.ofMillis(50);
    private Duration defaultTimeout = Duration.ofMinutes(15);
    private Duration zombieTimeout = Duration.ofSeconds(60);
    private int zombieRestartLimit = 3;
    private Duration heartbeatInterval = Duration.ofSeconds(5);
    private Duration logFlushInterval = Duration.ofMillis(500);
    private long logCapBytes = 2L * 1024 * 1024;
    private Duration retention = Duration.ofDays(7);
    private Duration retentionInterval = Duration.ofMinutes(10);
    private int retentionBatch = 500;
    private Duration reconcileInterval = Duration.ofSeconds(15);
    private Duration metricsCacheTtl = Duration.ofSeconds(2);
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private String baseUrl = "http://localhost:8000";
    private Optional<String> baseInternalUrl = Optional.empty();
    private JobTokenIssuer tokenIssuer = JobTokenIssuer.none();
    private Map<String, String> workerEnvironment = System.getenv();

    private Builder() {}

    private static String defaultWorkerName() {
      try {
        return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.:-]", "-");
      } catch (UnknownHostException e) {
        return "worker";
      }
    }

    /** The embedded H2 database in this directory (the default storage). */
    public Builder dataDir(Path dir) {
      this.dataDir = Optional.of(dir);
      this.databaseUrl = Optional.empty();
      return this;
    }

    /** A JDBC URL, e.g. {@code jdbc:postgresql://db:5432/pushmill?user=…&password=…}. */
    public Builder databaseUrl(String url) {
      this.databaseUrl = Optional.of(url);
      this.dataDir = Optional.empty();
      return this;
    }

    public Builder maxConnections(int n) {
      this.maxConnections = n;
      return this;
    }

    public Builder workerSlots(int n) {
      this.workerSlots = n;
      return this;
    }

    /** A name stable across restarts, so a restarted worker settles its own orphans. */
    public Builder workerName(String name) {
      this.workerName = name;
      return this;
    }

    public Builder workerGroup(String group) {
      this.workerGroup = group;
      return this;
    }

    public Builder pollInterval(Duration d) {
      this.pollInterval = d;
      return this;
    }

    /**
     * How long before its slot a worker with a free slot claims a job, so that the claim's commit
     * and the job's preparation are done when the slot comes and only the process start is left;
     * the job then waits for its slot. 0 claims jobs only once they are due.
     */
    public Builder claimAhead(Duration d) {
      this.claimAhead = d;
      return this;
    }

    public Builder defaultTimeout(Duration d) {
      this.defaultTimeout = d;
      return this;
    }

    public Builder zombieTimeout(Duration d) {
      this.zombieTimeout = d;
      return this;
    }

    public Builder zombieRestartLimit(int n) {
      this.zombieRestartLimit = n;
      return this;
    }

    public Builder heartbeatInterval(Duration d) {
      this.heartbeatInterval = d;
      return this;
    }

    public Builder logFlushInterval(Duration d) {
      this.logFlushInterval = d;
      return this;
    }

    public Builder logCapBytes(long bytes) {
      this.logCapBytes = bytes;
      return this;
    }

    public Builder retention(Duration d) {
      this.retention = d;
      return this;
    }

    public Builder retentionInterval(Duration d) {
      this.retentionInterval = d;
      return this;
    }

    public Builder retentionBatch(int n) {
      this.retentionBatch = n;
      return this;
    }

    public Builder reconcileInterval(Duration d) {
      this.reconcileInterval = d;
      return this;
    }

    public Builder metricsCacheTtl(Duration d) {
      this.metricsCacheTtl = d;
      return this;
    }

    public Builder shutdownGrace(Duration d) {
      this.shutdownGrace = d;
      return this;
    }

    /** {@code WM_BASE_URL}: how scripts reach the API from outside. */
    public Builder baseUrl(String url) {
      this.baseUrl = url;
      return this;
    }

    /** {@code BASE_INTERNAL_URL}; defaults to the base URL. */
    public Builder baseInternalUrl(String url) {
      this.baseInternalUrl = Optional.of(url);
      return this;
    }

    /** Where {@code WM_TOKEN} comes from; by default it is empty. */
    public Builder tokenIssuer(JobTokenIssuer issuer) {
      this.tokenIssuer = issuer;
      return this;
    }

    /** The environment {@code PATH}, {@code HOME} and the locale are taken from. */
    public Builder workerEnvironment(Map<String, String> env) {
      this.workerEnvironment = env;
      return this;
    }

    public RunnerConfig build() {
      return new RunnerConfig(dataDir, databaseUrl, maxConnections, workerSlots, workerName,
          workerGroup, pollInterval, claimAhead, defaultTimeout, zombieTimeout, zombieRestartLimit,
          heartbeatInterval, logFlushInterval, logCapBytes, retention, retentionInterval,
          retentionBatch, reconcileInterval, metricsCacheTtl, shutdownGrace, baseUrl,
          baseInternalUrl.orElse(baseUrl), tokenIssuer, workerEnvironment);
    }
  }
}
