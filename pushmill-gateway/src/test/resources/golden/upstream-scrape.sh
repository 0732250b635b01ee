#!/bin/sh
# Replays scrape-pushes/ against the reference Pushgateway (Debian's prometheus-pushgateway, run
# in memory only) and prints its scrape without the gateway's own families. The result must equal
# scrape.txt except for the push_time_seconds values (upstream uses the real time, the test a
# fixed clock). Usage, from this directory: ./upstream-scrape.sh [port]
set -eu
port="${1:-47391}"
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "port $port is in use; pass another one" >&2
  exit 1
fi
prometheus-pushgateway --persistence.file="" --web.listen-address="127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/-/ready"; do sleep 0.1; done
for f in scrape-pushes/*.txt; do
  base=$(basename "$f" .txt)
  method=$(echo "$base" | cut -d_ -f2)
  path=$(echo "$base" | cut -d_ -f3- | tr '+' '/')
  curl -sf -X "$method" --data-binary "@$f" "http://127.0.0.1:$port/metrics/$path" >/dev/null
done
curl -sf "http://127.0.0.1:$port/metrics" | awk '
  /^# (HELP|TYPE) / { own = ($3 ~ /^(go_|process_|pushgateway_)/) }
  !/^#/ { own = ($1 ~ /^(go_|process_|pushgateway_)/) }
  !own'
