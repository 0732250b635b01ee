/**
 * The store's file persistence: Pushmill's own checksummed file format (see {@code
 * docs/persistence.md}), atomic saves, and moving unreadable files aside instead of overwriting
 * them. Only {@link io.pushmill.gateway.persistence.FileStorePersistence} is public.
 */
package io.pushmill.gateway.persistence;
