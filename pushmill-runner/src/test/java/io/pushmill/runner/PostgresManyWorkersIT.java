package io.pushmill.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.ScriptPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several runners on one PostgreSQL, as several processes would be: three with workers and one
 * without (the server). Every queued job runs exactly once, and no schedule slot runs twice.
 */
class PostgresManyWorkersIT {
  private static final String WS = "demo";
  private static final Actor ADMIN = new Actor("admin", "admin@example.com");
  private static final ScriptPath SCRIPT = ScriptPath.of("u/admin/trivial");
  private static final ScriptPath TICK = ScriptPath.of("u/admin/tick");

  @Test
  void every_job_runs_exactly_once_across_three_workers() throws Exception {
    FakeRuntime python = new FakeRuntime(Language.PYTHON3, Optional.empty());
    Map<Language, LanguageRuntime> runtimes = Map.of(Language.PYTHON3, python);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      List<Runner> runners = new ArrayList<>();
      try {
        Runner server = TestRunners.create(url, runtimes, Clock.systemUTC(),
            b -> b.workerSlots(0).workerName("server"));
        runners.add(server);
        for (int i = 1; i <= 3; i++) {
          String name = "worker-" + i;
          runners.add(TestRunners.create(url, runtimes, Clock.systemUTC(), b -> b.workerName(name)));
        }
        server.createScript(WS, NewScript.of(SCRIPT, Language.PYTHON3, "# result 1"), ADMIN);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          ids.add(server.runScript(WS, SCRIPT, Json.object(), ADMIN));
        }
        server.createSchedule(WS, NewSchedule.of(TICK, SCRIPT, "* * * * * *", "Etc/UTC"), ADMIN);
        runners.forEach(Runner::start);
        await().atMost(Duration.ofSeconds(60)).until(() ->
            server.jobs(WS, JobQuery.all().withScriptPath(SCRIPT).withSuccess(true)
                .withPage(1, 1000)).size() >= 303);
        server.setScheduleEnabled(WS, TICK, false, ADMIN);
        runners.forEach(Runner::stop);

        List<UUID> executed = python.requests.stream().map(ExecutionRequest::jobId).toList();
        assertThat(executed).doesNotHaveDuplicates().containsAll(ids);
        List<Job> all = server.jobs(WS, JobQuery.all().withPage(1, 1000));
        assertThat(all).filteredOn(j -> j.schedulePath().isEmpty())
            .hasSize(300).allMatch(j -> j.state() == JobState.SUCCESS);
        List<Job> ticks = all.stream().filter(j -> j.schedulePath().isPresent()).toList();
        assertThat(ticks).extracting(Job::scheduledFor).doesNotHaveDuplicates();
        Set<String> workers = all.stream().flatMap(j -> j.worker().stream())
            .collect(Collectors.toSet());
        assertThat(workers).isSubsetOf("worker-1", "worker-2", "worker-3").hasSizeGreaterThan(1);
      } finally {
        runners.forEach(Runner::close);
      }
    }
  }
}
