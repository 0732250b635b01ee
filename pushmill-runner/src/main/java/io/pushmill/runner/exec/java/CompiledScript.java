package io.pushmill.runner.exec.java;

import io.pushmill.runner.exec.Param;
import java.nio.file.Path;
import java.util.List;

/** A compiled Java script in the cache: its class files, its main class and main's parameters. */
record CompiledScript(Path classes, String className, List<Param> params) {
  CompiledScript {
    params = List.copyOf(params);
  }
}
