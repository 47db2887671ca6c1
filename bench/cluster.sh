#!/bin/bash
# Three Docket processes on one database, from outside, with the built jar.
#   bench/cluster.sh                       REQUESTS=1200 CLIENTS=6 by default
#   REQUESTS=120 WARMUP=20 bench/cluster.sh    (a crowded machine)
#   DOCKET_MONGO_URI=mongodb://h1,h2,h3/?replicaSet=rs0 bench/cluster.sh   (a fresh database of its own there)
# 1. one node: ab sends REQUESTS creates with CLIENTS clients (a personal access token, no Idempotency-Key)
# 2. three nodes: the same number of creates and clients, split over the three at once (three ab in parallel)
# 3. a rolling restart under load: CLIENTS curl loops keep creating at the live nodes while each node that
#    does not host the database is stopped (SIGTERM: graceful, it answers what it received) and started again
#    (with DOCKET_MONGO_URI all three); a request whose connection no node accepted goes to the next live node,
#    as a load balancer does; every other answer but 201 is a failure
# 4. checks: every acknowledged create in the read model once, nothing more, and the tamper check intact
# Needs ab, curl, jq. Leaves the nodes' logs and data in a temporary directory it names at the end.
set -u
cd "$(dirname "$0")/.."
# Without one of these every phase would report 0 creates and no error (ab missing did so once).
for tool in ab curl jq bc; do
  command -v $tool >/dev/null || { echo "bench/cluster.sh needs $tool (apt-get install apache2-utils curl jq bc)" >&2; exit 1; }
done
REQUESTS=${REQUESTS:-1200}
CLIENTS=${CLIENTS:-6}
WARMUP=${WARMUP:-200}
BASE=${BASE_PORT:-18180}
DBPORT=$((BASE + 10))
JAR=app/target/docket.jar
[ -f "$JAR" ] || ./mvnw -B -q -pl app -am package -DskipTests || exit 1
WORK=$(mktemp -d /tmp/docket-cluster.XXXXXX)
export AXONIQ_UPDATE_CHECKER_DISABLED=true
EXTERNAL=${DOCKET_MONGO_URI:-}
DATABASE=bench_cluster_$$
PIDS=()

node_port() { echo $((BASE + $1)); }

start_node() { # $1: 1..3
  local n=$1 port; port=$(node_port "$1")
  # A longer wait for the database than the default 1 s: on a crowded machine a node starting up missed it.
  local args=(--docket.security.demo-users=true --docket.mongo.database=$DATABASE
    --docket.mongo.timeouts.server-selection=5s --docket.cluster.segments=4)
  if [ -n "$EXTERNAL" ]; then
    DOCKET_MONGO_URI=$EXTERNAL PORT=$port java -Xmx512m -jar $JAR "${args[@]}" >>"$WORK/node$n.log" 2>&1 &
  elif [ "$n" = 1 ]; then
    env -u DOCKET_MONGO_URI PORT=$port java -Xmx512m -jar $JAR "${args[@]}" \
      --docket.mongo.embedded.port=$DBPORT --docket.mongo.embedded.data-dir="$WORK/data" >>"$WORK/node$n.log" 2>&1 &
  else
    DOCKET_MONGO_URI=mongodb://127.0.0.1:$DBPORT PORT=$port java -Xmx512m -jar $JAR "${args[@]}" >>"$WORK/node$n.log" 2>&1 &
  fi
  PIDS[$n]=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ] && return 0
    kill -0 "${PIDS[$n]}" 2>/dev/null || { echo "node $n did not start; see $WORK/node$n.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "node $n not ready after 300 s; see $WORK/node$n.log" >&2; exit 1
}

stop_node() { kill -TERM "${PIDS[$1]}" 2>/dev/null; wait "${PIDS[$1]}" 2>/dev/null; }

cleanup() { touch "$WORK/stop"; for n in 3 2 1; do [ -n "${PIDS[$n]:-}" ] && stop_node $n; done; }
trap cleanup EXIT

now() { date +%s.%N; }

