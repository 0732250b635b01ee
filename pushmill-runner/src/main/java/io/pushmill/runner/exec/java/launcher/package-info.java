/**
 * The child-JVM side of Java jobs: only java.base, copied to the cache and put on the child's class
 * path next to the script's classes.
 */
package io.pushmill.runner.exec.java.launcher;
