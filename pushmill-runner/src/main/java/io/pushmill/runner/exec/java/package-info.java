/**
 * The {@code java} runtime: in-process compilation with javax.tools, a class cache by content hash,
 * and child JVMs started with our launcher.
 */
package io.pushmill.runner.exec.java;
