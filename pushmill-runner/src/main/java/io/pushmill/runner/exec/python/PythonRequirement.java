package io.pushmill.runner.exec.python;

import java.util.Optional;

/**
 * One requirement of a Python script: a pip spec ({@code prometheus-client}, {@code PyYAML==6.0})
 * and, when it was derived from an import rather than written in a {@code # requirements:} block,
 * the module whose presence satisfies it.
 */
public record PythonRequirement(String spec, Optional<String> module) {
  public PythonRequirement {
    if (spec.isBlank()) {
      throw new IllegalArgumentException("a requirement needs a spec");
    }
  }
}
