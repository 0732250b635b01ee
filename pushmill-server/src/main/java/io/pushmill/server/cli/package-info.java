/**
 * The client commands ({@code script push}, {@code schedule …}, {@code run}, {@code jobs …}) over
 * the Windmill-shaped HTTP API, with {@code java.net.http}.
 */
package io.pushmill.server.cli;
