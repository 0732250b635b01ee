package io.pushmill.runner.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Where a client's database time goes, seen from PostgreSQL: every few milliseconds it reads
 * {@code pg_stat_activity} for the backends of one application name and counts their states and
 * wait events ({@code idle/ClientRead} = waiting for the client; {@code Lock/…} = a row lock;
 * {@code IO/WALSync} or {@code LWLock/WALWrite} = the commit's flush; {@code active/CPU} = running).
 * Also counts the largest number of such backends seen at once (target 4).
 */
final class WaitProfile implements AutoCloseable {
  private final Map<String, Integer> counts = new TreeMap<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;
  private int samples;
  private int maxBackends;

  WaitProfile(String url, String application) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    PreparedStatement q = c.prepareStatement("SELECT state, wait_event_type, wait_event"
        + " FROM pg_stat_activity WHERE application_name = ?");
    q.setString(1, application);
    thread = Thread.ofPlatform().daemon().name("bench-wait-profile").start(() -> {
      try (c; q) {
        while (!stop.get()) {
          sample(q);
          Thread.sleep(5);
        }
      } catch (SQLException | RuntimeException e) {
        System.err.println("wait profile stopped: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private void sample(PreparedStatement q) throws SQLException {
    int backends = 0;
    synchronized (this) {
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          backends++;
          String state = rs.getString(1);
          String type = rs.getString(2);
          String key = type == null ? state + " CPU" : state + " " + type + "/" + rs.getString(3);
          counts.merge(key, 1, Integer::sum);
        }
      }
      samples++;
      maxBackends = Math.max(maxBackends, backends);
    }
  }

  synchronized int maxBackends() {
    return maxBackends;
  }

  /** Average backends in each state, e.g. {@code idle ClientRead 1.9, active Lock/tuple 0.8}. */
  synchronized String describe() {
    if (samples == 0) {
      return "no samples";
    }
    int n = samples;
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .filter(e -> e.getValue() * 100 >= n) // at least 0.01 backends on average
        .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / (double) n))
        .collect(Collectors.joining(", "));
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.join();
  }
}
