/**
 * The protobuf exposition format: length-delimited {@code io.prometheus.client.MetricFamily}
 * messages, read into and written from the model. The generated classes come from the vendored
 * {@code metrics.proto}; only {@link io.pushmill.metrics.proto.ProtobufFormat} is public.
 */
package io.pushmill.metrics.proto;
