#!/usr/bin/env bash
# A private, durable PostgreSQL cluster for the runner benchmark, from the Debian `postgresql`
# package: `pg.sh start DIR` prints a JDBC URL, `pg.sh stop DIR` stops the cluster and deletes DIR.
# Loopback only, a port chosen by the OS, performance.md's settings: shared_buffers=256MB,
# fsync=on, synchronous_commit=on (the defaults, said explicitly). initdb refuses root, so the
# cluster runs as the `postgres` user.
set -euo pipefail
cmd="${1:?usage: pg.sh start|stop DIR}"
dir="${2:?usage: pg.sh start|stop DIR}"
pgbin="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$pgbin/initdb" ] || { echo "no PostgreSQL found (apt-get install -y postgresql)" >&2; exit 1; }
as_pg() { runuser -u postgres -- "$@"; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    chown postgres "$dir"
    as_pg "$pgbin/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log"
    port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
shared_buffers = 256MB
fsync = on
synchronous_commit = on
max_connections = 100
CONF
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
    as_pg "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc 'CREATE DATABASE bench' >/dev/null
    echo "jdbc:postgresql://127.0.0.1:$port/bench?user=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_pg "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: pg.sh start|stop DIR" >&2; exit 2 ;;
esac
