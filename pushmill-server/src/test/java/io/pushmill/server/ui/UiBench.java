package io.pushmill.server.ui;

import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.server.testing.ApiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.eclipse.jetty.http.HttpTester;

/**
 * The UI's render times with big data: fills 10,000 gateway groups (pushed through the store) and
 * 100,000 finished jobs (inserted straight into the runner's H2 file, in batches), logs in, and
 * times requests to the gateway and jobs pages through the server's in-memory connector, so the
 * figures are the server's work: routing, the store or database read, and the template. Prints
 * the median and the slowest of N requests against the 300 ms target. Run by {@code
 * bench/ui/ui-bench.sh}.
 */
public final class UiBench {
  static final int GROUPS = 10_000;
  static final int JOBS = 100_000;
  static final double TARGET_MS = 300;

  private UiBench() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path dir = Files.createTempDirectory("pushmill-ui-bench");
    try (UiFixture ui = UiFixture.start(dir)) {
      long t0 = System.nanoTime();
      fillGroups(ui);
      System.out.printf("pushed %,d groups in %.1f s%n", GROUPS, (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      fillJobs(dir);
      System.out.printf("inserted %,d jobs in %.1f s%n", JOBS, (System.nanoTime() - t0) / 1e9);
      UiClient client = ui.client().login();
      String cookie = "pushmill_session=" + client.cookies().get("pushmill_session");
      System.out.printf("%nmedian and slowest of %d requests after %d warm-up ones"
          + " (target %.0f ms)%n", requests, requests / 3, TARGET_MS);
      System.out.printf("%-52s %9s %9s %7s%n", "page", "median", "max", "");
      touch = new JobWriter(DriverManager.getConnection(url(dir)), new Random(11));
      if (System.getProperty("only-explain") != null) {
        explain(dir);
        return;
      }
      for (String target : List.of("/gateway", "/gateway?q=job-0042", "/gateway?page=150",
          "/gateway/group?l.job=job-0042&l.instance=i-1", "/jobs", "/jobs?page=1000",
          "/jobs?status=failure", "/jobs?script=u%2Fbench%2Fscript_07",
          "/jobs?schedule=u%2Fbench%2Fevery_07",
          "/jobs?worker=worker-3&min=2", "/jobs?status=canceled&max=0.5&page=5",
          "/jobs?worker=nobody", "/jobs?min=4.99", "/jobs?status=running", "/",
          "/workers")) {
        report(ui.api, cookie, target, requests);
      }
      explain(dir);
      touch.close();
    }
  }

  /** Writes one job between timed requests, as a live system does, so H2 reuses no result. */
  private static JobWriter touch;

  private static void report(ApiFixture api, String cookie, String target, int requests)
      throws Exception {
    for (int i = 0; i < requests / 3; i++) {
      time(api, cookie, target);
    }
    double[] ms = new double[requests];
    for (int i = 0; i < requests; i++) {
      ms[i] = time(api, cookie, target);
    }
    Arrays.sort(ms);
    double median = ms[ms.length / 2];
    System.out.printf("%-52s %6.1f ms %6.1f ms %7s%n", target, median, ms[ms.length - 1],
        median <= TARGET_MS ? "ok" : "SLOW");
  }

  private static double time(ApiFixture api, String cookie, String target) throws Exception {
    touch.insert(Instant.now());
    touch.flush();
    HttpTester.Request r = HttpTester.newRequest();
    r.setMethod("GET");
    r.setURI(target);
    r.setVersion("HTTP/1.1");
    r.setHeader("Host", "pushmill");
    r.setHeader("Connection", "close");
    r.setHeader("Cookie", cookie);
    long start = System.nanoTime();
    HttpTester.Response response = api.send(r);
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.getStatus() != 200) {
      throw new IllegalStateException(target + " answered " + response.getStatus());
    }
    return ms;
  }

