/** Helpers the language runtimes share: JSON, content hashes, cache locks, job results. */
package io.pushmill.runner.exec.support;
