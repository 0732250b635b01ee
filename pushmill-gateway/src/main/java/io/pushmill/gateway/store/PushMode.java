package io.pushmill.gateway.store;

/** How a push changes its group. */
public enum PushMode {
  /** PUT: the pushed families replace every family of the group. */
  REPLACE,
  /** POST: the pushed families replace only the families with the same names. */
  MERGE
}
