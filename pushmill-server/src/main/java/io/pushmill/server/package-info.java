/** The {@code pushmill} command line: the entry point and what all subcommands share. */
package io.pushmill.server;
