#!/usr/bin/env bash
# Server-side render times of the web UI with big data: 10,000 gateway groups and 100,000 jobs
# (H2, the default database), the median and slowest of N requests per page against the 300 ms
# target. Builds the server's test classes and runs io.pushmill.server.ui.UiBench. Usage:
#   bench/ui/ui-bench.sh [requests-per-page]   (default 30)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_home="$("$root/bin/find-jdk")"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
"$root/bin/mvnw" -o -q -pl pushmill-server -am -Djacoco.skip=true test-compile \
  dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
m="$root/pushmill-server/target"
cp="$m/test-classes:$m/classes:$(cat "$cp_file")"
exec "$java_home/bin/java" -Xmx1g -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  ${UI_BENCH_OPTS:-} -cp "$cp" io.pushmill.server.ui.UiBench "${1:-30}"
