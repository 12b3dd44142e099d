# shellcheck shell=bash
# Elasticsearch: fetched, started as a plain process on loopback (as its own system user when run as root),
# waited for and stopped. Sourced by duijie.

fetch_elasticsearch() {
  fetch_distribution "org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" "$ES_HOME"
}

elasticsearch_answers() {
  http_answers "$ES_URL/_cluster/health"
}

elasticsearch_is_healthy() { # yellow or green
  http_answers "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=1s"
}

elasticsearch_pid() {
  live_pid "$ES_PID_FILE" "$ES_HOME"
}

ensure_elasticsearch_user() {
  id -u "$ES_OS_USER" >/dev/null 2>&1 && return 0
  say "creating system user $ES_OS_USER (Elasticsearch refuses to run as root)"
  useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_OS_USER" ||
    die "could not create the system user '$ES_OS_USER'; create it yourself or run duijie as a non-root user"
}

start_elasticsearch() {
  if elasticsearch_answers; then
    say "Elasticsearch is already running at $ES_URL"
    return 0
  fi
  local pid
  if pid=$(elasticsearch_pid); then
    say "Elasticsearch started earlier by duijie (pid $pid) does not answer on $ES_URL yet; waiting for it (if you changed DUIJIE_ES_PORT, run ./duijie down first)"
    return 0
  fi
  local port
  for port in "$DUIJIE_ES_PORT" "$DUIJIE_ES_TRANSPORT_PORT"; do
    port_is_taken "$port" && die "port $port is taken by another program; set DUIJIE_ES_PORT (and DUIJIE_ES_TRANSPORT_PORT)"
  done
  fetch_elasticsearch
  mkdir -p "$ES_DATA_DIR" "$ES_LOG_DIR" "$ES_RUN_DIR"
  rm -f "$ES_PID_FILE"
  local run_as=()
  if [[ $EUID -eq 0 ]]; then
    ensure_elasticsearch_user
    # Elasticsearch writes into its own config dir (keystore) as well as data, logs and pid dirs.
    chown -R "$ES_OS_USER:" "$ES_HOME" "$ES_DATA_DIR" "$ES_LOG_DIR" "$ES_RUN_DIR"
    runuser -u "$ES_OS_USER" -- test -x "$ES_HOME/bin/elasticsearch" ||
      die "user $ES_OS_USER cannot reach $ES_HOME; set DUIJIE_HOME to a directory outside /root (default /var/lib/duijie)"
    run_as=(runuser -u "$ES_OS_USER" --)
  fi
  say "starting Elasticsearch $ES_VERSION on $ES_URL (log: $ES_LOG)"
  # -d daemonizes once the node is up; run the launcher in the background so Keycloak starts
  # meanwhile. setsid detaches it from our terminal and its Ctrl-C.
  (cd "$ES_HOME" && exec setsid "${run_as[@]}" env -u JAVA_HOME \
    ES_JAVA_HOME="$JAVA_HOME" ES_JAVA_OPTS="-Xms1g -Xmx1g" \
    bin/elasticsearch -d -p "$ES_PID_FILE" \
    -E cluster.name=duijie \
    -E node.name=duijie-1 \
    -E network.host=127.0.0.1 \
    -E http.port="$DUIJIE_ES_PORT" \
    -E transport.port="$DUIJIE_ES_TRANSPORT_PORT" \
    -E discovery.type=single-node \
    -E xpack.security.enabled=false \
    -E cluster.routing.allocation.disk.threshold_enabled=false \
    -E path.data="$ES_DATA_DIR" \
    -E path.logs="$ES_LOG_DIR") </dev/null >"$ES_CONSOLE_LOG" 2>&1 &
  ES_LAUNCHER_PID=$!
  ES_LAUNCHED_AT=$SECONDS
  STARTED_ELASTICSEARCH=true
}

# Still starting (our launcher or node is alive), or answering but not yet yellow.
elasticsearch_may_still_come_up() {
  [[ -n $ES_LAUNCHER_PID ]] && kill -0 "$ES_LAUNCHER_PID" 2>/dev/null && return 0
  elasticsearch_pid >/dev/null || elasticsearch_answers
}

wait_for_elasticsearch() {
  local started=${ES_LAUNCHED_AT:-$SECONDS}
  while ! elasticsearch_is_healthy; do
    local problem=""
    elasticsearch_may_still_come_up || problem="exited while starting"
    ((SECONDS - started < 120)) || problem="did not become healthy at $ES_URL within 120 s"
    if [[ -n $problem ]]; then
      show_log_tail "$ES_CONSOLE_LOG"
      show_log_tail "$ES_LOG"
      [[ $STARTED_ELASTICSEARCH == true ]] && stop_elasticsearch
      die "Elasticsearch $problem; see the log above ($ES_LOG)"
    fi
    sleep 2
  done
  [[ $STARTED_ELASTICSEARCH == true ]] && say "Elasticsearch is up at $ES_URL (started in $((SECONDS - started)) s)"
  return 0
}

stop_elasticsearch() {
  stop_process Elasticsearch "$ES_PID_FILE" "$ES_HOME"
  # Stopped before it wrote its pid file (e.g. Ctrl-C while starting): end the launcher's group.
  if [[ -n $ES_LAUNCHER_PID ]] && kill -0 "$ES_LAUNCHER_PID" 2>/dev/null; then
    kill -TERM -- "-$ES_LAUNCHER_PID" 2>/dev/null || true
  fi
}
