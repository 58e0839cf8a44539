#!/usr/bin/env bash
# The benchmark of issue 8 in one run: the limit L (plain JDBC into the hub's schema), REST intake
# E, file intake F with the hub's peak heap, and read latencies on a large order book; then the
# ratios against L and the bar. Prints a table and writes target/bench/results-<timestamp>.json.
#
# bash bench/run.sh [--profile prod|embedded] [--orders 100000] [--read-orders 1000000]
#                   [--port 18090] [--hub-heap 1g] [--million-file [--memory-orders 1000000]]
#                   [--no-build] [--keep-db] [--no-reads] [--hub-opts "<JVM options>"]
#
# prod: PostgreSQL on 127.0.0.1:5432 (user postgres, trust), database orderhub_bench_<port> dropped
# and created for each run (and dropped after it, unless --keep-db); RabbitMQ on 127.0.0.1:5672
# (guest/guest), queue and exchange orderhub.bench.<port> (and .dead), deleted after the run.
# embedded: H2 file in a fresh data folder, in-JVM queue.
# A quick smoke run: bash bench/run.sh --orders 5000 --read-orders 50000
# Intake only (L, E and F; no 1M-order fill, no reads): bash bench/run.sh --no-reads
set -euo pipefail
cd "$(dirname "$0")/.."

profile=prod
orders=100000
read_orders=1000000
port=18090
hub_heap=1g
hub_opts=
million=false
memory_orders=1000000
build=true
keep_db=false
reads=true
read_client_opts="-XX:TieredStopAtLevel=1"
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=$2; shift 2 ;;
    --orders) orders=$2; shift 2 ;;
    --read-orders) read_orders=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --hub-heap) hub_heap=$2; shift 2 ;;
    --hub-opts) hub_opts=$2; shift 2 ;;
    --million-file) million=true; shift ;;
    --memory-orders) memory_orders=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    --keep-db) keep_db=true; shift ;;
    --no-reads) reads=false; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$profile" in prod|embedded) ;; *) echo "--profile is prod or embedded" >&2; exit 2 ;; esac
# before anything is set up or cleaned up: the database and queue of a port belong to whoever holds it
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is in use: choose another with --port (18090-18099)" >&2
  exit 1
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=target/bench
mkdir -p "$results"
tsv="$results/results-$stamp.tsv"
json="$results/results-$stamp.json"
work=$(mktemp -d /tmp/orderhub-bench.XXXXXX)
# named after the port, which only one run can hold, so two runs on one machine stay apart
database=orderhub_bench_$port
queue=orderhub.bench.$port
tenant=bench
key=bench-key
hub=
cp=
log() { echo "[$(date +%H:%M:%S)] $*"; }
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$tsv"; }

stop_hub() {
  [ -n "$hub" ] || return 0
  kill -TERM "$hub" 2>/dev/null || true
  # the hub's graceful stop lets in-flight work finish; past a minute it is killed
  for _ in $(seq 60); do kill -0 "$hub" 2>/dev/null || break; sleep 1; done
  kill -KILL "$hub" 2>/dev/null || true
  wait "$hub" 2>/dev/null || true
  hub=
}

