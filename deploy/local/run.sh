#!/usr/bin/env bash
# Teams CPE on one machine: PostgreSQL, Kafka, the Graph emulator and the five services, no Docker.
#   deploy/local/run.sh start    build if needed, start in the background, wait until ready, print where things are
#       [--replicas reporting-service=3,polling-service=2]   several instances of a service (own JVMs and ports)
#   deploy/local/run.sh stop     stop everything
#   deploy/local/run.sh status   what runs
# Data, logs and the master key stay in .local/ (git-ignored); delete it for a clean slate.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
DATA="$REPO/.local"
LOG="$DATA/stack.log"
PID_FILE="$DATA/stack.pid"
CP="devstack/target/devstack-0.1.0-SNAPSHOT.jar:devstack/target/lib/*"
MAIN=io.teamscpe.devstack.LocalStack
# plain java.util.logging: the JBoss LogManager on this class path waits for a Quarkus app to configure it
JAVA_OPTS=(-Dorg.jboss.logging.provider=jdk "-Djava.util.logging.config.file=$REPO/deploy/local/logging.properties")
READY_TIMEOUT_SECONDS="${TEAMSCPE_READY_TIMEOUT:-300}"
SERVICES=(credential-service session-service attendance-ingest-service polling-service reporting-service)

java_cmd() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

local_stack() {
  "$(java_cmd)" "${JAVA_OPTS[@]}" -cp "$CP" "$MAIN" "$@"
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(head -n 1 "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # a killed supervisor can linger as a zombie: only a live LocalStack counts
  if [[ -r "/proc/$pid/cmdline" ]] && ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$MAIN"; then return 1; fi
  echo "$pid"
}

build_if_needed() {
  local missing=()
  [[ -d devstack/target/lib && -f devstack/target/devstack-0.1.0-SNAPSHOT.jar ]] || missing+=(devstack)
  [[ -d kafka-broker/target/lib ]] || missing+=(kafka-broker)
  for s in "${SERVICES[@]}"; do
    [[ -f "$s/target/quarkus-app/quarkus-run.jar" ]] || missing+=("$s")
  done
  if ((${#missing[@]} > 0)); then
    echo "building (missing: ${missing[*]}) - ./mvnw -B -q -DskipTests install ..."
    ./mvnw -B -q -DskipTests install
  fi
}

start() {
  local pid
  if pid="$(running_pid)"; then
    echo "Teams CPE is already running (pid $pid); 'deploy/local/run.sh stop' stops it."
    return 0
  fi
  build_if_needed
  mkdir -p "$DATA"
  : > "$LOG"
  nohup "$(java_cmd)" "${JAVA_OPTS[@]}" -cp "$CP" "$MAIN" start "$@" >>"$LOG" 2>&1 </dev/null &
  local launched=$!
  echo "starting Teams CPE (pid $launched, log $LOG) ..."
  local waited=0
  while ((waited < READY_TIMEOUT_SECONDS)); do
    if grep -q '^TEAMSCPE READY' "$LOG"; then
      sed -n '/^==== Teams CPE local stack ====/,/^TEAMSCPE READY/p' "$LOG"
      echo "Teams CPE is up. Stop it with: deploy/local/run.sh stop"
      return 0
    fi
    if grep -q '^TEAMSCPE FAILED' "$LOG" || ! kill -0 "$launched" 2>/dev/null; then
      echo "Teams CPE did not start. Last lines of $LOG:"
      tail -n 40 "$LOG"
      wait "$launched" 2>/dev/null || true
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "Teams CPE was not ready after ${READY_TIMEOUT_SECONDS}s. Last lines of $LOG:"
  tail -n 40 "$LOG"
  local_stack stop || true
  return 1
}

case "${1:-start}" in
  start) shift || true; start "$@" ;;
  stop)
    if [[ -f devstack/target/devstack-0.1.0-SNAPSHOT.jar ]]; then local_stack stop; else echo "not built; nothing runs"; fi ;;
  status)
    if [[ -f devstack/target/devstack-0.1.0-SNAPSHOT.jar ]]; then local_stack status; else echo "not built; nothing runs"; fi ;;
  *) echo "usage: $0 [start [--replicas <service>=<n>,...]|stop|status]" >&2; exit 2 ;;
esac
