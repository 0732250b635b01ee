package io.pushmill.runner.exec;

import io.pushmill.runner.exec.bash.BashRuntime;
import io.pushmill.runner.exec.java.JavaRuntime;
import io.pushmill.runner.exec.process.ProcessLauncher;
import io.pushmill.runner.exec.python.PythonRuntime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The runtime of each {@link Language}, all sharing one configuration and process launcher. */
public final class LanguageRuntimes {
  private final RuntimeConfig config;
  private final Map<Language, LanguageRuntime> runtimes;

  private LanguageRuntimes(RuntimeConfig config, List<LanguageRuntime> runtimes) {
    this.config = config;
    this.runtimes = new EnumMap<>(Language.class);
    runtimes.forEach(r -> this.runtimes.put(r.language(), r));
  }

  /** Python, bash and Java runtimes for this configuration. */
  public static LanguageRuntimes create(RuntimeConfig config) {
    ProcessLauncher launcher =
        new ProcessLauncher(config.setsid(), config.gracePeriod(), config.outputLimits());
    return new LanguageRuntimes(
        config,
        List.of(
            new PythonRuntime(config, launcher),
            new BashRuntime(config, launcher),
            new JavaRuntime(config, launcher)));
  }

  /** The runtime for {@code language}; every {@link Language} has one. */
  public LanguageRuntime runtime(Language language) {
    LanguageRuntime runtime = runtimes.get(language);
    if (runtime == null) {
      throw new IllegalArgumentException("no runtime for language " + language.id());
    }
    return runtime;
  }

  /** The runtimes by language, as the runner's core takes them. */
  public Map<Language, LanguageRuntime> asMap() {
    return Map.copyOf(runtimes);
  }

  public Collection<LanguageRuntime> all() {
    return List.copyOf(runtimes.values());
  }

  public RuntimeConfig config() {
    return config;
  }
}
