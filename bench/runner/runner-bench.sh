#!/usr/bin/env bash
# The runner benchmark of issue 3 (performance.md J1, J2, J3, J5), each target side by side with
# its reference in one run: builds the runner's test classes, starts a private PostgreSQL cluster
# (Debian's postgresql, durable settings), runs io.pushmill.runner.bench.RunnerBench, stops the
# cluster. Usage:
#   bench/runner/runner-bench.sh [--parts overhead,schedule,throughput] [--pairs 3] [--jobs 200]
#                                [--ticks 200] [--python-ticks 60] [--rows 200000] [--window 20] …
# (RunnerBench's javadoc lists every option.) Needs root for `runuser -u postgres`; without
# PostgreSQL (NO_POSTGRES=1) the PostgreSQL parts are skipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_home="$("$root/bin/find-jdk")"
work="$(mktemp -d /tmp/pushmill-runner-bench.XXXXXX)"
chmod 755 "$work"   # the postgres user must reach the cluster's directory
pg_args=()
cleanup() {
  "$root/bench/runner/pg.sh" stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT
# One reactor build, so that pushmill-metrics comes from its target/classes, not a stale install.
"$root/bin/mvnw" -o -q -pl pushmill-runner -am -Djacoco.skip=true test-compile \
  dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test >&2
cp="$root/pushmill-runner/target/test-classes:$root/pushmill-runner/target/classes:$(cat "$work/cp")"
if [ "${NO_POSTGRES:-0}" != 1 ]; then
  url="$("$root/bench/runner/pg.sh" start "$work/pg")"
  pg_args=(--postgres "$url" --postmaster "$(head -1 "$work/pg/data/postmaster.pid")")
fi
echo "uptime before: $(uptime)" >&2
"$java_home/bin/java" -XX:+UseSerialGC -cp "$cp" io.pushmill.runner.bench.RunnerBench \
  "${pg_args[@]}" "$@"
echo "uptime after: $(uptime)" >&2
