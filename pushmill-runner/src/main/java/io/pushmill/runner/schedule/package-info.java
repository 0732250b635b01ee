/**
 * Schedules with Windmill's semantics: one occurrence at a time, chained at completion, skipped
 * slots counted, and a reconciler that re-arms a schedule that lost its occurrence.
 */
package io.pushmill.runner.schedule;