# ab's figures: "complete non2xx failed p99"
ab_run() { # $1 port, $2 requests, $3 clients, $4 output file
  ab -q -n "$2" -c "$3" -p "$WORK/body.json" -T application/json -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$1/api/assignments" >"$4" 2>&1
}
ab_field() { local v; v=$(grep "^$2" "$1" | head -1 | awk -F: '{print $2}' | awk '{print $1}'); echo "${v:-0}"; }

printf '{"title":"Nhiệm vụ đo tải cụm máy","kind":"REPORT","leadUnit":"Phòng Quản lý đô thị","deadline":"2099-12-30","approvalRoute":["Lãnh đạo UBND thành phố"]}' >"$WORK/body.json"

echo "node 1 starting (hosts the embedded database unless DOCKET_MONGO_URI is set)..." >&2
start_node 1
P1=$(node_port 1)
TOKEN=$(curl -s -u clerk:demo -H 'Content-Type: application/json' -d '{"label":"cluster bench"}' \
  "http://127.0.0.1:$P1/api/me/tokens" | jq -r .token)
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || { echo "no access token from node 1" >&2; exit 1; }

echo "one node: $REQUESTS creates, $CLIENTS clients..." >&2
ab_run "$P1" "$WARMUP" "$CLIENTS" "$WORK/warmup.txt"
t0=$(now); ab_run "$P1" "$REQUESTS" "$CLIENTS" "$WORK/one.txt"; t1=$(now)
ONE_OK=$(( $(ab_field "$WORK/one.txt" "Complete requests") - $(ab_field "$WORK/one.txt" "Non-2xx responses") ))
ONE_RATE=$(echo "$ONE_OK / ($t1 - $t0)" | bc -l)
ONE_P99=$(grep ' 99%' "$WORK/one.txt" | awk '{print $2}')

echo "nodes 2 and 3 starting..." >&2
start_node 2
start_node 3
echo "three nodes: $REQUESTS creates, $CLIENTS clients split over them..." >&2
for n in 2 3; do ab_run "$(node_port $n)" $((WARMUP / 2)) 2 "$WORK/warmup$n.txt"; done
t0=$(now)
AB=()
for n in 1 2 3; do
  c=$(( CLIENTS / 3 + (n <= CLIENTS % 3 ? 1 : 0) )); r=$(( REQUESTS / 3 + (n <= REQUESTS % 3 ? 1 : 0) ))
  ab_run "$(node_port $n)" "$r" "$c" "$WORK/three$n.txt" &
  AB+=($!)
done
wait "${AB[@]}"
t1=$(now)
THREE_OK=0; THREE_BAD=0; THREE_P99=""
for n in 1 2 3; do
  done_n=$(ab_field "$WORK/three$n.txt" "Complete requests"); bad_n=$(ab_field "$WORK/three$n.txt" "Non-2xx responses")
  THREE_OK=$((THREE_OK + done_n - bad_n)); THREE_BAD=$((THREE_BAD + bad_n))
  THREE_P99="$THREE_P99 $(grep ' 99%' "$WORK/three$n.txt" | awk '{print $2}')"
done
THREE_RATE=$(echo "$THREE_OK / ($t1 - $t0)" | bc -l)
WARM=0
for f in warmup warmup2 warmup3; do
  WARM=$(( WARM + $(ab_field "$WORK/$f.txt" "Complete requests") - $(ab_field "$WORK/$f.txt" "Non-2xx responses") ))
done

echo "segments of assignment-list per node:" >&2
for n in 1 2 3; do
  echo "  node $n: $(curl -s -u admin:demo "http://127.0.0.1:$(node_port $n)/api/admin/projections" \
    | jq -c '[.. | objects | select(.name? == "assignment-list") | .segments[].segment]')" >&2
done

