/** Who may call the API: the admin token and the signed tokens jobs get as {@code WM_TOKEN}. */
package io.pushmill.server.api.auth;
