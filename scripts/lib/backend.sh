# shellcheck shell=bash
# The backend: built, its environment, launched from a copy of the jar and waited for; and `up`.
# Sourced by duijie.

backend_pid() {
  live_pid "$BACKEND_PID_FILE" "$BACKEND_MARKER"
}

backend_is_up() {
  curl -fsS --max-time 5 "$API_URL/actuator/health" 2>/dev/null | grep -q '"status" *: *"UP"'
}

stop_backend() {
  stop_process backend "$BACKEND_PID_FILE" "$BACKEND_MARKER"
}

build_backend() {
  say "building the backend (./mvnw -B -q -DskipTests package)"
  [[ -f $REPO_DIR/pom.xml ]] || die "there is no pom.xml in $REPO_DIR; restore it from git"
  ./mvnw -B -q -DskipTests package || die "the build failed; see the Maven output above"
  [[ -f $BACKEND_JAR ]] || die "the build did not produce $BACKEND_JAR; check the backend module's finalName"
}

# The backend's settings for one database and index prefix on the servers this script runs, exported into the
# current shell: every backend launched here and every Maven run that starts backends (test, bench, load, the
# fault run) takes them from this one place. Call it in a subshell, so they stay there.
export_backend_env() { # database name, index prefix
  export DUIJIE_DB_URL="jdbc:postgresql://$DUIJIE_DB_HOST:$DUIJIE_DB_PORT/$1" \
    DUIJIE_DB_USER="$DUIJIE_DB_USER" \
    DUIJIE_DB_PASSWORD="$DUIJIE_DB_PASSWORD" \
    DUIJIE_ES_URL="$ES_URL" \
    DUIJIE_ISSUER_URI="$ISSUER_URI" \
    DUIJIE_INDEX_PREFIX="$2"
}

# Starts a backend jar in the background with the demo profile (the demo organizations, matching the
# realm's demo users, and requests): jar, port, database name, index prefix, log, pid file.
launch_backend() {
  local jar=$1 port=$2 database=$3 index_prefix=$4 log=$5 pid_file=$6
  mkdir -p "$(dirname "$log")" "$(dirname "$pid_file")"
  # exec, so the pid below is the JVM's (setsid, nohup and env exec in turn) and carries the jar's name
  (
    export_backend_env "$database" "$index_prefix"
    exec setsid nohup env SPRING_PROFILES_ACTIVE=demo SERVER_PORT="$port" "$JAVA_HOME/bin/java" -jar "$jar"
  ) </dev/null >"$log" 2>&1 &
  echo $! >"$pid_file"
}

# The demo backend as `up` starts it, from its own copy of the built jar: copy, port, database name, index
# prefix, log, pid file.
start_demo_backend() {
  local jar=$1 port=$2
  shift 2
  port_is_taken "$port" && die "port $port is taken by another program; stop it or set DUIJIE_PORT"
  mkdir -p "$(dirname "$jar")"
  cp "$BACKEND_JAR" "$jar.partial" && mv "$jar.partial" "$jar"
  say "starting the backend on http://127.0.0.1:$port (log: $3)"
  launch_backend "$jar" "$port" "$@"
}

start_backend() {
  start_demo_backend "$DEMO_JAR" "$DUIJIE_PORT" "$DUIJIE_DB_NAME" "${DUIJIE_INDEX_PREFIX:-duijie}" "$BACKEND_LOG" "$BACKEND_PID_FILE"
}

# Waits for a Spring Boot process to report UP: its name (backend, console), URL, log, pid file and the pid file's
# marker (its jar); when it exits or takes longer than 120 s, shows its log, stops it and gives up.
wait_until_up() {
  local name=$1 url=$2 log=$3 pid_file=$4 jar=$5 started=$SECONDS
  until curl -fsS --max-time 5 "$url/actuator/health" 2>/dev/null | grep -q '"status" *: *"UP"'; do
    local problem=""
    live_pid "$pid_file" "$jar" >/dev/null || problem="exited while starting"
    ((SECONDS - started < 120)) || problem="did not report UP at $url/actuator/health within 120 s"
    if [[ -n $problem ]]; then
      show_log_tail "$log"
      stop_process "$name" "$pid_file" "$jar"
      die "the $name $problem; see the log above ($log)"
    fi
    sleep 2
  done
  say "$name is up at $url (waited $((SECONDS - started)) s)"
}

# Waits for a backend to report UP: its URL, log, pid file and jar (the pid file's marker).
wait_for_backend_at() {
  wait_until_up backend "$@"
}

wait_for_backend() {
  wait_for_backend_at "$API_URL" "$BACKEND_LOG" "$BACKEND_PID_FILE" "$BACKEND_MARKER"
}

print_summary() {
  cat <<EOF

duijie is running. Open the console in a browser and sign in as one of the demo users below:

  console (web pages)  $CONSOLE_URL

  API                  $API_URL
  health               $API_URL/actuator/health
  OpenAPI contract     $API_URL/openapi.yaml
  Keycloak admin       $KC_URL/admin/  (admin / admin)
  Elasticsearch        $ES_URL
  demo mail            $MAIL_URL/  (what Keycloak mailed, e.g. $MAIL_URL/api/user/<address>/messages/)
  PostgreSQL           $DUIJIE_DB_HOST:$DUIJIE_DB_PORT/$DUIJIE_DB_NAME  ($DUIJIE_DB_USER / $DUIJIE_DB_PASSWORD)
  logs                 $DUIJIE_HOME/logs/

Demo logins (password $DEMO_PASSWORD for all; in the console, or for the API with client $DEMO_CLIENT):

  user        who
  ----------  ---------------------------------------------
  regulator   county finance / economy office (regulator)
  bureau      county talent bureau (talent_bureau)
  enterprise  a verified private firm (enterprise)
  newfirm     an enterprise not yet verified (enterprise)
  bank-a      loan officer at bank A (bank)
  bank-b      loan officer at bank B (bank)
  guarantor   a guarantee company (guarantor); guarantor-b, another one
  investor    a returning-hometown investor (investor); investor-b, another group
  talent      an individual talent (talent); also talent-b … talent-f

Get a token (password grant) and call the API:

  TOKEN=\$(curl -fsS -d grant_type=password -d client_id=$DEMO_CLIENT -d username=enterprise -d password=$DEMO_PASSWORD \\
    $ISSUER_URI/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -H "Authorization: Bearer \$TOKEN" $API_URL/financing-requests

Stop everything with: ./duijie down
EOF
}

# ---------------------------------------------------------------------------------------------
# up
# ---------------------------------------------------------------------------------------------
cmd_up() {
  pick_jdk
  check_tools
  # A backend and console from an earlier `up` are replaced, so rerunning `up` picks up new code.
  stop_console
  stop_backend
  build_backend
  ensure_postgres_running
  ensure_database_role
  ensure_database "$DUIJIE_DB_NAME"
  ensure_database "$CONSOLE_DB_NAME"
  start_search_and_identity_servers
  start_backend
  wait_for_backend
  start_console
  wait_for_console
  print_summary
}
