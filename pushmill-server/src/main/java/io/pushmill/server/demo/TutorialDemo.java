package io.pushmill.server.demo;

import io.pushmill.runner.ConflictException;
import io.pushmill.runner.NotFoundException;
import io.pushmill.runner.Runner;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.runner.store.Workspaces;
import io.pushmill.server.api.auth.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The tutorial's job: its Python script at {@link #SCRIPT} (the tutorial's code, except that the
 * gateway's address comes from the environment variable {@value #GATEWAY_VARIABLE}) and a schedule
 * that runs it every 5 s. The script and the schedule are created only when absent, so a second
 * start neither duplicates them nor undoes a user's edits (an archived script or a disabled
 * schedule stays so). The workspace variable {@value #GATEWAY_VARIABLE} is set at every start to
 * the gateway's address, since that can change between starts.
 */
public final class TutorialDemo {
  public static final String WORKSPACE = Workspaces.DEFAULT;
  public static final ScriptPath SCRIPT = ScriptPath.of("u/admin/random_number_metric_script");
  public static final ScriptPath SCHEDULE = ScriptPath.of("u/admin/random_number_metric_schedule");
  public static final String CRON = "*/5 * * * * *";
  public static final String GATEWAY_VARIABLE = "PROMETHEUS_GATEWAY_URL";
  /**
   * The script's timeout: the tutorial's job takes well under a second, and a short timeout keeps
   * the TTL the runner derives for its group short (2 × 5 s + 10 s = 20 s).
   */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String SOURCE = "random_number_metric_script.py";

  /** What {@link #install} found and did. */
  public record Installed(boolean scriptCreated, boolean scheduleCreated, boolean scheduleEnabled,
      String gatewayAddress) {}

  private TutorialDemo() {}

  /**
   * Installs the demo in the default workspace.
   *
   * @param gatewayAddress the gateway's URL as the jobs reach it, e.g. {@code http://127.0.0.1:9091}
   */
  public static Installed install(Runner runner, String gatewayAddress) {
    runner.setVariable(WORKSPACE, GATEWAY_VARIABLE, gatewayAddress);
    boolean scriptCreated = false;
    if (!exists(() -> runner.script(WORKSPACE, SCRIPT))) {
      runner.createScript(WORKSPACE, NewScript.of(SCRIPT, Language.PYTHON3, source())
          .withSummary("The tutorial's job: push a random number to the gateway")
          .withTimeout(TIMEOUT), Principal.ADMIN);
      scriptCreated = true;
    }
    boolean scheduleCreated = false;
    if (!exists(() -> runner.schedule(WORKSPACE, SCHEDULE))) {
      try {
        runner.createSchedule(WORKSPACE, NewSchedule.of(SCHEDULE, SCRIPT, CRON, "Etc/UTC"),
            Principal.ADMIN);
        scheduleCreated = true;
      } catch (ConflictException anotherServerWasFirst) {
        // Several servers on one database may install the demo at once; one schedule is enough.
      }
    }
    boolean enabled = runner.schedule(WORKSPACE, SCHEDULE).enabled();
    return new Installed(scriptCreated, scheduleCreated, enabled, gatewayAddress);
  }

  /** The demo script's source, as it is stored. */
  public static String source() {
    try (InputStream in = TutorialDemo.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo script " + SOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo script " + SOURCE, e);
    }
  }

  private static boolean exists(Runnable lookUp) {
    try {
      lookUp.run();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
