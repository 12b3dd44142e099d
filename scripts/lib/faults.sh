# shellcheck shell=bash
# The fault run (`reliability`): it kills and restarts PostgreSQL, Elasticsearch, Keycloak and the
# backend, so it never uses the shared ones. It re-runs duijie as `faults-run` with its own
# DUIJIE_HOME (own data, logs, pid files and copies of the distributions) and its own ports, and
# with a PostgreSQL cluster of its own, made with initdb, that it may restart at will. Sourced by duijie.

# The newest installed PostgreSQL server binaries (Debian keeps them out of PATH).
postgres_bin_dir() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]] ||
    die "the fault run needs the PostgreSQL server binaries (initdb, pg_ctl); apt-get install -y postgresql"
  echo "$dir"
}

# initdb and pg_ctl refuse to run as root: as root they run as the postgres OS user.
as_postgres_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

own_postgres() { # start|stop|kill
  local bin
  bin=$(postgres_bin_dir)
  case $1 in
    start)
      if [[ ! -f $FAULTS_PG_DATA/PG_VERSION ]]; then
        say "creating a PostgreSQL cluster of its own in $FAULTS_PG_DATA"
        rm -rf "$FAULTS_PG_DATA"
        mkdir -p "$FAULTS_PG_DATA"
        [[ $EUID -eq 0 ]] && chown postgres: "$FAULTS_PG_DATA"
        # loopback only and trust: a throwaway cluster for one run, never the machine's
        as_postgres_owner "$bin/initdb" -D "$FAULTS_PG_DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale \
          >/dev/null || die "initdb failed for $FAULTS_PG_DATA"
      fi
      mkdir -p "$FAULTS_PG_SOCKET_DIR" "$(dirname "$FAULTS_PG_LOG")"
      touch "$FAULTS_PG_LOG"
      [[ $EUID -eq 0 ]] && chown postgres: "$FAULTS_PG_SOCKET_DIR" "$FAULTS_PG_LOG"
      as_postgres_owner "$bin/pg_ctl" -D "$FAULTS_PG_DATA" -l "$FAULTS_PG_LOG" -w -t 60 \
        -o "-p $DUIJIE_DB_PORT -c listen_addresses=127.0.0.1 -k $FAULTS_PG_SOCKET_DIR" start >/dev/null ||
        {
          show_log_tail "$FAULTS_PG_LOG"
          die "could not start the fault run's PostgreSQL on port $DUIJIE_DB_PORT"
        }
      ;;
    stop) as_postgres_owner "$bin/pg_ctl" -D "$FAULTS_PG_DATA" -m fast -w stop >/dev/null 2>&1 || true ;;
    # a crash: no shutdown checkpoint, the next start replays the WAL
    kill) as_postgres_owner "$bin/pg_ctl" -D "$FAULTS_PG_DATA" -m immediate -w stop >/dev/null ;;
  esac
}

# `./duijie service start|stop|kill elasticsearch|keycloak|postgresql`: used by the fault run's harness,
# inside the fault run's environment. It only ever signals processes from this DUIJIE_HOME's pid files.
cmd_service() {
  local action=${1:-} service=${2:-}
  [[ ${DUIJIE_FAULT_RUN:-} == true ]] || die "'service' is for the fault run (./duijie reliability) only"
  pick_jdk
  case $service:$action in
    elasticsearch:start) start_elasticsearch && wait_for_elasticsearch ;;
    elasticsearch:kill)
      local pid
      pid=$(elasticsearch_pid) || die "no Elasticsearch started by this fault run is running"
      kill -KILL "$pid"
      while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
      ;;
    elasticsearch:stop) stop_elasticsearch ;;
    keycloak:start) start_keycloak kept && wait_for_keycloak ;;
    keycloak:stop) stop_keycloak ;;
    postgresql:start | postgresql:stop | postgresql:kill) own_postgres "$action" ;;
    *) die "usage: ./duijie service start|stop|kill elasticsearch|keycloak|postgresql" ;;
  esac
}

