/** The server-rendered web UI at {@code /} and {@code /status}, and its static assets. */
package io.pushmill.gateway.http.web;
