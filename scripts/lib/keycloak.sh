# shellcheck shell=bash
# Keycloak: fetched, started in dev mode with the duijie realm and the demo users, waited for and stopped.
# Sourced by duijie.

fetch_keycloak() {
  fetch_distribution "org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" "$KC_HOME"
}

keycloak_answers() {
  http_answers "$ISSUER_URI/.well-known/openid-configuration"
}

keycloak_pid() {
  live_pid "$KC_PID_FILE" "$KC_HOME"
}

# The demo and test additions (duijie-web and the test clients, the console's demo secret and loopback
# redirects, a demo machine client) kept apart from the production realm file, which deployments import.
DEMO_OVERLAY_FILE="$(dirname "$REALM_FILE")/demo-overlay.json"

# The realm ./duijie imports: the production realm with the demo overlay merged over it. Top-level settings
# merge key by key; a client named in both is merged key by key (the overlay wins, arrays are replaced); the
# overlay's other clients are added. Nothing may be left for Keycloak's ${ENV} placeholders to fill in.
write_demo_realm() { # target file
  local merged
  merged=$(jq -s '
    .[0] as $realm | (.[1] | del(._comment)) as $overlay
    | [$realm.clients[].clientId] as $ids
    | ($realm * ($overlay | del(.clients)))
    | .clients = ([$realm.clients[] | . as $client
                   | reduce ($overlay.clients[] | select(.clientId == $client.clientId)) as $more ($client; . * $more)]
                  + [$overlay.clients[] | select(.clientId as $id | $ids | index($id) | not)])
  ' "$REALM_FILE" "$DEMO_OVERLAY_FILE") || die "could not merge $DEMO_OVERLAY_FILE over $REALM_FILE (see jq's message above)"
  # shellcheck disable=SC2016 # a literal ${, as Keycloak reads it
  if grep -qF '${DUIJIE_' <<<"$merged"; then
    die "the demo realm still has placeholders after merging $DEMO_OVERLAY_FILE: $(grep -oE '\$\{DUIJIE_[A-Z_]+\}' <<<"$merged" | sort -u | tr '\n' ' ')- give them demo values in the overlay"
  fi
  # the demo mail server's port as this run starts it
  merged=$(jq --arg port "$DUIJIE_MAIL_SMTP_PORT" '.smtpServer.port = $port' <<<"$merged")
  printf '%s\n' "$merged" >"$1"
}

# A fresh dev database on every start, so the realm files in the repository are always what runs.
install_realm_file() {
  local file
  for file in "$REALM_FILE" "$DEMO_OVERLAY_FILE" "$DEMO_USERS_FILE"; do
    [[ -f $file ]] || die "the Keycloak realm file $file is missing; restore it from git"
  done
  require_jq
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
  mkdir -p "$KC_HOME/data/import"
  write_demo_realm "$KC_HOME/data/import/duijie-realm.json"
  # the demo users (documented demo password) come separately, so a real deployment imports the realm alone
  cp "$DEMO_USERS_FILE" "$KC_HOME/data/import/duijie-users-0.json"
}

# realm: fresh (a new dev database, the realm files imported) or kept (a restart: the same database, realm
# and signing keys, as the fault run restarts it).
start_keycloak() {
  local realm=$1
  if keycloak_answers; then
    say "Keycloak is already running at $KC_URL"
    return 0
  fi
  local pid
  if pid=$(keycloak_pid); then
    say "Keycloak started earlier by duijie (pid $pid) does not serve realm duijie on $KC_URL yet; waiting for it (if you changed DUIJIE_KC_PORT, run ./duijie down first)"
    return 0
  fi
  local port
  for port in "$DUIJIE_KC_PORT" "$DUIJIE_KC_MANAGEMENT_PORT"; do
    port_is_taken "$port" && die "port $port is taken by another program (or by a Keycloak without realm duijie); set DUIJIE_KC_PORT (and DUIJIE_KC_MANAGEMENT_PORT)"
  done
  fetch_keycloak
  if [[ $realm == fresh ]]; then install_realm_file; fi
  mkdir -p "$(dirname "$KC_LOG")" "$(dirname "$KC_PID_FILE")"
  say "starting Keycloak $KC_VERSION on $KC_URL (log: $KC_LOG)"
  # setsid gives Keycloak its own process group, so stopping kc.sh also stops its JVM.
  (cd "$KC_HOME" && exec setsid nohup env \
    JAVA_HOME="$JAVA_HOME" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KC_HOME/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 \
    --http-port="$DUIJIE_KC_PORT" \
    --http-management-port="$DUIJIE_KC_MANAGEMENT_PORT" \
    --import-realm) </dev/null >"$KC_LOG" 2>&1 &
  echo $! >"$KC_PID_FILE"
  KC_LAUNCHED_AT=$SECONDS
  STARTED_KEYCLOAK=true
}

wait_for_keycloak() {
  local started=${KC_LAUNCHED_AT:-$SECONDS}
  while ! keycloak_answers; do
    local problem=""
    keycloak_pid >/dev/null || problem="exited while starting"
    ((SECONDS - started < 180)) || problem="did not serve realm duijie at $KC_URL within 180 s"
    if [[ -n $problem ]]; then
      show_log_tail "$KC_LOG"
      [[ $STARTED_KEYCLOAK == true ]] && stop_keycloak
      die "Keycloak $problem; see the log above ($KC_LOG)"
    fi
    sleep 2
  done
  [[ $STARTED_KEYCLOAK == true ]] && say "Keycloak is up at $KC_URL (started in $((SECONDS - started)) s)"
  return 0
}

stop_keycloak() {
  stop_process Keycloak "$KC_PID_FILE" "$KC_HOME"
}

# Both are slow to start: start both, then wait for both. The mail server Keycloak sends through starts first
# (in a second).
start_search_and_identity_servers() {
  local started=$SECONDS
  start_mail_server
  start_keycloak fresh # before Elasticsearch: it fails fast when the realm file is missing
  start_elasticsearch
  wait_for_elasticsearch
  wait_for_keycloak
  say "servers ready after $((SECONDS - started)) s"
}

stop_servers_started_here() {
  if [[ $STARTED_KEYCLOAK == true ]]; then stop_keycloak; fi
  if [[ $STARTED_ELASTICSEARCH == true ]]; then stop_elasticsearch; fi
  stop_mail_server_if_started_here
}
