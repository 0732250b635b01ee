/**
 * The automatic job metrics, as metric families the gateway merges into its scrape. Every value
 * comes from the database, so any process answers the same.
 */
package io.pushmill.runner.metrics;
