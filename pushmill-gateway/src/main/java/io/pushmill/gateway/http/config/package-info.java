/**
 * {@code --web.config.file} in the exporter-toolkit's format: parsing, TLS from PEM files, basic
 * auth with bcrypt, extra headers, the rate limit, and re-reading the file when it changes.
 */
package io.pushmill.gateway.http.config;
