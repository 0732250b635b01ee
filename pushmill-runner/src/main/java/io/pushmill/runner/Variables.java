package io.pushmill.runner;

import io.pushmill.runner.store.Store;
import io.pushmill.runner.store.Workspaces;
import io.pushmill.runner.worker.Worker;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Workspaces and their environment variables, with the checks on names. */
final class Variables {
  private static final Pattern WORKSPACE = Pattern.compile("[a-z0-9_-]{1,50}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

  private final Store store;
  private final Clock clock;
  private final Optional<Worker> worker;

  Variables(Store store, Clock clock, Optional<Worker> worker) {
    this.store = store;
    this.clock = clock;
    this.worker = worker;
  }

  List<String> workspaces() {
    return store.read(tx -> tx.workspaces().list());
  }

  void createWorkspace(String id, String name) {
    if (id == null || !WORKSPACE.matcher(id).matches()) {
      throw new BadRequestException("invalid workspace id '" + id
          + "': use 1 to 50 lowercase letters, digits, '_' and '-'");
    }
    store.inTransaction(tx -> {
      if (tx.workspaces().exists(id)) {
        throw new ConflictException("workspace " + id + " already exists");
      }
      tx.workspaces().create(id, name == null || name.isBlank() ? id : name, clock.instant());
      return null;
    });
  }

  Map<String, String> get(String workspace) {
    return store.read(tx -> {
      Workspaces.require(tx, workspace);
      return tx.workspaces().environment(workspace);
    });
  }

  void set(String workspace, String name, String value) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BadRequestException("invalid variable name '" + name
          + "': use letters, digits and '_', not starting with a digit");
    }
    if (name.startsWith("WM_") || name.equals("BASE_INTERNAL_URL")) {
      throw new BadRequestException("variable name " + name + " is reserved for the runner");
    }
    if (value == null) {
      throw new BadRequestException("variable " + name + " needs a value");
    }
    store.inTransaction(tx -> {
      Workspaces.require(tx, workspace);
      tx.workspaces().setVariable(workspace, name, value);
      return null;
    });
    worker.ifPresent(w -> w.variablesChanged(workspace));
  }

  void delete(String workspace, String name) {
    boolean deleted = store.inTransaction(tx -> {
      Workspaces.require(tx, workspace);
      return tx.workspaces().deleteVariable(workspace, name);
    });
    if (!deleted) {
      throw new NotFoundException("variable " + name + " not found in workspace " + workspace);
    }
    worker.ifPresent(w -> w.variablesChanged(workspace));
  }
}
