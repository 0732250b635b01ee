package io.pushmill.runner;

/**
 * The root of the runner's domain exceptions. Each subclass has one meaning that the HTTP layer maps
 * to one status; messages name the bad value and never carry a token or password.
 */
public abstract sealed class RunnerException extends RuntimeException
    permits BadRequestException, NotFoundException, ConflictException, StorageException {

  protected RunnerException(String message) {
    super(message);
  }

  protected RunnerException(String message, Throwable cause) {
    super(message, cause);
  }
}
