#!/usr/bin/env bash
# Starts a hub of this checkout (embedded profile, its own data folder, heap -Xmx256m unless
# ORDERHUB_BENCH_JAVA_OPTS says otherwise), drops one file of N orders in the inbox of partner
# `local`, and prints orders persisted per second until its result file exists, and the peak
# heap the hub used (jstat samples). The hub's log is kept in target/ingest-file-hub.log.
# bash bench/ingest-file.sh [orders=100000] [lines=5]
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-100000}
lines=${2:-5}
port=${ORDERHUB_BENCH_PORT:-18081}
data=$(mktemp -d)
mvn -B -q package -DskipTests
# a copy, so a build during a long run does not pull the jar from under the hub
cp target/orderhub-0.1.0-SNAPSHOT.jar "$data/hub.jar"
# the embedded partner's minute-by-minute export would measure itself too: it is put off
java ${ORDERHUB_BENCH_JAVA_OPTS:--Xmx256m} -jar "$data/hub.jar" --server.port="$port" \
  --orderhub.data-dir="$data" --orderhub.partners.local.export.cron="0 0 0 1 1 ? 2099" \
  --logging.level.com.orderhub.order=WARN > "$data/hub.log" 2>&1 &
hub=$!
# the hub's log outlives the run, for a look when a figure surprises
cleanup() {
  set +e # every step runs, whatever the one before it says
  kill $hub $sampler 2>/dev/null
  wait $hub 2>/dev/null
  cp "$data/hub.log" target/ingest-file-hub.log
  rm -rf "$data"
}
trap cleanup EXIT
sampler=
for _ in $(seq 60); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null && break
  kill -0 $hub 2>/dev/null || { cat "$data/hub.log"; exit 1; }
  sleep 1
done
# reference data for the run (CreateOrdersBench creates it when asked for 0 orders)
run=$(java bench/CreateOrdersBench.java --url "http://localhost:$port" --orders 0 | tail -n 1)
javac -d "$data/bench" bench/CreateOrdersBench.java bench/OrderFileGenerator.java
java -cp "$data/bench" OrderFileGenerator "$data/orders.json.part" "$orders" "$lines" "$run"
echo "File of $orders orders: $(du -h "$data/orders.json.part" | cut -f1)"
(while kill -0 $hub 2>/dev/null; do jstat -gc $hub 2>/dev/null | tail -n 1; sleep 1; done > "$data/heap.txt") &
sampler=$!
mkdir -p "$data/inbox"
start=$(date +%s.%N)
mv "$data/orders.json.part" "$data/inbox/orders.json"
until [ -f "$data/results/orders.json.result.json" ]; do
  kill -0 $hub 2>/dev/null || { tail -n 50 "$data/hub.log"; echo "hub died"; exit 1; }
  sleep 1
done
end=$(date +%s.%N)
# the counts close the result file: read its tail, not its (one, long) line
completed=$(tail -c 200 "$data/results/orders.json.result.json" | grep -o '"completed":[0-9]*' | tail -n 1 | cut -d: -f2)
failed=$(tail -c 200 "$data/results/orders.json.result.json" | grep -o '"failed":[0-9]*' | tail -n 1 | cut -d: -f2)
peak=$(awk '{ used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$data/heap.txt")
printf '%-34s %12s\n' measure value
printf '%-34s %12.0f\n' "orders persisted per second" "$(echo "$completed / ($end - $start)" | bc -l)"
printf '%-34s %12.1f\n' "seconds until the result file" "$(echo "$end - $start" | bc -l)"
printf '%-34s %12s\n' "orders completed" "$completed"
printf '%-34s %12s\n' "orders failed" "$failed"
printf '%-34s %12s\n' "peak heap used (MiB)" "$peak"
grep -E "OutOfMemoryError" "$data/hub.log" && exit 1 || true
