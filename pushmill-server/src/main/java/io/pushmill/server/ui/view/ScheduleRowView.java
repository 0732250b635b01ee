package io.pushmill.server.ui.view;

/** One schedule's row alone, as htmx swaps it in after a toggle. */
public record ScheduleRowView(PageInfo page, ScheduleRow row) {}
