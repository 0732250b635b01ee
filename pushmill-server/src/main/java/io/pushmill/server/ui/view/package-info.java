/**
 * What the UI's templates get: immutable view records built by the pages, and {@link
 * io.pushmill.server.ui.view.Format} for times, durations, numbers and labels. Nothing here reads
 * the gateway or the runner.
 */
package io.pushmill.server.ui.view;
