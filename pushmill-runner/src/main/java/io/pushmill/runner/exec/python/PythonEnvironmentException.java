package io.pushmill.runner.exec.python;

/** A script's virtual environment could not be made ready; the message says which package. */
public final class PythonEnvironmentException extends RuntimeException {
  public PythonEnvironmentException(String message) {
    super(message);
  }
}
