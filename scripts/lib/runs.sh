# shellcheck shell=bash
# The Maven runs against the servers: `test` (with the whole suite's demo check), `bench` and `load`.
# Sourced by duijie.

start_demo_check() {
  stop_process "demo-check backend" "$DEMO_CHECK_PID_FILE" "$BACKEND_MARKER" # left by an interrupted run
  build_backend
  recreate_test_database "$DEMO_CHECK_DB_NAME"
  delete_test_indices "$DEMO_CHECK_INDEX_PREFIX"
  start_demo_backend "$DEMO_CHECK_JAR" "$DEMO_CHECK_PORT" "$DEMO_CHECK_DB_NAME" "$DEMO_CHECK_INDEX_PREFIX" \
    "$DEMO_CHECK_LOG" "$DEMO_CHECK_PID_FILE"
  wait_for_backend_at "$DEMO_CHECK_URL" "$DEMO_CHECK_LOG" "$DEMO_CHECK_PID_FILE" "$BACKEND_MARKER"
  DEMO_CHECK_BUILT_AT=$(stat -c %Y "$BACKEND_JAR")
}

# The demo backend started before the build still answers: its contract whole, and a demo user's read.
check_demo_still_answers() {
  say "checking that the backend started before the build still answers ($DEMO_CHECK_URL)"
  [[ $(stat -c %Y "$BACKEND_JAR") != "$DEMO_CHECK_BUILT_AT" ]] ||
    warn "the build did not rewrite $BACKEND_JAR, so this check could not have failed"
  curl -fsS --max-time 20 "$DEMO_CHECK_URL/openapi.yaml" | cmp -s - "$REPO_DIR/api-spec/openapi.yaml" || {
    show_log_tail "$DEMO_CHECK_LOG"
    warn "after the build, $DEMO_CHECK_URL/openapi.yaml is no longer the whole contract (see the log above)"
    return 1
  }
  local token status
  token=$(curl -fsS --max-time 20 -d grant_type=password -d client_id="$DEMO_CLIENT" -d username=enterprise \
    -d password="$DEMO_PASSWORD" "$ISSUER_URI/protocol/openid-connect/token" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  status=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    "$DEMO_CHECK_URL/financing-requests")
  [[ $status == 200 ]] || {
    show_log_tail "$DEMO_CHECK_LOG"
    warn "after the build, GET /financing-requests as the demo enterprise answers $status, not 200"
    return 1
  }
  say "the demo backend still answers after the build"
}

finish_test_run() {
  local status=$? elapsed=$SECONDS
  stop_process "demo-check backend" "$DEMO_CHECK_PID_FILE" "$BACKEND_MARKER"
  stop_servers_started_here
  say_how_it_ended tests "$status" "$elapsed"
}

# Tests start from an empty index as they start from an empty database.
delete_test_indices() { # [prefix, default TEST_INDEX_PREFIX]
  local index
  for index in $(curl -fsS "$ES_URL/_cat/indices/${1:-$TEST_INDEX_PREFIX}-*?h=index" 2>/dev/null); do
    curl -fsS -o /dev/null -X DELETE "$ES_URL/$index" || die "could not delete the old test index $index"
  done
}

