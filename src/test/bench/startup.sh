#!/usr/bin/env bash
# Startup benchmark: time from `java -jar payara-micro.jar --deploy switchboard.war` to /health UP.
# Cold = first start on an empty data folder (schema migration + seeding); warm = restart on it.
# Usage: mvn -q package -DskipTests && bash src/test/bench/startup.sh [runs]   (H2; set SWITCHBOARD_DB_URL for PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}
port=18080
work=$(mktemp -d)
trap 'pkill -f "port $port" 2>/dev/null || true; rm -rf "$work"' EXIT

measure() { # $1 data dir, $2 log; prints milliseconds until /health answers 200
  local start end
  start=$(date +%s%N)
  SWITCHBOARD_DATA_DIR="$1" SWITCHBOARD_ADMIN_PASSWORD=bench-password java -jar target/payara-micro.jar \
    --deploy target/switchboard.war --port $port --nocluster >"$2" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 $pid 2>/dev/null || { echo "server died, see $2" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

stats() { sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, max %d ms (n=%d)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'; }

cold=(); warm=()
for i in $(seq "$runs"); do
  dir="$work/data-$i"
  cold+=("$(measure "$dir" "$work/cold-$i.log")")
  warm+=("$(measure "$dir" "$work/warm-$i.log")")
done
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "Database: ${SWITCHBOARD_DB_URL:-embedded H2}"
echo -n "Cold start (empty data folder) to /health UP: "; printf '%s\n' "${cold[@]}" | stats
echo -n "Warm start (restart)            to /health UP: "; printf '%s\n' "${warm[@]}" | stats
echo -n "Payara's own 'ready in' (warm): "; grep -ho "ready in [0-9,]* (ms)" "$work"/warm-*.log | tr -d , | awk '{print $3}' | stats
