/**
 * Expiry for the groups that Pushmill's own schedules push: the TTL rule, the cadence of a cron
 * schedule, and the policy the gateway asks for a group's TTL.
 */
package io.pushmill.server.expiry;
