/**
 * Jobs: queueing runs, the one path by which a job gets its verdict ({@link
 * io.pushmill.runner.job.JobCompleter}), cancellation, waiting, and retention.
 */
package io.pushmill.runner.job;
