package io.pushmill.server.ui.view;

/**
 * What the job page's poller gets: the log written since its offset, the next poll (none once the
 * job has finished), and the job's state section to replace.
 */
public record LogUpdateView(String text, JobView job) {}
