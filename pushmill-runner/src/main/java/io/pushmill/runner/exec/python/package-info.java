/**
 * The {@code python3} runtime: analysis with Python's {@code ast}, requirements, cached virtual
 * environments, and the wrapper that calls {@code main(**args)}.
 */
package io.pushmill.runner.exec.python;
