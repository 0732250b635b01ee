#!/usr/bin/env bash
# Per-job overhead of the language runtimes over a raw spawn of the same command (J2, executor
# side): builds the runner's test classes and runs ExecutorOverheadBench. Usage:
#   bench/runner/executor-overhead.sh [runs-per-case]   (default 300)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_home="$("$root/bin/find-jdk")"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# One reactor build, so that pushmill-metrics comes from its target/classes, not a stale install.
"$root/bin/mvnw" -o -q -pl pushmill-runner -am -Djacoco.skip=true test-compile \
  dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
cp="$root/pushmill-runner/target/test-classes:$root/pushmill-runner/target/classes:$(cat "$cp_file")"
exec "$java_home/bin/java" -XX:+UseSerialGC -cp "$cp" \
  io.pushmill.runner.exec.bench.ExecutorOverheadBench "${1:-300}"
