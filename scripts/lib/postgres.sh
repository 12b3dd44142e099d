# shellcheck shell=bash
# PostgreSQL (shared: started when needed, never stopped by this script). Sourced by duijie.

postgres_is_ready() {
  pg_isready -q -h "$DUIJIE_DB_HOST" -p "$DUIJIE_DB_PORT" >/dev/null 2>&1
}

ensure_postgres_running() {
  postgres_is_ready && return 0
  local install_hint="install PostgreSQL (apt-get install -y postgresql) or point DUIJIE_DB_HOST/PORT at one"
  is_loopback "$DUIJIE_DB_HOST" || die "PostgreSQL at $DUIJIE_DB_HOST:$DUIJIE_DB_PORT does not answer; start it or point DUIJIE_DB_HOST/PORT at one"
  command -v pg_ctlcluster >/dev/null 2>&1 || die "no PostgreSQL answers on $DUIJIE_DB_HOST:$DUIJIE_DB_PORT; $install_hint"
  local cluster
  cluster=$(pg_lsclusters --no-header 2>/dev/null | awk -v port="$DUIJIE_DB_PORT" '$3 == port { print $1, $2; exit }')
  [[ -n $cluster ]] || die "no installed PostgreSQL cluster uses port $DUIJIE_DB_PORT (see pg_lsclusters); $install_hint"
  say "starting PostgreSQL cluster $cluster"
  # shellcheck disable=SC2086 # "$cluster" is "<version> <name>"
  pg_ctlcluster --skip-systemctl-redirect $cluster start ||
    die "could not start PostgreSQL cluster $cluster; run this as root or as the cluster owner, or start it yourself"
  local waited=0
  until postgres_is_ready; do
    ((waited < 30)) || die "PostgreSQL cluster $cluster started but $DUIJIE_DB_HOST:$DUIJIE_DB_PORT does not answer; see /var/log/postgresql/"
    sleep 1
    waited=$((waited + 1))
  done
}

# Runs SQL from stdin as the admin role over TCP. On a fresh Debian install the admin role has
# no password, so as root we fall back to the local socket as the postgres OS user (peer auth).
run_admin_sql() {
  if [[ -z $ADMIN_CONNECTION ]]; then
    if psql -X -w -q -h "$DUIJIE_DB_HOST" -p "$DUIJIE_DB_PORT" -U "$DUIJIE_DB_ADMIN_USER" -d postgres -c 'select 1' >/dev/null 2>&1; then
      ADMIN_CONNECTION=tcp
    elif [[ $EUID -eq 0 ]] && is_loopback "$DUIJIE_DB_HOST" && id postgres >/dev/null 2>&1 &&
      (cd / && runuser -u postgres -- psql -X -w -q -p "$DUIJIE_DB_PORT" -d postgres -c 'select 1') >/dev/null 2>&1; then
      ADMIN_CONNECTION=socket
    else
      die "cannot connect to PostgreSQL at $DUIJIE_DB_HOST:$DUIJIE_DB_PORT as '$DUIJIE_DB_ADMIN_USER'; set DUIJIE_DB_ADMIN_USER (and PGPASSWORD) to a role that may create roles and databases"
    fi
  fi
  local psql_args=(-X -w -q -v ON_ERROR_STOP=1 -d postgres "$@")
  if [[ $ADMIN_CONNECTION == tcp ]]; then
    psql -h "$DUIJIE_DB_HOST" -p "$DUIJIE_DB_PORT" -U "$DUIJIE_DB_ADMIN_USER" "${psql_args[@]}"
  else
    (cd / && runuser -u postgres -- psql -p "$DUIJIE_DB_PORT" "${psql_args[@]}")
  fi
}

ensure_database_role() {
  local sql="SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
              WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \\gexec"
  run_admin_sql -v role="$DUIJIE_DB_USER" -v password="$DUIJIE_DB_PASSWORD" <<<"$sql" ||
    die "could not create the PostgreSQL role '$DUIJIE_DB_USER'; see the error above"
}

ensure_database() { # name
  local sql="SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
              WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \\gexec"
  run_admin_sql -v db="$1" -v role="$DUIJIE_DB_USER" <<<"$sql" ||
    die "could not create the PostgreSQL database '$1'; see the error above"
}

# Tests always start from an empty database; FORCE ends sessions a crashed run left behind.
recreate_test_database() { # [name, default TEST_DB_NAME]
  local db=${1:-$TEST_DB_NAME}
  say "recreating the test database $db"
  local sql="SET client_min_messages TO warning;
             SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \\gexec
             SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') \\gexec"
  run_admin_sql -v db="$db" -v role="$DUIJIE_DB_USER" <<<"$sql" ||
    die "could not recreate the test database '$db'; see the error above"
}
