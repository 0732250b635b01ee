/**
 * The Prometheus text exposition format 0.0.4 ({@link io.pushmill.metrics.text.TextParser}, {@link
 * io.pushmill.metrics.text.TextWriter}) and OpenMetrics 1.0 output ({@link
 * io.pushmill.metrics.text.OpenMetricsWriter}), byte-compatible with prometheus/common's {@code
 * expfmt}; Go's number formatting ({@link io.pushmill.metrics.text.GoFloat}); and upstream's name
 * validation and escaping ({@link io.pushmill.metrics.text.NameValidation}, {@link
 * io.pushmill.metrics.text.NameEscaping}). Pure: no I/O beyond the streams it is given.
 */
package io.pushmill.metrics.text;
