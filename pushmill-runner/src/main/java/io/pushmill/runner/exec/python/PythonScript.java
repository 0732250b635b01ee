package io.pushmill.runner.exec.python;

import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.ScriptAnalysis;
import java.util.List;

/** What the analyser learned about a Python script: main's parameters and its requirements. */
record PythonScript(List<Param> params, List<PythonRequirement> requirements) {
  PythonScript {
    params = List.copyOf(params);
    requirements = List.copyOf(requirements);
  }

  ScriptAnalysis analysis() {
    return new ScriptAnalysis(params, requirements.stream().map(PythonRequirement::spec).toList());
  }
}
