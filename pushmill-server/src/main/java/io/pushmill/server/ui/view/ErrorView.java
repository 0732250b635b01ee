package io.pushmill.server.ui.view;

/** A page that says why a request failed. */
public record ErrorView(PageInfo page, int status, String message) {}
