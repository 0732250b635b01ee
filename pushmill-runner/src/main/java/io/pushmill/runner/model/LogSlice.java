package io.pushmill.runner.model;

/**
 * A piece of a job's log from a given offset, and the offset to ask for next (Windmill's
 * {@code log_offset}: a count of UTF-16 characters, as JavaScript counts string length).
 */
public record LogSlice(String text, long nextOffset) {}
