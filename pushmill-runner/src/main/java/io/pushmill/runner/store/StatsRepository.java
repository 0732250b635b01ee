package io.pushmill.runner.store;

import java.time.Instant;
import java.util.List;

/** Run statistics behind the job metrics, shared by every process through the database. */
public interface StatsRepository {
  /** One observation: a job's run ({@code kind} "run") or a scheduled start delay ("delay"). */
  record Sample(
      String workspace,
      String kind,
      String scriptPath,
      String schedulePath,
      String status,
      int bucket,
      double seconds,
      Instant at) {}

  /** One row: the observations of a series that fell into one bucket. */
  record Stat(
      String workspace,
      String kind,
      String scriptPath,
      String schedulePath,
      String status,
      int bucket,
      long samples,
      double sumSeconds,
      Instant lastAt) {}

  void record(Sample sample);

  List<Stat> all();
}
