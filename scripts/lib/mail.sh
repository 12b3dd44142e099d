# shellcheck shell=bash
# The demo mail server: GreenMail standalone (Maven Central), a real SMTP and IMAP server on loopback that keeps
# every mail it receives and delivers none onward; Keycloak sends its mails (email verification, invitations)
# through it, and its web API shows them. Fetched, started, waited for and stopped. Sourced by duijie.

MAIL_VERSION="${MAIL_VERSION:-2.1.8}"
MAIL_JAR="$DUIJIE_HOME/dist/greenmail-standalone-$MAIL_VERSION.jar"
MAIL_MARKER="greenmail-standalone-$MAIL_VERSION.jar"
MAIL_LOG="$DUIJIE_HOME/logs/mail.log"
MAIL_PID_FILE="$DUIJIE_HOME/run/mail.pid"
MAIL_URL="http://127.0.0.1:$DUIJIE_MAIL_API_PORT"

fetch_mail_server() {
  [[ -f $MAIL_JAR ]] && return 0
  local partial="$MAIL_JAR.partial"
  rm -rf "$partial"
  mkdir -p "$partial"
  copy_maven_artifact "com.icegreen:greenmail-standalone:$MAIL_VERSION:jar" "$partial"
  mv "$partial/greenmail-standalone-$MAIL_VERSION.jar" "$MAIL_JAR"
  rm -rf "$partial"
}

mail_server_answers() {
  http_answers "$MAIL_URL/api/service/readiness"
}

start_mail_server() {
  if mail_server_answers; then
    say "the mail server is already running at $MAIL_URL"
    return 0
  fi
  local port
  for port in "$DUIJIE_MAIL_SMTP_PORT" "$DUIJIE_MAIL_IMAP_PORT" "$DUIJIE_MAIL_API_PORT"; do
    port_is_taken "$port" && die "port $port is taken by another program; set DUIJIE_MAIL_SMTP_PORT, DUIJIE_MAIL_IMAP_PORT and DUIJIE_MAIL_API_PORT"
  done
  fetch_mail_server
  mkdir -p "$(dirname "$MAIL_LOG")" "$(dirname "$MAIL_PID_FILE")"
  say "starting the mail server (GreenMail $MAIL_VERSION): SMTP 127.0.0.1:$DUIJIE_MAIL_SMTP_PORT, mail to read at $MAIL_URL (log: $MAIL_LOG)"
  # any address on any domain is accepted and kept; nobody needs a password to read it (loopback only)
  (exec setsid nohup "$JAVA_HOME/bin/java" -Xmx128m \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$DUIJIE_MAIL_SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$DUIJIE_MAIL_IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$DUIJIE_MAIL_API_PORT" \
    -Dgreenmail.auth.disabled -jar "$MAIL_JAR") </dev/null >"$MAIL_LOG" 2>&1 &
  echo $! >"$MAIL_PID_FILE"
  STARTED_MAIL=true
  local waited=0
  until mail_server_answers; do
    live_pid "$MAIL_PID_FILE" "$MAIL_MARKER" >/dev/null || {
      tail -n 30 "$MAIL_LOG" >&2
      die "the mail server exited while starting; see $MAIL_LOG"
    }
    ((waited++ < 60)) || die "the mail server did not answer on $MAIL_URL within 30 s; see $MAIL_LOG"
    sleep 0.5
  done
  say "the mail server is up at $MAIL_URL"
}

stop_mail_server() {
  stop_process "the mail server" "$MAIL_PID_FILE" "$MAIL_MARKER"
}

# Stops the mail server if this invocation started it (as `test` stops exactly what it started).
stop_mail_server_if_started_here() {
  if [[ $STARTED_MAIL == true ]]; then stop_mail_server; fi
}
