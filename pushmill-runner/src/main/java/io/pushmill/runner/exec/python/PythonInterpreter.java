package io.pushmill.runner.exec.python;

import io.pushmill.runner.exec.support.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the real Python interpreter: the system's {@code /usr/bin/python3} before anything on PATH,
 * and never a version-manager shim (pyenv's {@code python3} is a bash script that costs about 80 ms
 * per start): a shim is asked once for the interpreter it would run.
 */
public final class PythonInterpreter {
  private PythonInterpreter() {}

  /** The interpreter to use by default. */
  public static Path systemDefault() {
    List<Path> found = Executables.all("python3", "/usr/bin/python3", "/usr/local/bin/python3");
    for (Path candidate : found) {
      if (!Executables.isScript(candidate)) {
        return candidate;
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("no python3 interpreter found in /usr/bin or on PATH");
    }
    return realInterpreter(found.get(0));
  }

  /** The interpreter itself when {@code configured} is a shim script, else {@code configured}. */
  public static Path realInterpreter(Path configured) {
    if (!Executables.isScript(configured)) {
      return configured;
    }
    try {
      Process process =
          new ProcessBuilder(configured.toString(), "-c", "import sys; print(sys.executable)")
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Path real = Path.of(out.strip().lines().reduce((a, b) -> b).orElse(""));
      if (process.exitValue() == 0 && real.isAbsolute() && Files.isExecutable(real)) {
        return real;
      }
      throw new IllegalStateException(
          configured + " is a script and did not name a Python interpreter: " + out.strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + configured + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resolving " + configured, e);
    }
  }
}
