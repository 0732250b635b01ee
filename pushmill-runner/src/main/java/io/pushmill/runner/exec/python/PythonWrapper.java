package io.pushmill.runner.exec.python;

import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.process.ProcessLauncher;
import io.pushmill.runner.exec.process.ProcessOutcome;
import io.pushmill.runner.exec.process.ProcessSpec;
import io.pushmill.runner.exec.support.CacheLock;
import io.pushmill.runner.exec.support.CollectingSink;
import io.pushmill.runner.exec.support.ContentHash;
import io.pushmill.runner.exec.support.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The job wrapper, compiled once per interpreter to a {@code .pyc} in the cache (venvs share their
 * base interpreter's bytecode version), and the directory where the wrapper keeps each script's
 * compiled code: together they save a job about 2 ms of compiling at every start.
 */
final class PythonWrapper {
  static final String SOURCE = Resources.text(PythonWrapper.class, "pushmill_wrapper.py");
  private static final String COMPILE =
      "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2],"
          + " dfile='pushmill_wrapper.py', doraise=True)";

  private final Path interpreter;
  private final Path root;
  private final Map<String, String> environment;
  private final ProcessLauncher launcher;
  private volatile Path compiled;

  PythonWrapper(
      Path interpreter, Path cacheDir, Map<String, String> environment, ProcessLauncher launcher) {
    this.interpreter = interpreter;
    this.root = cacheDir.resolve("python");
    this.environment = environment;
    this.launcher = launcher;
  }

  /** The compiled wrapper, compiling it on first use. */
  Path compiled() throws IOException, InterruptedException {
    Path pyc = compiled;
    if (pyc == null) {
      pyc = compile();
      compiled = pyc;
    }
    return pyc;
  }

  /** Where the wrapper caches scripts' code objects. */
  Path codeDir() throws IOException {
    return Files.createDirectories(root.resolve("code"));
  }

  private Path compile() throws IOException, InterruptedException {
    String name =
        "pushmill_wrapper-" + ContentHash.of(interpreter.toString(), SOURCE).substring(0, 16);
    Path pyc = root.resolve(name + ".pyc");
    if (Files.exists(pyc)) {
      return pyc;
    }
    return CacheLock.holding(
        root.resolve(name + ".lock"),
        () -> {
          if (!Files.exists(pyc)) {
            Path source = Files.writeString(root.resolve(name + ".py"), SOURCE);
            CollectingSink out = new CollectingSink(64 * 1024);
            ProcessOutcome outcome =
                launcher.run(
                    ProcessSpec.of(
                            List.of(
                                interpreter.toString(),
                                "-I",
                                "-c",
                                COMPILE,
                                source.toString(),
                                pyc.toString()),
                            root,
                            environment)
                        .withTimeout(Duration.ofSeconds(60)),
                    out,
                    Cancellation.never());
            if (!outcome.succeeded()) {
              throw new IOException(
                  "cannot compile the Python job wrapper with "
                      + interpreter
                      + ": "
                      + out.text().strip());
            }
          }
          return pyc;
        });
  }
}
