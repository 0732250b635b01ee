package io.pushmill.runner;

import io.pushmill.runner.model.Job;

/**
 * Gives a job the bearer token it sees as {@code WM_TOKEN}: the server plugs in its own issuer so
 * scripts can call the API with the job's permissions. The runner never logs the token.
 */
@FunctionalInterface
public interface JobTokenIssuer {
  String tokenFor(Job job);

  /** No API to call: {@code WM_TOKEN} is empty. */
  static JobTokenIssuer none() {
    return job -> "";
  }
}
