/**
 * The job runner: Windmill's model of scripts by path, cron schedules with seconds, a database that
 * is also the queue, and workers. {@link io.pushmill.runner.Runner} is the facade the server calls;
 * the language runtimes behind {@code io.pushmill.runner.exec} run the scripts.
 */
package io.pushmill.runner;
