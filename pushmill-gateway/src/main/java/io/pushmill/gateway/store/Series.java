package io.pushmill.gateway.store;

import io.pushmill.metrics.Metric;

/**
 * One stored metric: the sanitised model object (for the API, persistence and protobuf scrapes),
 * its sample lines pre-rendered with names escaped (for text scrapes), and the group that owns it.
 */
record Series(Metric metric, byte[] text, GroupState owner) {}
