package io.pushmill.runner;

/** The runner's contract on the embedded H2 database. */
class H2RunnerContractTest extends RunnerContract {
  @Override
  protected String newDatabaseUrl() {
    return TestRunners.h2MemoryUrl();
  }
}