# A distribution for the fault run's home: copied from the main DUIJIE_HOME when it is there (no
# download, no unpacking), else fetched as usual. Copied, not linked: Keycloak writes into its own tree.
copy_distribution() { # directory name under dist/, target home
  local source="$DUIJIE_HOME/dist/$1" target="$2/dist/$1"
  [[ -d $target || ! -d $source ]] && return 0
  say "copying $source to $target"
  mkdir -p "$2/dist"
  rm -rf "$target.partial"
  cp -a "$source" "$target.partial"
  rm -rf "$target.partial/data/h2" "$target.partial/data/import"
  mv "$target.partial" "$target"
}

cmd_reliability() {
  local faults_home
  faults_home=$(realpath -m "${DUIJIE_FAULTS_HOME:-$DUIJIE_HOME/faults}")
  [[ $faults_home != "$DUIJIE_HOME" ]] || die "DUIJIE_FAULTS_HOME must differ from DUIJIE_HOME: the fault run needs servers of its own"
  copy_distribution "elasticsearch-$ES_VERSION" "$faults_home"
  copy_distribution "keycloak-$KC_VERSION" "$faults_home"
  local es_port=${DUIJIE_FAULTS_ES_PORT:-29200} kc_port=${DUIJIE_FAULTS_KC_PORT:-28080}
  exec env DUIJIE_FAULT_RUN=true \
    DUIJIE_HOME="$faults_home" \
    DUIJIE_DB_HOST=127.0.0.1 \
    DUIJIE_DB_PORT="${DUIJIE_FAULTS_DB_PORT:-25432}" \
    DUIJIE_DB_ADMIN_USER=postgres \
    DUIJIE_DB_NAME=duijie_faults \
    DUIJIE_ES_PORT="$es_port" DUIJIE_ES_TRANSPORT_PORT=$((es_port + 100)) \
    DUIJIE_KC_PORT="$kc_port" DUIJIE_KC_MANAGEMENT_PORT=$((kc_port + 1)) \
    "$REPO_DIR/duijie" faults-run "$@"
}

finish_fault_run() {
  local status=$? elapsed=$SECONDS
  stop_backend # the harness's backend, if the harness itself was killed
  stop_keycloak
  stop_elasticsearch
  own_postgres stop
  say_how_it_ended "fault run" "$status" "$elapsed"
}

cmd_faults_run() {
  [[ ${DUIJIE_FAULT_RUN:-} == true ]] || die "run the fault run as ./duijie reliability"
  local quick=false
  if [[ ${1:-} == --quick ]]; then
    quick=true
    shift
  fi
  begin_run finish_fault_run
  # leftovers of an interrupted fault run (this home's pid files only), then everything fresh
  stop_backend
  stop_keycloak
  stop_elasticsearch
  own_postgres stop
  rm -rf "$ES_DATA_DIR" "$FAULTS_PG_DATA"
  own_postgres start
  ensure_database_role
  recreate_test_database
  start_search_and_identity_servers
  [[ $STARTED_ELASTICSEARCH == true && $STARTED_KEYCLOAK == true ]] ||
    die "the fault run stops and restarts Elasticsearch and Keycloak, so it must start its own; set DUIJIE_FAULTS_ES_PORT / DUIJIE_FAULTS_KC_PORT to free ports"
  local report="$REPO_DIR/docs/benchmarks/reliability.md"
  [[ $quick == true ]] && report="$REPO_DIR/backend/target/reliability-quick.md"
  say "running the fault harness ($([[ $quick == true ]] && echo quick || echo full); report: $report)"
  local status=0
  (
    export_backend_env "$TEST_DB_NAME" duijie-faults
    exec ./mvnw -B -q -pl backend verify -Dit.test=FaultRun -Dtest=none -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
      -Dduijie.faults.quick="$quick" -Dduijie.faults.report="$report" -Dduijie.faults.script="$REPO_DIR/duijie" \
      -Dduijie.faults.backend-pid-file="$BACKEND_PID_FILE" -Dduijie.faults.log-dir="$DUIJIE_HOME/logs" \
      "$@"
  ) || status=$?
  exit "$status"
}