# The browser tests run in the whole suite, and in any run whose arguments name the console (-pl console).
runs_browser_tests() {
  (($# == 0)) || [[ " $* " == *console* ]]
}

cmd_test() {
  begin_run finish_test_run
  [[ -f $REPO_DIR/pom.xml ]] || die "there is no pom.xml in $REPO_DIR; restore it from git"
  ensure_postgres_running
  ensure_database_role
  recreate_test_database
  start_search_and_identity_servers
  delete_test_indices
  if runs_browser_tests "$@"; then
    ensure_chromium
    recreate_test_database "$BROWSER_TEST_DB_NAME"
    start_demo_check
  fi
  say "running ./mvnw -B verify${*:+ $*}"
  local status=0
  (
    export_backend_env "$TEST_DB_NAME" "$TEST_INDEX_PREFIX"
    # the browser tests' console (in the test JVM) works against the demo-check backend
    export_console_env "$DEMO_CHECK_URL" "$BROWSER_TEST_DB_NAME"
    export_browser_env
    export DUIJIE_BROWSER_TEST_PORT="$BROWSER_TEST_CONSOLE_PORT"
    # the mail Keycloak sent (registration's email verification), read by the browser tests
    export DUIJIE_MAIL_URL="$MAIL_URL"
    exec ./mvnw -B verify "$@"
  ) || status=$?
  if (($# == 0)); then
    check_demo_still_answers || status=1
  fi
  # The whole suite (no arguments, as CI runs it) ends with the quick fault run, on servers of its own.
  if ((status == 0 && $# == 0)) && [[ ${DUIJIE_SKIP_FAULTS:-false} != true ]]; then
    say "running the quick fault run (./duijie reliability --quick)"
    "$REPO_DIR/duijie" reliability --quick || status=$?
  fi
  exit "$status"
}

# The matching benchmark: a throwaway database and index prefix, one run, a report in docs/benchmarks/.
cmd_bench() {
  begin_run finish_test_run
  ensure_postgres_running
  ensure_database_role
  local database="${DUIJIE_DB_NAME}_bench"
  recreate_test_database "$database"
  start_search_and_identity_servers
  say "running the matching benchmark (report: docs/benchmarks/matching.md)"
  local status=0
  (
    export_backend_env "$database" duijie-bench
    exec ./mvnw -B -q -pl backend verify -Dit.test=MatchingBenchmark -Dtest=none -Djacoco.skip=true \
      -Dsurefire.failIfNoSpecifiedTests=false "$@"
  ) || status=$?
  exit "$status"
}

finish_load_run() {
  local status=$? elapsed=$SECONDS
  stop_process "backend under load" "$LOAD_PID_FILE" "$LOAD_JAR"
  stop_servers_started_here
  say_how_it_ended "load run" "$status" "$elapsed" "report: docs/benchmarks/load.md" "backend log: $LOAD_LOG"
}

# The load run (see LOAD_* in duijie): a backend of its own, a seeded county, a few minutes of a realistic mix,
# then the raw work underneath; a report in docs/benchmarks/load.md.
cmd_load() {
  begin_run finish_load_run
  port_is_taken "$LOAD_PORT" && die "port $LOAD_PORT is taken by another program; set DUIJIE_LOAD_PORT"
  ensure_postgres_running
  ensure_database_role
  recreate_test_database "$LOAD_DB_NAME"
  start_search_and_identity_servers
  local index
  for index in $(curl -fsS "$ES_URL/_cat/indices/$LOAD_INDEX_PREFIX-*?h=index" 2>/dev/null); do
    curl -fsS -o /dev/null -X DELETE "$ES_URL/$index" || die "could not delete the old load index $index"
  done
  build_backend
  # a copy: the driver's Maven run below repackages the jar while this one runs
  mkdir -p "$LOAD_DIR"
  cp "$BACKEND_JAR" "$LOAD_JAR"
  local url="http://127.0.0.1:$LOAD_PORT"
  say "starting the backend under load on $url (log: $LOAD_LOG)"
  # The run measures capacity, so a few demo users send far more than a county's per-user budget; the
  # limiter still runs (its cost is in the figures) at budgets nobody reaches.
  export DUIJIE_RATE_LIMIT_PER_SECOND=100000 DUIJIE_RATE_LIMIT_BURST=1000000 \
    DUIJIE_RATE_LIMIT_EXPENSIVE_PER_SECOND=100000 DUIJIE_RATE_LIMIT_EXPENSIVE_BURST=1000000
  launch_backend "$LOAD_JAR" "$LOAD_PORT" "$LOAD_DB_NAME" "$LOAD_INDEX_PREFIX" "$LOAD_LOG" "$LOAD_PID_FILE"
  wait_for_backend_at "$url" "$LOAD_LOG" "$LOAD_PID_FILE" "$LOAD_JAR"
  local pid
  pid=$(live_pid "$LOAD_PID_FILE" "$LOAD_JAR") || die "the backend under load is not running"
  say "running the load (report: docs/benchmarks/load.md)"
  local status=0
  (
    export_backend_env "$LOAD_DB_NAME" "$LOAD_INDEX_PREFIX"
    exec ./mvnw -B -q -pl backend verify -Dit.test=LoadRun -Dtest=none -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
      -Dduijie.load.backend-url="$url" -Dduijie.load.backend-pid="$pid" "$@"
  ) || status=$?
  exit "$status"
}

# The README's screenshots: the browser-test stack (a demo backend, the console in the test JVM), one harness run.
cmd_screenshots() {
  DUIJIE_SKIP_FAULTS=true cmd_test -pl console -Dit.test=ReadmeScreenshots -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dspotless.check.skip=true "$@"
}

finish_console_bench() {
  local status=$? elapsed=$SECONDS
  stop_process "console under benchmark" "$CONSOLE_BENCH_DIR/console.pid" "$CONSOLE_BENCH_DIR/duijie-console.jar"
  stop_process "backend under benchmark" "$CONSOLE_BENCH_DIR/backend.pid" "$CONSOLE_BENCH_DIR/duijie-backend.jar"
  stop_servers_started_here
  say_how_it_ended "console benchmark" "$status" "$elapsed" "report: docs/benchmarks/console.md"
}

# The console benchmark: a demo backend and a console as `up` runs them (copies of the jars, 256 MB heap), with
# Server-Timing on, on ports and databases of their own; Chromium drives the pages.
cmd_bench_console() {
  begin_run finish_console_bench
  ensure_chromium
  ensure_postgres_running
  ensure_database_role
  recreate_test_database "$CONSOLE_BENCH_DB_NAME"
  recreate_test_database "${CONSOLE_BENCH_DB_NAME}_sessions"
  start_search_and_identity_servers
  delete_test_indices "$CONSOLE_BENCH_INDEX_PREFIX"
  build_backend
  local backend_url="http://127.0.0.1:$CONSOLE_BENCH_BACKEND_PORT" console_url="http://127.0.0.1:$CONSOLE_BENCH_CONSOLE_PORT"
  mkdir -p "$CONSOLE_BENCH_DIR"
  # one person loads each page three hundred times in a row, far beyond a person's request budget; the limiter still
  # runs (its cost is in the figures) at budgets nobody reaches
  export DUIJIE_RATE_LIMIT_PER_SECOND=100000 DUIJIE_RATE_LIMIT_BURST=1000000 \
    DUIJIE_RATE_LIMIT_EXPENSIVE_PER_SECOND=100000 DUIJIE_RATE_LIMIT_EXPENSIVE_BURST=1000000
  start_demo_backend "$CONSOLE_BENCH_DIR/duijie-backend.jar" "$CONSOLE_BENCH_BACKEND_PORT" "$CONSOLE_BENCH_DB_NAME" \
    "$CONSOLE_BENCH_INDEX_PREFIX" "$DUIJIE_HOME/logs/backend-console-bench.log" "$CONSOLE_BENCH_DIR/backend.pid"
  wait_for_backend_at "$backend_url" "$DUIJIE_HOME/logs/backend-console-bench.log" "$CONSOLE_BENCH_DIR/backend.pid" \
    "$CONSOLE_BENCH_DIR/duijie-backend.jar"
  DUIJIE_CONSOLE_SERVER_TIMING=true start_demo_console "$CONSOLE_BENCH_DIR/duijie-console.jar" "$CONSOLE_BENCH_CONSOLE_PORT" \
    "$backend_url" "${CONSOLE_BENCH_DB_NAME}_sessions" "$DUIJIE_HOME/logs/console-bench.log" "$CONSOLE_BENCH_DIR/console.pid"
  wait_for_console_at "$console_url" "$DUIJIE_HOME/logs/console-bench.log" "$CONSOLE_BENCH_DIR/console.pid" \
    "$CONSOLE_BENCH_DIR/duijie-console.jar"
  local pid
  pid=$(live_pid "$CONSOLE_BENCH_DIR/console.pid" "$CONSOLE_BENCH_DIR/duijie-console.jar") || die "the console under benchmark is not running"
  say "running the console benchmark (report: docs/benchmarks/console.md)"
  local status=0
  (
    export_browser_env
    export DUIJIE_ISSUER_URI="$ISSUER_URI"
    exec ./mvnw -B -q -pl console verify -Dit.test=ConsoleBenchmark -Dtest=none -Djacoco.skip=true \
      -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
      -Dduijie.bench.console-url="$console_url" -Dduijie.bench.backend-url="$backend_url" \
      -Dduijie.bench.console-pid="$pid" "$@"
  ) || status=$?
  exit "$status"
}
