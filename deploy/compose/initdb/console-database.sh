#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is first initialized: the console's own role and database (its
# sessions, Spring Session JDBC).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=password="$DUIJIE_CONSOLE_DB_PASSWORD" <<'SQL'
create role duijie_console login password :'password';
create database duijie_console owner duijie_console;
SQL
