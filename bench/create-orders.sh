#!/usr/bin/env bash
# Starts a hub of this checkout on its own port and data folder (embedded profile unless
# ORDERHUB_BENCH_PROFILE is set), runs CreateOrdersBench against it, and stops it again.
# Options after the script name go to the benchmark: --orders 10000 --lines 5 --batch 100 --clients 8
set -euo pipefail
cd "$(dirname "$0")/.."
port=${ORDERHUB_BENCH_PORT:-18080}
data=$(mktemp -d)
mvn -B -q package -DskipTests
# the embedded partner's minute-by-minute export would measure itself too: it is put off; and
# the key's rate limit would measure itself instead of the hub: it is lifted
embedded=()
[ -z "${ORDERHUB_BENCH_PROFILE:-}" ] && embedded=(--orderhub.partners.local.export.cron="0 0 0 1 1 ? 2099")
java ${ORDERHUB_BENCH_JAVA_OPTS:--Xmx1g} -jar target/orderhub-0.1.0-SNAPSHOT.jar --server.port="$port" \
  --orderhub.data-dir="$data" ${ORDERHUB_BENCH_PROFILE:+--spring.profiles.active=$ORDERHUB_BENCH_PROFILE} \
  "${embedded[@]}" --orderhub.api.rate-limit.requests=1000000 --orderhub.api.rate-limit.burst=1000000 \
  --logging.level.com.orderhub=WARN > "$data/hub.log" 2>&1 &
hub=$!
trap 'set +e; kill $hub 2>/dev/null; wait $hub 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 60); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null && break
  kill -0 $hub 2>/dev/null || { cat "$data/hub.log"; exit 1; }
  sleep 1
done
java bench/CreateOrdersBench.java --url "http://localhost:$port" "$@"
