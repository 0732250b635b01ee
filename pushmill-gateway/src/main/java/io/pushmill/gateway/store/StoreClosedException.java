package io.pushmill.gateway.store;

/** A write was submitted to a {@link MetricStore} after {@link MetricStore#close()}. */
public final class StoreClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public StoreClosedException() {
    super("the metric store is closed and accepts no more writes");
  }
}
