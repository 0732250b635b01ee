/** Cron expressions with seconds and IANA timezones, on Spring's {@code CronExpression}. */
package io.pushmill.runner.cron;
