/** The runner's values: paths, scripts, schedules, jobs, queries, and the args check. */
package io.pushmill.runner.model;
