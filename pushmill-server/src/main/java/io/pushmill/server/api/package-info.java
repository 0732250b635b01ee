/**
 * The HTTP API in Windmill's shapes under {@code /api}, on Jetty 12 core handlers: routes, JSON
 * shapes of scripts, schedules and jobs, the sync archive, and error mapping. Auth is in
 * {@code auth}.
 */
package io.pushmill.server.api;
