/** The {@code bash} runtime: Windmill's positional-argument signature, set -e, results. */
package io.pushmill.runner.exec.bash;
