package io.pushmill.server.api;

import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.text.TextWriter;
import io.pushmill.runner.NotFoundException;
import io.pushmill.runner.Runner;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.Job;
import io.pushmill.server.api.auth.Authenticator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Puts the Windmill-shaped API together over a {@link Runner}: every route, auth, and
 * {@code GET /metrics} with the process's own metrics.
 */
public final class WindmillApi {
  /**
   * What {@code GET /api/version} answers: the Windmill release whose CLI these shapes were taken
   * from. {@code wmill} reads major and minor (it needs 1.585 or newer).
   */
  public static final String VERSION = "CE v1.819.0";
  /** How long {@code run_wait_result} waits, as Windmill's default. */
  public static final Duration WAIT_RESULT_TIMEOUT = Duration.ofSeconds(20);

  private WindmillApi() {}

  /**
   * The API's handler.
   *
   * @param runtimes the runtimes the runner uses, to read a pushed script's parameters
   * @param ownMetrics this process's own metrics for {@code GET /metrics}
   */
  public static ApiHandler handler(Runner runner, Map<Language, LanguageRuntime> runtimes,
      Authenticator authenticator, Supplier<List<MetricFamily>> ownMetrics, Clock clock) {
    Routes routes = new Routes();
    new WorkspaceEndpoints(runner).register(routes);
    new ScriptEndpoints(runner, new ScriptSchemas(runtimes)).register(routes);
    new ScheduleEndpoints(runner).register(routes);
    new JobEndpoints(runner, clock, WAIT_RESULT_TIMEOUT).register(routes);
    new JobLists(runner).register(routes);
    new SyncArchive(runner).register(routes);
    return new ApiHandler(routes, authenticator, () -> Reply.text(VERSION),
        () -> metrics(ownMetrics.get()));
  }

  /** Who a job runs as while it is queued or running, for job tokens. */
  public static Authenticator.ActiveJobs activeJobs(Runner runner) {
    return (workspace, id) -> {
      try {
        Job job = runner.job(workspace, id);
        return job.finished() ? Optional.empty()
            : Optional.of(new Actor(job.createdBy(), job.email()));
      } catch (NotFoundException e) {
        return Optional.empty();
      }
    };
  }

  /** Families in the Prometheus text format. */
  public static Reply metrics(List<MetricFamily> families) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TextWriter.write(out, families);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Reply.Binary(200, TextWriter.CONTENT_TYPE, out.toByteArray());
  }
}
