package io.pushmill.server.ui.view;

import java.util.Optional;

/** The login form: its nonce, where to go after, and why the last try failed. */
public record LoginView(PageInfo page, String nonce, String next, Optional<String> error) {}
