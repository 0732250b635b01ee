package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricFamily;
import java.util.List;
import java.util.Optional;

/**
 * A push made ready for the writer by the pushing thread: families sanitised, checked on their own
 * and rendered, so that the writer only has to check them against the rest of the store.
 *
 * @param request the push as submitted
 * @param pushLabels the labels of the group's {@code push_*} series
 * @param refusal set when the push is refused whatever the store holds (timestamps, no name)
 * @param families the pushed families without {@code push_*} ones, sorted by name
 * @param expiry the group's expiry if this push sets it, counting from the push's time
 */
record PreparedPush(
    PushRequest request,
    Labels pushLabels,
    Optional<String> refusal,
    List<PreparedFamily> families,
    GroupExpiry expiry) {

  GroupingKey key() {
    return request.key();
  }

  /**
   * One sanitised family with, per metric, its rendered lines and its own problem (wrong value
   * kind, bad labels, repeated within the push), if any.
   */
  record PreparedFamily(StoredFamily stored, byte[][] texts, List<Optional<String>> problems) {
    String name() {
      return stored.family().name();
    }

    MetricFamily family() {
      return stored.family();
    }
  }
}
