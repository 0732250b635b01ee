package io.pushmill.runner.exec;

import java.util.List;

/**
 * What the runner learns from a script's source before running it: the parameters of its entry
 * point (for the args schema and for validating args) and, for Python, the requirements that
 * decide its virtual environment.
 */
public record ScriptAnalysis(List<Param> params, List<String> requirements) {

  public ScriptAnalysis {
    params = List.copyOf(params);
    requirements = List.copyOf(requirements);
  }
}
