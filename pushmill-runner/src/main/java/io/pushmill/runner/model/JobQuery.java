package io.pushmill.runner.model;

import io.pushmill.runner.BadRequestException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Filters of the job list, as Windmill's {@code jobs/list} takes them. {@code running} true means
 * running jobs, false means queued ones; {@code success} true means successful jobs, false means
 * failed or canceled ones. Pages count from 1; jobs come newest first.
 */
public record JobQuery(
    Optional<ScriptPath> scriptPathExact,
    Optional<ScriptPath> schedulePath,
    Optional<Boolean> running,
    Optional<Boolean> success,
    Optional<Instant> createdAfter,
    Optional<Instant> createdBefore,
    Set<JobKind> kinds,
    int page,
    int perPage) {

  public static final int MAX_PER_PAGE = 1000;

  public JobQuery {
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    checkPage(page, perPage);
  }

  /** Every job, first page of 30. */
  public static JobQuery all() {
    return new JobQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Set.of(), 1, 30);
  }

  static void checkPage(int page, int perPage) {
    if (page < 1) {
      throw new BadRequestException("page must be 1 or more, got " + page);
    }
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new BadRequestException(
          "per_page must be between 1 and " + MAX_PER_PAGE + ", got " + perPage);
    }
  }

  public JobQuery withScriptPath(ScriptPath p) {
    return new JobQuery(Optional.of(p), schedulePath, running, success, createdAfter,
        createdBefore, kinds, page, perPage);
  }

  public JobQuery withSchedulePath(ScriptPath p) {
    return new JobQuery(scriptPathExact, Optional.of(p), running, success, createdAfter,
        createdBefore, kinds, page, perPage);
  }

  public JobQuery withRunning(boolean value) {
    return new JobQuery(scriptPathExact, schedulePath, Optional.of(value), success, createdAfter,
        createdBefore, kinds, page, perPage);
  }

  public JobQuery withSuccess(boolean value) {
    return new JobQuery(scriptPathExact, schedulePath, running, Optional.of(value), createdAfter,
        createdBefore, kinds, page, perPage);
  }

  public JobQuery withCreatedAfter(Instant t) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, Optional.of(t),
        createdBefore, kinds, page, perPage);
  }

  public JobQuery withCreatedBefore(Instant t) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        Optional.of(t), kinds, page, perPage);
  }

  public JobQuery withKinds(Set<JobKind> newKinds) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        createdBefore, newKinds, page, perPage);
  }

  public JobQuery withPage(int newPage, int newPerPage) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        createdBefore, kinds, newPage, newPerPage);
  }
}