cleanup() {
  set +e # every step runs, whatever the one before it says
  stop_hub
  for f in "$work"/hub*.log "$work"/gc*.log; do [ -f "$f" ] && cp "$f" "$results/$(basename "$f" .log)-$stamp.log"; done
  if [ "$profile" = prod ]; then
    $keep_db || dropdb -h 127.0.0.1 -U postgres --if-exists "$database"
    java -cp "$cp" RabbitCleanup "$queue" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if $build; then
  log "building the jar"
  mvn -B -q package -DskipTests
fi
# a copy, so a build during the run does not pull the jar from under the hub
cp target/orderhub-0.1.0-SNAPSHOT.jar "$work/hub.jar"
# the JDBC drivers and the AMQP client of the bench programs are the hub's own
unzip -q -j "$work/hub.jar" 'BOOT-INF/lib/postgresql-*.jar' 'BOOT-INF/lib/h2-*.jar' \
  'BOOT-INF/lib/amqp-client-*.jar' 'BOOT-INF/lib/slf4j-api-*.jar' -d "$work/lib"
javac -d "$work/classes" -cp "$work/lib/*" bench/*.java
cp="$work/classes:$work/lib/*"

hub_args=(--server.port="$port" --orderhub.data-dir="$work/data"
  "--orderhub.security.api-keys[0].key=$key" "--orderhub.security.api-keys[0].tenant=$tenant"
  "--orderhub.security.api-keys[0].scopes=read,write"
  --orderhub.partners.bench.tenant="$tenant" --orderhub.partners.bench.inbox-uri="file:$work/inbox"
  --orderhub.partners.bench.results-uri="file:$work/results"
  # the key's rate limit would measure itself instead of the hub: it is lifted
  --orderhub.api.rate-limit.requests=1000000 --orderhub.api.rate-limit.burst=1000000
  --logging.level.com.orderhub=WARN)
hub_env=()
if [ "$profile" = prod ]; then
  log "fresh database $database and queue $queue"
  dropdb -h 127.0.0.1 -U postgres --if-exists "$database"
  createdb -h 127.0.0.1 -U postgres "$database"
  java -cp "$cp" RabbitCleanup "$queue" 2>/dev/null
  hub_args+=(--spring.profiles.active=prod)
  hub_env=(ORDERHUB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" ORDERHUB_DB_USER=postgres
    ORDERHUB_QUEUE_NAME="$queue")
  jdbc_url="jdbc:postgresql://127.0.0.1:5432/$database?reWriteBatchedInserts=true"
  jdbc_user=postgres
else
  # AUTO_SERVER: the hub opens the file as usual; the bench programs reach it through the hub's
  # H2 server, the way they reach PostgreSQL
  h2_url="jdbc:h2:file:$work/data/db/orderhub;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
  # the embedded partner's minute-by-minute export would measure itself too: it is put off
  hub_args+=(--spring.datasource.url="$h2_url" --orderhub.partners.local.export.cron="0 0 0 1 1 ? 2099")
  jdbc_url=$h2_url
  jdbc_user=sa
fi
mkdir -p "$work/inbox" "$work/results"

# start_hub <heap> <name>: the hub's log goes to <name>.log, its GC log to gc-<name>.log
start_hub() {
  # shellcheck disable=SC2086 # the options are words
  env "${hub_env[@]}" java -Xmx"$1" $hub_opts -Xlog:gc:file="$work/gc-$2.log" -jar "$work/hub.jar" "${hub_args[@]}" \
    > "$work/$2.log" 2>&1 &
  hub=$!
  for _ in $(seq 120); do
    curl -sf "http://localhost:$port/actuator/health" >/dev/null && return 0
    kill -0 "$hub" 2>/dev/null || { tail -n 50 "$work/$2.log"; echo "the hub did not start" >&2; exit 1; }
    sleep 1
  done
  echo "the hub did not answer its health check within 2 minutes" >&2
  exit 1
}

# heap_peak <gc log> <first line>: the most heap in use before any collection logged from that
# line on, in MiB; heap use only grows between collections, so this is its peak, garbage included
heap_peak() {
  tail -n +"$2" "$1" | grep -oE '[0-9]+[KMG]->[0-9]+[KMG]\([0-9]+[KMG]\)' | awk -F'->' '
    function mib(v) { u = substr(v, length(v)); n = substr(v, 1, length(v) - 1);
                      return u == "K" ? n / 1024 : u == "G" ? n * 1024 : n + 0 } # a number, not text
    { b = mib($1); if (b > max) max = b } END { printf "%.0f", max }'
}

# file_intake <key> <orders> <gc log>: drops one file of that many orders in the bench partner's
# inbox and waits for its result file
file_intake() {
  local name=$1 count=$2 gc=$3 run file start end completed failed size first peak
  run=$(java -cp "$cp" CreateOrdersBench --url "http://localhost:$port" --key "$key" --orders 0 | tail -n 1)
  file="orders-$name.json"
  java -cp "$cp" OrderFileGenerator "$work/$file.part" "$count" 5 "$run"
  size=$(du -m "$work/$file.part" | cut -f1)
  log "file of $count orders ($size MB) dropped in the inbox"
  first=$(( $(wc -l < "$gc") + 1 ))
  start=$(date +%s.%N)
  mv "$work/$file.part" "$work/inbox/$file"
  until [ -f "$work/results/$file.result.json" ]; do
    kill -0 "$hub" 2>/dev/null || { tail -n 50 "$work"/hub*.log; echo "the hub died" >&2; exit 1; }
    sleep 0.2
  done
  end=$(date +%s.%N)
  # the counts close the result file: read its tail, not its (one, long) line
  completed=$(tail -c 200 "$work/results/$file.result.json" | grep -o '"completed":[0-9]*' | tail -n 1 | cut -d: -f2)
  failed=$(tail -c 200 "$work/results/$file.result.json" | grep -o '"failed":[0-9]*' | tail -n 1 | cut -d: -f2)
  peak=$(heap_peak "$gc" "$first")
  local label="F: file of $count orders"
  [ "$name" = file ] || label="Memory: file of $count orders, hub -Xmx256m"
  row "$name.persisted_orders_per_s" "$(echo "$completed / ($end - $start)" | bc -l | xargs printf '%.0f')" orders/s \
    "$label, orders persisted per second (until the result file)"
  row "$name.seconds" "$(echo "$end - $start" | bc -l | xargs printf '%.1f')" s "$label, seconds until the result file"
  row "$name.size_mb" "$size" MB "$label, file size"
  row "$name.completed" "$completed" orders "$label, orders completed"
  row "$name.failed" "$failed" orders "$label, orders failed"
  row "$name.peak_heap_mib" "${peak:-0}" MiB "$label, peak heap used (GC log, before collections)"
  if grep -q OutOfMemoryError "$work"/hub*.log; then
    row "$name.out_of_memory" yes "" "$label, OutOfMemoryError in the hub's log"
  fi
  rm -f "$work/inbox/.done/$file" "$work/results/$file.result.json"
}

row meta.profile "$profile" "" "profile"
row meta.commit "$(git rev-parse --short HEAD)" "" "commit measured"
row meta.started "$stamp" "" "started (UTC)"
row meta.cpus "$(nproc)" cores "CPU cores"
row meta.hub_heap "$hub_heap" "" "hub heap (-Xmx)"
row meta.hub_opts "${hub_opts:-none}" "" "hub JVM options"

log "starting the hub ($profile) on port $port"
start_hub "$hub_heap" hub
run=$(java -cp "$cp" CreateOrdersBench --url "http://localhost:$port" --key "$key" --orders 0 | tail -n 1)

log "L: $orders orders, 100 per transaction, batched, 2 threads"
java -cp "$cp" LimitLoader --url "$jdbc_url" --user "$jdbc_user" --tenant "$tenant" --run "$run" --prefix "$run-L" \
  --orders "$orders" --per-tx 100 --threads 2 --out "$tsv" --key limit.batched \
  --label "L: 100 orders per transaction, batched, 2 threads"
single=$(( orders / 10 > 1000 ? orders / 10 : 1000 ))
log "L, one order per transaction: $single orders, 2 threads"
java -cp "$cp" LimitLoader --url "$jdbc_url" --user "$jdbc_user" --tenant "$tenant" --run "$run" --prefix "$run-L1" \
  --orders "$single" --per-tx 1 --threads 2 --out "$tsv" --key limit.single \
  --label "L (context): 1 order per transaction, 2 threads"

log "E: $orders orders through POST /Order/create, 100 per request, 8 clients"
java -cp "$cp" CreateOrdersBench --url "http://localhost:$port" --key "$key" --orders "$orders" --lines 5 \
  --batch 100 --clients 8 --out "$tsv"

log "F: a file of $orders orders"
file_intake file "$orders" "$work/gc-hub.log"

if $reads; then
  log "reads: filling the tenant to $read_orders orders (plain JDBC)"
  java -cp "$cp" LimitLoader --url "$jdbc_url" --user "$jdbc_user" --tenant "$tenant" --run "$run" --prefix "$run-R" \
    --fill-to "$read_orders" --per-tx 1000 --threads 2 --out "$tsv" --key load \
    --label "Reads: bulk load to $read_orders orders"
  explain=()
  if [ "$profile" = prod ]; then
    # what autovacuum would have done by itself after a while: statistics, and the visibility map
    # that index-only scans need
    log "VACUUM ANALYZE"
    psql -q -h 127.0.0.1 -U postgres -d "$database" -c 'VACUUM ANALYZE'
    explain=(--explain-out "$results/explain-$stamp.txt" --jar "$work/hub.jar")
  fi
  log "reads: 4 clients"
  # the client on the quick compiler: on 2 cores the optimizing compiler of a cold client JVM takes
  # a core for the first seconds of the measurement, and its latencies would be the client's own
  row meta.read_client_opts "$read_client_opts" "" "ReadBench JVM options"
  # shellcheck disable=SC2086 # the options are words
  java $read_client_opts -cp "$cp" ReadBench --url "http://localhost:$port" --key "$key" --db-url "$jdbc_url" \
    --db-user "$jdbc_user" --tenant "$tenant" --clients 4 --samples 1000 --walk-pages 400 --out "$tsv" "${explain[@]}"
fi

if $million; then
  log "memory: restarting the hub with -Xmx256m for a file of $memory_orders orders"
  stop_hub
  start_hub 256m hub-256m
  file_intake million "$memory_orders" "$work/gc-hub-256m.log"
fi

java -cp "$cp" BenchReport "$tsv" "$json"
rm -f "$tsv"
