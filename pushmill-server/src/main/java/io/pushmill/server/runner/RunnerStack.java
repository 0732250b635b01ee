package io.pushmill.server.runner;

import io.pushmill.runner.Runner;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.server.api.WindmillApi;
import io.pushmill.server.api.auth.AdminToken;
import io.pushmill.server.api.auth.Authenticator;
import io.pushmill.server.api.auth.JobTokens;
import java.time.Clock;
import java.util.Map;

/**
 * A {@link Runner} with what the server layer adds around it: job tokens signed with the admin
 * token (so {@code WM_TOKEN} works against any server process sharing that token) and the
 * authenticator the API checks requests with.
 */
public final class RunnerStack implements AutoCloseable {
  private final Runner runner;
  private final Map<Language, LanguageRuntime> runtimes;
  private final AdminToken admin;
  private final JobTokens jobTokens;
  private final Clock clock;

  private RunnerStack(Runner runner, Map<Language, LanguageRuntime> runtimes, AdminToken admin,
      JobTokens jobTokens, Clock clock) {
    this.runner = runner;
    this.runtimes = Map.copyOf(runtimes);
    this.admin = admin;
    this.jobTokens = jobTokens;
    this.clock = clock;
  }

  /**
   * Opens (and migrates) the database; the runner is not started.
   *
   * @param config storage, worker and timeouts; its token issuer is replaced
   * @param tokenClock the time job tokens are issued and checked at
   */
  public static RunnerStack open(RunnerConfig.Builder config,
      Map<Language, LanguageRuntime> runtimes, AdminToken admin, Clock tokenClock) {
    ScriptTimeouts timeouts = new ScriptTimeouts(config.build().defaultTimeout());
    JobTokens tokens = JobTokens.create(admin, tokenClock, timeouts);
    Runner runner = Runner.create(config.tokenIssuer(tokens).build(), runtimes);
    timeouts.bind(runner);
    return new RunnerStack(runner, runtimes, admin, tokens, tokenClock);
  }

  public Runner runner() {
    return runner;
  }

  public Map<Language, LanguageRuntime> runtimes() {
    return runtimes;
  }

  public AdminToken admin() {
    return admin;
  }

  public JobTokens jobTokens() {
    return jobTokens;
  }

  public Clock clock() {
    return clock;
  }

  /** Accepts the admin token and the tokens of this database's unfinished jobs. */
  public Authenticator authenticator() {
    return new Authenticator(admin, jobTokens, WindmillApi.activeJobs(runner));
  }

  /** Stops the runner (running jobs get the shutdown grace) and closes the database. */
  @Override
  public void close() {
    runner.close();
  }
}
