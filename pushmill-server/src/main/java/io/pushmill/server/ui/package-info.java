/**
 * The web UI on the API's listener: login with the admin token (a session cookie, a CSRF token per
 * session), the gateway's groups and charts of the push history, and the runner's scripts,
 * schedules, jobs and workers. Pages are rendered on the server from JTE templates (the {@code
 * view} package holds what they get); htmx and uPlot come from webjars. Nothing here is reachable
 * without a session but the login page and the static files.
 */
package io.pushmill.server.ui;
