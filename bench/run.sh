#!/usr/bin/env bash
# The benchmark of issue 8 in one run: the limit L (plain JDBC into the hub's schema), REST intake
# E, file intake F with the hub's peak heap, and read latencies on a large order book; then the
# ratios against L and the bar. Prints a table and writes target/bench/results-<timestamp>.json.
#
# bash bench/run.sh [--profile prod|embedded] [--orders 100000] [--read-orders 1000000]
#                   [--port 18090] [--hub-heap 1g] [--million-file [--memory-orders 1000000]]
#                   [--no-build] [--keep-db] [--no-reads] [--hub-opts "<JVM options>"]
#                   [--warmup 20000] [--rounds 1]
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
warmup=
rounds=1
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
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$profile" in prod|embedded) ;; *) echo "--profile is prod or embedded" >&2; exit 2 ;; esac
# a fifth of the orders, at most 20,000: enough for the hub's compilers to have done the intake's paths
[ -n "$warmup" ] || warmup=$(( orders / 5 < 20000 ? orders / 5 : 20000 ))
[ "$rounds" -ge 1 ] 2>/dev/null || { echo "--rounds is a number of at least 1" >&2; exit 2; }
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
  # the bench writes each file beside the inbox and moves it in complete, as an ERP that
  # renames does: the shortest quiet period such a partner would be given
  --orderhub.partners.bench.ready.stable-for=1s
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

