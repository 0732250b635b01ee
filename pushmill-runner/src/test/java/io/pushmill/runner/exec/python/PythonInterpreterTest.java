package io.pushmill.runner.exec.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.exec.support.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonInterpreterTest {
  @TempDir Path tmp;

  @Test
  void the_default_interpreter_is_a_real_program_not_a_shim_script() {
    Path python = PythonInterpreter.systemDefault();

    assertThat(Files.isExecutable(python)).isTrue();
    assertThat(Executables.isScript(python)).isFalse();
  }

  @Test
  void a_shim_is_replaced_by_the_interpreter_it_runs() throws Exception {
    Path real = PythonInterpreter.systemDefault();
    Path shim = tmp.resolve("python3");
    Files.writeString(shim, "#!/bin/sh\nexec " + real + " \"$@\"\n");
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));

    Path resolved = PythonInterpreter.realInterpreter(shim);

    assertThat(resolved).isNotEqualTo(shim);
    assertThat(resolved.toRealPath()).isEqualTo(real.toRealPath());
  }

  @Test
  void a_real_interpreter_is_kept_as_given() {
    Path real = PythonInterpreter.systemDefault();

    assertThat(PythonInterpreter.realInterpreter(real)).isEqualTo(real);
  }
}
