package io.pushmill.runner.exec;

/**
 * A script that cannot be run as written: a syntax error, or no entry point of the expected shape.
 * The message names the problem and, where the language reports one, the line.
 */
public final class ScriptSyntaxException extends Exception {
  public ScriptSyntaxException(String message) {
    super(message);
  }
}
