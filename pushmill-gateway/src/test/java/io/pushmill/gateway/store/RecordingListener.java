package io.pushmill.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A push listener that writes down what it hears, as text, for assertions. */
final class RecordingListener implements PushListener {
  final List<AcceptedPush> accepted = new CopyOnWriteArrayList<>();
  final List<String> removed = new CopyOnWriteArrayList<>();

  @Override
  public void accepted(AcceptedPush push) {
    accepted.add(push);
  }

  @Override
  public void removed(GroupingKey key, Instant time, Removal cause) {
    removed.add(cause + " " + key + " at " + time);
  }
}
