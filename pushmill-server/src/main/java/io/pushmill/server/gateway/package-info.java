/** {@code pushmill gateway}: upstream's flags, and the wiring of persistence, store and server. */
package io.pushmill.server.gateway;
