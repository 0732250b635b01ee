/**
 * The bounded in-memory push history: one sample per pushed series and push, kept in a compact ring
 * buffer per series, bounded by samples, age and bytes; fed by the store's {@link
 * io.pushmill.gateway.store.PushListener} and read by the history API and the UI's charts.
 */
package io.pushmill.gateway.history;
