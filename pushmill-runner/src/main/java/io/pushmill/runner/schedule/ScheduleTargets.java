package io.pushmill.runner.schedule;

import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.runner.store.Tx;

/** The script a schedule runs, if it can run it. */
final class ScheduleTargets {
  private ScheduleTargets() {}

  /** The head of the script, or a bad request naming why a schedule cannot run it. */
  static Script runnableScript(Tx tx, String workspace, ScriptPath path) {
    Script script = tx.scripts().head(workspace, path).orElseThrow(() -> new BadRequestException(
        "unknown script " + path + " in workspace " + workspace));
    if (script.archived()) {
      throw new BadRequestException("script " + path + " is archived");
    }
    return script;
  }
}
