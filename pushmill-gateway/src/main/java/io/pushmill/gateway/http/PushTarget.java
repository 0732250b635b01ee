package io.pushmill.gateway.http;

import io.pushmill.gateway.store.GroupingKey;
import java.time.Duration;
import java.util.Optional;

/**
 * What a push or delete URL addresses: the group, and the TTL its {@code __ttl__} pseudo-label asks
 * for ({@link Duration#ZERO}: never expire).
 */
public record PushTarget(GroupingKey key, Optional<Duration> ttl) {}
