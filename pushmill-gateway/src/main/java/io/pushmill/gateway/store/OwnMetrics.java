package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricType;
import java.util.Optional;

/**
 * The type and HELP of the metrics the process itself exposes beside the pushed ones. A pushed
 * family with such a name must have the same type (else the push is refused, as upstream refuses
 * {@code go_goroutines} pushed as a counter), and is exposed with the built-in HELP.
 */
@FunctionalInterface
public interface OwnMetrics {
  /** The shape of the own family with this name, if there is one. */
  Optional<Shape> shapeOf(String familyName);

  /** The type and HELP of an own family. */
  record Shape(MetricType type, String help) {}

  /** No own metrics. */
  static OwnMetrics none() {
    return name -> Optional.empty();
  }
}
