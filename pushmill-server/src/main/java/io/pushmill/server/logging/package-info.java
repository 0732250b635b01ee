/** Logback configured in code, with upstream's logfmt and JSON line formats. */
package io.pushmill.server.logging;
