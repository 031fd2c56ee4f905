#!/usr/bin/env bash
# The scaled-out topology on one machine's loopback, on real components (docs/scaling.md):
#
#   clients ─▶ HAProxy :8080 ─▶ API :4101, :4102 … ─▶ PostgreSQL primary :5432 (writes, fresh reads)
#              (/readyz checks)          │      └──────▶ PostgreSQL replica :5433 (lists, progress, exports)
#                                        └─────────────▶ Redis :6380 (live events between instances)
#
# `pnpm --filter @tangtoc/api topology up|down|status`, and the faults the soak test inflicts:
# `api-kill N`, `api-start N`, `replica-stop`, `replica-start`, `redis-stop`, `redis-start`, `redis-restart`.
# The primary is the machine's PostgreSQL (a database of its own, `tangtoc_topology`); the replica is a
# second cluster of the same server version filled by pg_basebackup and streaming from the primary; Redis
# is an instance of its own, so restarting it disturbs no one else's. Run as root (pg_createcluster);
# state, logs and pids are in TOPOLOGY_DIR. Every command may be run again (idempotent).
set -euo pipefail
export PGCONNECT_TIMEOUT=2

api_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${TOPOLOGY_DIR:-/tmp/tangtoc-topology}
apis=${TOPOLOGY_APIS:-2}
http_port=${TOPOLOGY_HTTP_PORT:-8080}
stats_port=${TOPOLOGY_STATS_PORT:-8404}
api_base_port=${TOPOLOGY_API_BASE_PORT:-4100}
primary_port=${TOPOLOGY_PRIMARY_PORT:-5432}
replica_port=${TOPOLOGY_REPLICA_PORT:-5433}
redis_port=${TOPOLOGY_REDIS_PORT:-6380}
database=${TOPOLOGY_DATABASE:-tangtoc_topology}
pg_version=${TOPOLOGY_PG_VERSION:-$(ls /etc/postgresql | sort -n | tail -1)}
replica_cluster=tangtoc_replica
hba=/etc/postgresql/$pg_version/main/pg_hba.conf
replication_rule='host replication all 127.0.0.1/32 trust'

primary_url="postgresql://postgres@127.0.0.1:$primary_port/$database"
replica_url="postgresql://postgres@127.0.0.1:$replica_port/$database"
redis_url="redis://127.0.0.1:$redis_port"

say() { printf '%s\n' "$*"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
wait_for() { # what, seconds, command…
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 10))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  say "timed out after ${seconds}s waiting for $what" >&2
  return 1
}
api_port() { echo $((api_base_port + $1)); }
ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/readyz" 2>/dev/null; }
replica_exists() { [ -d "/etc/postgresql/$pg_version/$replica_cluster" ]; }

ensure_haproxy_installed() {
  command -v haproxy >/dev/null && return
  say "installing haproxy (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null 2>&1 || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  }
}