# cpu_mark <phase>: CPU used so far, in clock ticks, by the hub, PostgreSQL (every server process, with
# the backends that have ended), RabbitMQ, and this script's finished children (the bench
# programs), kept as four numbers for that phase. Not called in a subshell: the children's time
# is this shell's own.
cpu_mark() {
  local hub_ticks=0 servers children
  [ -z "$hub" ] || hub_ticks=$(awk '{ print $14 + $15 }' "/proc/$hub/stat" 2>/dev/null || echo 0)
  # fields 14-17: user and system time of the process, then of its children that have ended; a
  # process may end between the listing and the read
  servers=$({ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '
    $2 == "(postgres)" { pg += $14 + $15 + $16 + $17 }
    $2 == "(beam.smp)" || $2 == "(erl_child_setup)" { mq += $14 + $15 + $16 + $17 }
    END { printf "%d %d", pg, mq }')
  times > "$work/times" # the builtin: its second line is the children's user and system time
  children=$(awk -v hz="$(getconf CLK_TCK)" 'NR == 2 {
    for (i = 1; i <= 2; i++) { split($i, t, "m"); s += t[1] * 60 + substr(t[2], 1, length(t[2]) - 1) }
    printf "%d", s * hz }' "$work/times")
  echo "$hub_ticks $servers $children" > "$work/$1.ticks"
}

# cpu_mark <phase>, then cpu_rows <phase> <key> <label> <orders> <seconds>: what each process spent
# per order between the two, and how many of the cores they kept busy together
cpu_rows() {
  local hz names labels i before after spent total
  cpu_mark "$1.end"
  hz=$(getconf CLK_TCK)
  read -r -a before < "$work/$1.ticks"
  read -r -a after < "$work/$1.end.ticks"
  names=(hub postgres rabbitmq client)
  labels=("the hub" "PostgreSQL" "RabbitMQ" "the bench programs")
  total=0
  for i in 0 1 2 3; do
    spent=$(( after[i] - before[i] ))
    total=$(( total + spent ))
    row "$2.cpu.${names[i]}_ms_per_order" "$(echo "$spent * 1000 / $hz / $4" | bc -l | xargs printf '%.3f')" ms \
      "$3, CPU per order: ${labels[i]}"
  done
  row "$2.cpu.cores_busy" "$(echo "$total / $hz / $5" | bc -l | xargs printf '%.2f')" cores \
    "$3, cores kept busy by these four ($(nproc) in all)"
}

# file_intake <key> <orders> <gc log>: drops one file of that many orders in the bench partner's
# inbox and waits for its result file
file_intake() {
  local name=$1 count=$2 gc=$3 run file start end completed failed size first peak
  local label="F: file of $count orders"
  [ "$name" != million ] || label="Memory: file of $count orders, hub -Xmx256m"
  run=$(java -cp "$cp" CreateOrdersBench --url "http://localhost:$port" --key "$key" --orders 0 | tail -n 1)
  # a name of its own: the inbox takes a name and size once (its idempotent repository)
  file="orders-$name-$run.json"
  java -cp "$cp" OrderFileGenerator "$work/$file.part" "$count" 5 "$run"
  size=$(du -m "$work/$file.part" | cut -f1)
  log "file of $count orders ($size MB) dropped in the inbox"
  first=$(( $(wc -l < "$gc") + 1 ))
  cpu_mark file
  start=$(date +%s.%N)
  mv "$work/$file.part" "$work/inbox/$file"
  until [ -f "$work/results/$file.result.json" ]; do
    kill -0 "$hub" 2>/dev/null || { tail -n 50 "$work"/hub*.log; echo "the hub died" >&2; exit 1; }
    sleep 0.2
  done
  end=$(date +%s.%N)
  if [ "$name" = warmup ]; then
    rm -f "$work/inbox/.done/$file" "$work/results/$file.result.json"
    return 0
  fi
  cpu_rows file "$name" "$label" "$count" "$(echo "$end - $start" | bc -l)"
  # the counts close the result file: read its tail, not its (one, long) line
  completed=$(tail -c 200 "$work/results/$file.result.json" | grep -o '"completed":[0-9]*' | tail -n 1 | cut -d: -f2)
  failed=$(tail -c 200 "$work/results/$file.result.json" | grep -o '"failed":[0-9]*' | tail -n 1 | cut -d: -f2)
  peak=$(heap_peak "$gc" "$first")
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

# seconds_of <key>: the last value of that key in the results so far
seconds_of() { awk -F'\t' -v k="$1" '$1 == k { v = $2 } END { print v }' "$tsv"; }

if [ "$warmup" -gt 0 ]; then
  # a hub that has been running has compiled its intake; a fresh one compiles it during the first
  # tens of thousands of orders, on the cores the intake needs (see README, Benchmark)
  log "warm-up, not measured: $warmup orders through POST /Order/create, then a file of $warmup"
  java -cp "$cp" CreateOrdersBench --url "http://localhost:$port" --key "$key" --orders "$warmup" --lines 5 \
    --batch 100 --clients 8 > "$work/warmup.log"
  file_intake warmup "$warmup" "$work/gc-hub.log"
  if [ "$profile" = prod ]; then
    # what autovacuum would have done after those inserts (it is off on this machine): without new
    # statistics the plans the hub's statements were given on the empty tables stay cached, and
    # one of them (the intake's idRemote check, walking the tenant's index) held E to ~100 orders/s
    log "ANALYZE"
    psql -q -h 127.0.0.1 -U postgres -d "$database" -c 'ANALYZE'
  fi
fi
row meta.warmup "$warmup" orders "warm-up before the first round (REST, then a file; not measured)"
row meta.rounds "$rounds" "" "rounds of L, E and F (a figure of several is their median) and of the reads (of all their requests)"

for round in $(seq "$rounds"); do
  [ "$rounds" -eq 1 ] || log "round $round of $rounds"
  log "L: $orders orders, 100 per transaction, batched, 2 threads"
  cpu_mark limit
  java -cp "$cp" LimitLoader --url "$jdbc_url" --user "$jdbc_user" --tenant "$tenant" --run "$run" \
    --prefix "$run-L$round" --orders "$orders" --per-tx 100 --threads 2 --out "$tsv" --key limit.batched \
    --label "L: 100 orders per transaction, batched, 2 threads"
  cpu_rows limit limit.batched "L" "$orders" "$(seconds_of limit.batched.seconds)"
  if [ "$round" -eq 1 ]; then
    single=$(( orders / 10 > 1000 ? orders / 10 : 1000 ))
    log "L, one order per transaction: $single orders, 2 threads"
    java -cp "$cp" LimitLoader --url "$jdbc_url" --user "$jdbc_user" --tenant "$tenant" --run "$run" \
      --prefix "$run-S" --orders "$single" --per-tx 1 --threads 2 --out "$tsv" --key limit.single \
      --label "L (context): 1 order per transaction, 2 threads"
  fi

  log "E: $orders orders through POST /Order/create, 100 per request, 8 clients"
  cpu_mark rest
  java -cp "$cp" CreateOrdersBench --url "http://localhost:$port" --key "$key" --orders "$orders" --lines 5 \
    --batch 100 --clients 8 --out "$tsv"
  cpu_rows rest rest "E" "$orders" "$(seconds_of rest.seconds_persisted)"

  log "F: a file of $orders orders"
  file_intake file "$orders" "$work/gc-hub.log"
done

if $reads; then
  log "reads: filling the tenant to $read_orders orders (plain JDBC)"
  java -cp "$cp" LimitLoader --url "$jdbc_url" --user "$jdbc_user" --tenant "$tenant" --run "$run" --prefix "$run-R" \
    --fill-to "$read_orders" --per-tx 1000 --threads 2 --out "$tsv" --key load \
    --label "Reads: bulk load to $read_orders orders"
  explain=()
  if [ "$profile" = prod ]; then
    # what autovacuum would have done by itself after a while: statistics, and the visibility map
    # that index-only scans need
    log "VACUUM ANALYZE, CHECKPOINT"
    psql -q -h 127.0.0.1 -U postgres -d "$database" -c 'VACUUM ANALYZE'
    # the intake rounds leave gigabytes of dirty pages: flushed now, not by the checkpointer while
    # the reads are timed, which measure the reads alone
    psql -q -h 127.0.0.1 -U postgres -d "$database" -c 'CHECKPOINT'
    explain=(--explain-out "$results/explain-$stamp.txt" --jar "$work/hub.jar")
  fi
  log "reads: 4 clients"
  # the client on the quick compiler: on 2 cores the optimizing compiler of a cold client JVM takes
  # a core for the first seconds of the measurement, and its latencies would be the client's own
  row meta.read_client_opts "$read_client_opts" "" "ReadBench JVM options"
  # shellcheck disable=SC2086 # the options are words
  java $read_client_opts -cp "$cp" ReadBench --url "http://localhost:$port" --key "$key" --db-url "$jdbc_url" \
    --db-user "$jdbc_user" --tenant "$tenant" --clients 4 --samples 1000 --walk-pages 400 --rounds "$rounds" --out "$tsv" \
    --hub-pid "$hub" --clock-ticks "$(getconf CLK_TCK)" "${explain[@]}"
fi

if $million; then
  log "memory: restarting the hub with -Xmx256m for a file of $memory_orders orders"
  stop_hub
  start_hub 256m hub-256m
  file_intake million "$memory_orders" "$work/gc-hub-256m.log"
fi

java -cp "$cp" BenchReport "$tsv" "$json"
rm -f "$tsv"