echo "rolling restart under load ($CLIENTS clients)..." >&2
for n in 1 2 3; do node_port $n; done >"$WORK/live"
worker() { # $1: worker id
  local i=0 code rc
  while [ ! -f "$WORK/stop" ]; do
    i=$((i + 1))
    for _ in 1 2 3 4 5 6 7 8 9; do
      port=$(shuf -n 1 "$WORK/live")
      code=$(curl -s -o "$WORK/resp.$1" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' -H "Idempotency-Key: rolling-$1-$i" --data @"$WORK/body.json" \
        "http://127.0.0.1:$port/api/assignments"); rc=$?
      [ $rc = 7 ] && { echo "$port" >>"$WORK/rerouted.$1"; continue; }  # connection refused: next node
      break
    done
    if [ "$code" = 201 ]; then jq -r .id "$WORK/resp.$1" >>"$WORK/ids.$1"; else echo "$port $code curl=$rc $(head -c 300 "$WORK/resp.$1")" >>"$WORK/failed.$1"; fi
  done
}
WORKERS=()
for w in $(seq 1 "$CLIENTS"); do worker "$w" & WORKERS+=($!); done
RESTART=(2 3); [ -n "$EXTERNAL" ] && RESTART=(1 2 3)
t0=$(now)
for n in "${RESTART[@]}"; do
  sleep 5
  port=$(node_port "$n")
  grep -v "^$port\$" "$WORK/live" >"$WORK/live.new"; mv "$WORK/live.new" "$WORK/live"  # the balancer lets go
  sleep 1  # its deregistration delay: what was already sent on to the node arrives before the node stops
  echo "  node $n: stop (graceful) and start again" >&2
  stop_node "$n"; start_node "$n"
  echo "$port" >>"$WORK/live"
done
sleep 5
touch "$WORK/stop"; wait "${WORKERS[@]}"
t1=$(now)
ROLL_OK=$(cat "$WORK"/ids.* 2>/dev/null | wc -l)
ROLL_FAILED=$(cat "$WORK"/failed.* 2>/dev/null | wc -l)
ROLL_REROUTED=$(cat "$WORK"/rerouted.* 2>/dev/null | wc -l)
ROLL_RATE=$(echo "$ROLL_OK / ($t1 - $t0)" | bc -l)

echo "checking..." >&2
EXPECTED=$(( WARM + ONE_OK + THREE_OK + ROLL_OK ))
TOTAL=0
for _ in $(seq 1 240); do
  TOTAL=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$P1/api/assignments?size=1" | jq -r .total)
  [ "$TOTAL" -ge "$EXPECTED" ] 2>/dev/null && break
  sleep 0.5
done
MISSING=0
for id in $(cat "$WORK"/ids.* 2>/dev/null); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$(node_port $(( RANDOM % 3 + 1 )))/api/assignments/$id")" = 200 ] \
    || MISSING=$((MISSING + 1))
done
VERIFY=$(curl -s -u auditor:demo "http://127.0.0.1:$P1/api/audit/verify" | jq -c '{intact, eventsChecked}')
ERRORS=$(cat "$WORK"/node*.log | grep -c ' ERROR ' || true)

printf '\n| phase | creates acknowledged | rate (creates/s) | p99 (ms) | failed |\n|---|---|---|---|---|\n'
printf '| one node, %s clients | %s | %.0f | %s | %s |\n' "$CLIENTS" "$ONE_OK" "$ONE_RATE" "$ONE_P99" \
  "$(ab_field "$WORK/one.txt" "Non-2xx responses")"
printf '| three nodes, %s clients in all | %s | %.0f | %s | %s |\n' "$CLIENTS" "$THREE_OK" "$THREE_RATE" "${THREE_P99# }" "$THREE_BAD"
printf '| rolling restart of node(s) %s, %s curl clients | %s | %.0f | – | %s (and %s sent on to another node after a refused connection) |\n' \
  "${RESTART[*]}" "$CLIENTS" "$ROLL_OK" "$ROLL_RATE" "$ROLL_FAILED" "$ROLL_REROUTED"
printf '\nthree nodes / one node: %.2f\n' "$(echo "$THREE_RATE / $ONE_RATE" | bc -l)"
printf 'assignments listed: %s, acknowledged creates (warm-up included): %s (%s lost, %s more than acknowledged)\n' \
  "$TOTAL" "$EXPECTED" "$MISSING" "$(( TOTAL > EXPECTED ? TOTAL - EXPECTED : 0 ))"
printf 'verify: %s; ERROR lines in the nodes logs: %s; logs in %s\n' "$VERIFY" "$ERRORS" "$WORK"
[ -s "$WORK/failed.1" ] && { echo "failed requests:"; cat "$WORK"/failed.* | head -20; }
exit 0