primary_up() {
  if ! pg_isready -q -h 127.0.0.1 -p "$primary_port"; then
    pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start
    wait_for "the primary" 30 pg_isready -q -h 127.0.0.1 -p "$primary_port"
  fi
  # pg_basebackup and the replica's stream connect over the replication protocol.
  if ! grep -qxF "$replication_rule" "$hba"; then
    printf '%s\n' "$replication_rule" >>"$hba"
    psql -wqAt -h 127.0.0.1 -p "$primary_port" -U postgres -c 'SELECT pg_reload_conf()' >/dev/null
  fi
  if [ -z "$(psql -wqAt -h 127.0.0.1 -p "$primary_port" -U postgres \
    -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
    createdb -h 127.0.0.1 -p "$primary_port" -U postgres "$database"
  fi
}

replica_up() {
  if ! replica_exists; then
    pg_createcluster "$pg_version" "$replica_cluster" -p "$replica_port" --start-conf=manual >/dev/null
    # The primary's client rules (trust on loopback), not a new cluster's password rules.
    cp "$hba" "/etc/postgresql/$pg_version/$replica_cluster/pg_hba.conf"
    local data
    data=$(pg_conftool -s "$pg_version" "$replica_cluster" show data_directory)
    rm -rf "${data:?}"/*
    # -R writes standby.signal and primary_conninfo: the cluster starts as a streaming replica.
    runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p "$primary_port" -U postgres -D "$data" \
      -R -X stream -c fast
  fi
  replica_start
}

replica_start() {
  pg_isready -q -h 127.0.0.1 -p "$replica_port" && return
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$replica_cluster" start
  wait_for "the replica" 30 psql -wqAt -h 127.0.0.1 -p "$replica_port" -U postgres -d "$database" -c 'SELECT 1'
}

replica_stop() {
  replica_exists || return 0
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$replica_cluster" stop -m fast 2>/dev/null || true
}

redis_start() {
  alive "$dir/redis.pid" && return
  redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  wait_for "Redis" 10 redis-cli -p "$redis_port" ping
}

redis_stop() {
  alive "$dir/redis.pid" || return 0
  local pid
  pid=$(cat "$dir/redis.pid")
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || kill "$pid"
  wait_for "Redis to stop" 10 bash -c "! kill -0 $pid 2>/dev/null"
  rm -f "$dir/redis.pid"
}

api_start() { # N: starts API instance N unless it runs; waits for it to be ready
  local n=$1 port
  port=$(api_port "$n")
  if ! alive "$dir/api-$n.pid"; then
    (
      cd "$api_dir"
      # A process of its own (setsid), so that killing it is killing the API and nothing else.
      PORT=$port HOST=127.0.0.1 LOG_FORMAT=json DATABASE_URL=$primary_url \
        DATABASE_REPLICA_URL=$replica_url REDIS_URL=$redis_url SHUTDOWN_TIMEOUT_SECONDS=5 \
        setsid node --import tsx src/main.ts >>"$dir/api-$n.log" 2>&1 </dev/null &
      echo $! >"$dir/api-$n.pid"
    )
  fi
  wait_for "API $n on :$port (log: $dir/api-$n.log)" 120 ready "$port"
}

api_kill() { # N: SIGKILL, as a crash
  alive "$dir/api-$1.pid" && kill -KILL "$(cat "$dir/api-$1.pid")"
  rm -f "$dir/api-$1.pid"
}

api_stop() { # N: SIGTERM, a graceful stop
  local pid_file=$dir/api-$1.pid
  alive "$pid_file" || return 0
  local pid
  pid=$(cat "$pid_file")
  kill -TERM "$pid"
  wait_for "API $1 to stop" 15 bash -c "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pid_file"
}

haproxy_config() {
  cat <<EOF
# Generated by apps/api/topology/topology.sh: edits are lost on the next \`up\`.
global
  maxconn 4096
  pidfile $dir/haproxy.pid
defaults
  mode http
  option forwardfor
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A Server-Sent Events stream stays open: Yoga's keep-alive comments arrive well within this.
  timeout tunnel 1h
  timeout http-keep-alive 5s
  # A connection refused (an instance that died) is tried again on another instance; a request sent
  # is never sent twice (a POST may have run): the client retries with its Idempotency-Key.
  retries 3
  option redispatch 1
frontend api
  bind 127.0.0.1:$http_port
  default_backend api
backend api
  # Which instance answered: the soak test kills the one its live subscriber is on.
  http-response set-header x-served-by %[srv_name]
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  # An instance leaves the rotation after three failed checks a second apart (a readiness answer slower
  # than 3 s under load fails). Its open requests are left to finish: one that is alive but not ready
  # (database unreachable) answers them, and a dead one's connections are closed by the system, so its
  # live subscribers reconnect to another at once.
  timeout check 3s
  default-server inter 1s fall 3 rise 2
EOF
  for n in $(seq 1 "$apis"); do
    printf '  server api%s 127.0.0.1:%s check\n' "$n" "$(api_port "$n")"
  done
  cat <<EOF
listen stats
  bind 127.0.0.1:$stats_port
  stats enable
  stats uri /
EOF
}

haproxy_start() {
  ensure_haproxy_installed
  haproxy_config >"$dir/haproxy.cfg.new"
  if alive "$dir/haproxy.pid" && cmp -s "$dir/haproxy.cfg.new" "$dir/haproxy.cfg"; then
    rm "$dir/haproxy.cfg.new"
    return
  fi
  mv "$dir/haproxy.cfg.new" "$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg"
  if alive "$dir/haproxy.pid"; then
    # A soft reload: the old process finishes its connections.
    haproxy -D -f "$dir/haproxy.cfg" -sf "$(cat "$dir/haproxy.pid")"
  else
    haproxy -D -f "$dir/haproxy.cfg"
  fi
  wait_for "HAProxy on :$http_port" 20 curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$http_port/readyz"
}

haproxy_stop() {
  alive "$dir/haproxy.pid" && kill "$(cat "$dir/haproxy.pid")"
  rm -f "$dir/haproxy.pid"
}

write_env() {
  cat >"$dir/topology.env" <<EOF
TOPOLOGY_URL=http://127.0.0.1:$http_port
TOPOLOGY_STATS_URL=http://127.0.0.1:$stats_port/
TOPOLOGY_APIS=$apis
TOPOLOGY_API_PORTS=$(for n in $(seq 1 "$apis"); do printf '%s ' "$(api_port "$n")"; done | sed 's/ $//')
TOPOLOGY_DATABASE_URL=$primary_url
TOPOLOGY_REPLICA_URL=$replica_url
TOPOLOGY_REDIS_URL=$redis_url
EOF
}

status() {
  local state
  say "Tăng Tốc topology (state and logs in $dir)"
  state=$(alive "$dir/haproxy.pid" && echo "up" || echo "down")
  say "  HAProxy      http://127.0.0.1:$http_port  (stats http://127.0.0.1:$stats_port/)  $state"
  for n in $(seq 1 "$apis"); do
    local port
    port=$(api_port "$n")
    state=$(ready "$port" && echo "ready" || (alive "$dir/api-$n.pid" && echo "not ready" || echo "down"))
    say "  API $n        http://127.0.0.1:$port  $state  (log $dir/api-$n.log)"
  done
  state=$(pg_isready -q -h 127.0.0.1 -p "$primary_port" && echo "up" || echo "down")
  say "  primary      $primary_url  $state"
  if replica_exists; then
    state=$(psql -wqAt -h 127.0.0.1 -p "$replica_port" -U postgres -d postgres \
      -c "SELECT CASE WHEN pg_is_in_recovery() THEN 'streaming' ELSE 'NOT A REPLICA' END" 2>/dev/null ||
      echo "stopped")
  else
    state="absent"
  fi
  say "  replica      $replica_url  $state  (cluster $pg_version/$replica_cluster)"
  state=$(redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && echo "up" || echo "down")
  say "  Redis        $redis_url  $state"
}

up() {
  mkdir -p "$dir"
  local started=$SECONDS
  primary_up
  replica_up
  redis_start
  # The first instance applies the migrations; the others then start together.
  api_start 1
  local pids=()
  for n in $(seq 2 "$apis"); do
    api_start "$n" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  haproxy_start
  write_env
  status
  say "up in $((SECONDS - started)) s; environment for the soak test: $dir/topology.env"
}

down() {
  haproxy_stop
  for pid_file in "$dir"/api-*.pid; do
    [ -e "$pid_file" ] || continue
    local n=${pid_file##*/api-}
    api_stop "${n%.pid}"
  done
  redis_stop
  if replica_exists; then pg_dropcluster --stop "$pg_version" "$replica_cluster"; fi
  if pg_isready -q -h 127.0.0.1 -p "$primary_port"; then
    PGOPTIONS='-c client_min_messages=warning' dropdb --if-exists --force -h 127.0.0.1 -p "$primary_port" -U postgres "$database"
  fi
  rm -f "$dir/topology.env"
  say "topology down (logs kept in $dir)"
}

case ${1:-status} in
up) up ;;
down) down ;;
status) status ;;
api-kill) api_kill "${2:?which API instance}" ;;
api-start) api_start "${2:?which API instance}" ;;
replica-stop) replica_stop ;;
replica-start) replica_start ;;
redis-stop) redis_stop ;;
redis-start) redis_start ;;
redis-restart)
  redis_stop
  redis_start
  ;;
*)
  say "usage: topology.sh up|down|status|api-kill N|api-start N|replica-stop|replica-start|redis-stop|redis-start|redis-restart" >&2
  exit 64
  ;;
esac
