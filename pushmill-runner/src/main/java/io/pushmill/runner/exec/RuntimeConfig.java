package io.pushmill.runner.exec;

import io.pushmill.runner.exec.process.OutputLimits;
import io.pushmill.runner.exec.python.PythonInterpreter;
import io.pushmill.runner.exec.support.Executables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How the language runtimes run jobs on this machine.
 *
 * @param pythonInterpreter the base Python interpreter; never a version-manager shim
 * @param bash the bash program
 * @param javaHome the JDK whose {@code bin/java} runs Java jobs (compilation runs in process)
 * @param setsid the {@code setsid} program that gives bash and Java jobs a session of their own;
 *     without it a timeout ends only the job's live descendants
 * @param cacheDir where virtual environments and compiled classes are kept between jobs and runs
 * @param jobsDir where each job gets its temporary directory
 * @param gracePeriod between SIGTERM and SIGKILL when a job's tree is ended
 * @param outputLimits how much of a job's output goes to its log, and how long a last line is kept
 * @param javaOptions JVM options of the child JVM that runs a Java job
 * @param installEnvironment the environment of venv creation, requirement checks and pip (proxy and
 *     index settings live here); jobs themselves get only their request's environment
 * @param installTimeout the longest a venv creation plus pip install may take
 */
public record RuntimeConfig(
    Path pythonInterpreter,
    Path bash,
    Path javaHome,
    Optional<Path> setsid,
    Path cacheDir,
    Path jobsDir,
    Duration gracePeriod,
    OutputLimits outputLimits,
    List<String> javaOptions,
    Map<String, String> installEnvironment,
    Duration installTimeout) {

  /** The child JVM's default options: a small heap and the fastest start-up. */
  public static final List<String> DEFAULT_JAVA_OPTIONS =
      List.of(
          "-Xshare:auto",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-XX:-UsePerfData",
          "-Xms16m",
          "-Xmx256m");

  public RuntimeConfig {
    javaOptions = List.copyOf(javaOptions);
    installEnvironment = Map.copyOf(installEnvironment);
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("grace period must not be negative: " + gracePeriod);
    }
    if (installTimeout.isNegative() || installTimeout.isZero()) {
      throw new IllegalArgumentException("install timeout must be positive: " + installTimeout);
    }
  }

  /**
   * Defaults for this machine: the system's {@code python3} (not a shim), {@code bash} and {@code
   * setsid} from {@code /usr/bin} or {@code /bin} or PATH, this JVM's JDK, caches and job
   * directories under the system temp directory, a 5 s grace period.
   */
  public static RuntimeConfig defaults() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    return new RuntimeConfig(
        PythonInterpreter.systemDefault(),
        Executables.find("bash", "/usr/bin/bash", "/bin/bash")
            .orElseThrow(
                () -> new IllegalStateException("no bash found in /usr/bin, /bin or PATH")),
        Path.of(System.getProperty("java.home")),
        Executables.find("setsid", "/usr/bin/setsid", "/bin/setsid"),
        tmp.resolve("pushmill-cache"),
        tmp.resolve("pushmill-jobs"),
        Duration.ofSeconds(5),
        OutputLimits.DEFAULT,
        DEFAULT_JAVA_OPTIONS,
        System.getenv(),
        Duration.ofMinutes(10));
  }

  public RuntimeConfig withPythonInterpreter(Path value) {
    return with(p -> p.pythonInterpreter = value);
  }

  public RuntimeConfig withCacheDir(Path value) {
    return with(p -> p.cacheDir = value);
  }

  public RuntimeConfig withJobsDir(Path value) {
    return with(p -> p.jobsDir = value);
  }

  public RuntimeConfig withGracePeriod(Duration value) {
    return with(p -> p.gracePeriod = value);
  }

  public RuntimeConfig withOutputLimits(OutputLimits value) {
    return with(p -> p.outputLimits = value);
  }

  public RuntimeConfig withInstallEnvironment(Map<String, String> value) {
    return with(p -> p.installEnvironment = value);
  }

  /** A copy with {@code change} applied to its components; the canonical constructor checks it. */
  private RuntimeConfig with(Consumer<Parts> change) {
    Parts parts = new Parts(this);
    change.accept(parts);
    return parts.build();
  }

  /** The components of a config, to be changed one at a time by the withers. */
  private static final class Parts {
    private Path pythonInterpreter;
    private final Path bash;
    private final Path javaHome;
    private final Optional<Path> setsid;
    private Path cacheDir;
    private Path jobsDir;
    private Duration gracePeriod;
    private OutputLimits outputLimits;
    private final List<String> javaOptions;
    private Map<String, String> installEnvironment;
    private final Duration installTimeout;

    Parts(RuntimeConfig c) {
      pythonInterpreter = c.pythonInterpreter;
      bash = c.bash;
      javaHome = c.javaHome;
      setsid = c.setsid;
      cacheDir = c.cacheDir;
      jobsDir = c.jobsDir;
      gracePeriod = c.gracePeriod;
      outputLimits = c.outputLimits;
      javaOptions = c.javaOptions;
      installEnvironment = c.installEnvironment;
      installTimeout = c.installTimeout;
    }

    RuntimeConfig build() {
      return new RuntimeConfig(pythonInterpreter, bash, javaHome, setsid, cacheDir, jobsDir,
          gracePeriod, outputLimits, javaOptions, installEnvironment, installTimeout);
    }
  }
}
