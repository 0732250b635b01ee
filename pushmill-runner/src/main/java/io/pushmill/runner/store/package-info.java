/**
 * The runner's storage: one {@link io.pushmill.runner.store.Store} port with repositories, its JDBC
 * implementation for H2 and PostgreSQL, and the Flyway migrations in {@code db/pushmill-runner}.
 * Only {@link io.pushmill.runner.store.Dialect} knows which database it talks to.
 */
package io.pushmill.runner.store;