  /** The plans H2 picks for the job list's queries, to see which index each one uses. */
  private static void explain(Path dir) throws Exception {
    System.out.println();
    try (Connection c = DriverManager.getConnection(url(dir));
        java.sql.Statement st = c.createStatement()) {
      for (String where : List.of("", " AND state IN ('failure')", " AND worker = 'worker-3'",
          " AND script_path = 'u/bench/script_07'", " AND duration_ms >= 4990",
          " ORDER BY workspace_id, created_at DESC, id",
          " AND state IN ('failure') ORDER BY workspace_id, created_at DESC, id",
          " AND state = 'failure' ORDER BY workspace_id, state, created_at DESC, id")) {
        String order = where.contains("ORDER") ? "" : " ORDER BY created_at DESC, id";
        long t = System.nanoTime();
        try (java.sql.ResultSet rs = st.executeQuery("SELECT * FROM job"
            + " WHERE workspace_id = 'demo'" + where + order + " LIMIT 51 OFFSET 50")) {
          while (rs.next()) {
            rs.getString(1);
          }
        }
        System.out.printf("%.1f ms: %s%n", (System.nanoTime() - t) / 1e6, where);
        try (java.sql.ResultSet rs = st.executeQuery("EXPLAIN SELECT id FROM job"
            + " WHERE workspace_id = 'demo'" + where + order + " LIMIT 51 OFFSET 50")) {
          rs.next();
          System.out.println("plan of" + (where.isEmpty() ? " the unfiltered list" : where) + ": "
              + rs.getString(1).replaceAll("\\s+", " "));
        }
      }
    }
  }

  private static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("runner").toAbsolutePath()
        + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
  }

  /** 10,000 groups of 3 gauges and a histogram, under 2,500 jobs with 4 instances each. */
  private static void fillGroups(UiFixture ui) throws Exception {
    for (int g = 0; g < GROUPS; g++) {
      String job = String.format("job-%04d", g / 4);
      ui.push(GroupingKey.of("job", job, "instance", "i-" + g % 4), """
          # HELP job_records_processed Records processed.
          # TYPE job_records_processed gauge
          job_records_processed %d
          # TYPE job_last_success_unixtime gauge
          job_last_success_unixtime 1.7e9
          # TYPE job_duration_seconds histogram
          job_duration_seconds_bucket{le="1"} 3
          job_duration_seconds_bucket{le="10"} 7
          job_duration_seconds_bucket{le="+Inf"} 9
          job_duration_seconds_sum 40
          job_duration_seconds_count 9
          """.formatted(g));
    }
  }

  /**
   * 100,000 finished jobs of 20 scripts over the last 6 days (inside the retention), a third of
   * them from 20 schedules, on 4 workers; 90% succeed, 7% fail, 3% are canceled.
   */
  private static void fillJobs(Path dir) throws Exception {
    Instant now = Instant.now();
    Random random = new Random(7);
    try (JobWriter w = new JobWriter(DriverManager.getConnection(url(dir)), random)) {
      for (int i = 0; i < JOBS; i++) {
        w.insert(now.minusMillis((long) (random.nextDouble() * 6 * 86_400_000L)));
        if (i % 5000 == 4999) {
          w.flush();
        }
      }
      w.flush();
    }
  }

  /** Inserts finished jobs in batches, straight into the runner's table. */
  private static final class JobWriter implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement ps;
    private final Random random;
    private int count;

    JobWriter(Connection c, Random random) throws Exception {
      this.c = c;
      this.random = random;
      c.setAutoCommit(false);
      ps = c.prepareStatement("INSERT INTO job (id, workspace_id, kind, script_path,"
          + " script_hash, language, schedule_path, args_json, state, scheduled_for, created_at,"
          + " created_by, permissioned_as, email, started_at, ended_at, duration_ms, exit_code,"
          + " result_json, worker, attempt, cancel_requested)"
          + " VALUES (?, 'demo', 'script', ?, 'benchhash0000000', 'python3', ?, '{}', ?, ?, ?,"
          + " 'admin', 'u/admin', 'admin@pushmill.local', ?, ?, ?, ?, '1', ?, 1, FALSE)");
    }

    void insert(Instant created) throws Exception {
      int script = random.nextInt(20);
      long duration = 10 + (long) (random.nextDouble() * random.nextDouble() * 5000);
      int roll = random.nextInt(100);
      String state = roll < 90 ? "success" : roll < 97 ? "failure" : "canceled";
      ps.setObject(1, UUID.randomUUID());
      ps.setString(2, String.format("u/bench/script_%02d", script));
      ps.setString(3, count++ % 3 == 0 ? String.format("u/bench/every_%02d", script) : null);
      ps.setString(4, state);
      ps.setTimestamp(5, Timestamp.from(created));
      ps.setTimestamp(6, Timestamp.from(created));
      ps.setTimestamp(7, Timestamp.from(created.plusMillis(5)));
      ps.setTimestamp(8, Timestamp.from(created.plusMillis(5 + duration)));
      ps.setLong(9, duration);
      ps.setInt(10, state.equals("success") ? 0 : 1);
      ps.setString(11, "worker-" + random.nextInt(4));
      ps.addBatch();
    }

    void flush() throws Exception {
      ps.executeBatch();
      c.commit();
    }

    @Override
    public void close() throws Exception {
      ps.close();
      c.close();
    }
  }
}
