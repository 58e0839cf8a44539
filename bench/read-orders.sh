#!/usr/bin/env bash
# Read latency on a large order book (issue 8, point 4). Creates a fresh PostgreSQL database,
# starts a hub of this checkout on it (the embedded profile's in-JVM queue, since reads need no
# broker, but PostgreSQL and prod's database-held rate limits), creates the reference data through
# the API, loads ORDERHUB_BENCH_ORDERS orders (default 1,000,000) with bench/load-orders.sql, runs
# bench/ReadOrdersBench.java, and drops the database again. Options after the script name go to
# the benchmark: --clients 4 --requests 200 --walk 100 --json reads.json
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${ORDERHUB_BENCH_ORDERS:-1000000}
port=${ORDERHUB_BENCH_PORT:-18082}
pg_host=${ORDERHUB_BENCH_PG_HOST:-127.0.0.1}
pg_user=${ORDERHUB_BENCH_PG_USER:-postgres}
db=orderhub_reads_$$
data=$(mktemp -d)
mvn -B -q package -DskipTests
createdb -h "$pg_host" -U "$pg_user" "$db"
java ${ORDERHUB_BENCH_JAVA_OPTS:--Xmx1g} -jar target/orderhub-0.1.0-SNAPSHOT.jar --server.port="$port" \
  --orderhub.data-dir="$data" --spring.datasource.url="jdbc:postgresql://$pg_host:5432/$db" \
  --spring.datasource.username="$pg_user" --spring.datasource.password= --orderhub.api.rate-limit-store=database \
  --orderhub.partners.local.export.cron="0 0 0 1 1 ? 2099" \
  --orderhub.api.rate-limit.requests=1000000 --orderhub.api.rate-limit.burst=1000000 \
  --logging.level.com.orderhub=WARN > "$data/hub.log" 2>&1 &
hub=$!
trap 'set +e; kill $hub 2>/dev/null; wait $hub 2>/dev/null; dropdb -h "$pg_host" -U "$pg_user" "$db"; rm -rf "$data"' EXIT
for _ in $(seq 90); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null && break
  kill -0 $hub 2>/dev/null || { cat "$data/hub.log"; exit 1; }
  sleep 1
done
base="http://localhost:$port/api/database/v1"
post() {
  curl -sf -X POST "$base/$1" -H 'Authorization: Bearer demo-key' -H 'Content-Type: application/json' -d "$2" >/dev/null
}
post Company/create '[{"idRemote":"CO-1","companyName":"Bench Co"}]'
post BusinessPartner/create '[{"idRemote":"CL-1","companyId":"CO-1","contactName":"Bench Client","roles":["Client"],
  "locations":[{"idRemote":"SHIP-1","address":"Ship street 1","shippingAddress":true},
               {"idRemote":"BILL-1","address":"Bill street 2","billingAddress":true}]},
  {"idRemote":"AG-1","companyId":"CO-1","contactName":"Bench Agent","roles":["Representant"]}]'
post Product/create '[{"idRemote":"PR-1","reference":"P1","price":20}]'
post DiscountType/create '[{"idRemote":"DT-1","name":"Bench discount"}]'
echo "Loading $orders orders into tenant demo"
psql -q -h "$pg_host" -U "$pg_user" -v tenant=demo -v orders="$orders" -f bench/load-orders.sql "$db"
java bench/ReadOrdersBench.java --url "http://localhost:$port" --key demo-key "$@"
