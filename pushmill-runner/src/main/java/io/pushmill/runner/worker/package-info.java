/**
 * Workers: the dispatcher and its slots, the job environment, log buffering and flushing,
 * cancellation, heartbeats, and the reaper of jobs whose worker died.
 */
package io.pushmill.runner.worker;
