# shellcheck shell=bash
# The console (the people's web pages): launched from a copy of its jar beside a backend, waited for, stopped; and
# Debian's Chromium, which the browser tests drive. Sourced by duijie.

console_pid() {
  live_pid "$CONSOLE_PID_FILE" "$CONSOLE_MARKER"
}

console_is_up() {
  curl -fsS --max-time 5 "$CONSOLE_URL/actuator/health" 2>/dev/null | grep -q '"status" *: *"UP"'
}

stop_console() {
  stop_process console "$CONSOLE_PID_FILE" "$CONSOLE_MARKER"
}

# The console's settings for one backend and session database, exported into the current shell (call it in a
# subshell): the demo profile's documented client secret and database password apply.
export_console_env() { # backend URL, session database name
  export DUIJIE_BACKEND_URL="$1" \
    DUIJIE_ISSUER_URI="$ISSUER_URI" \
    DUIJIE_CONSOLE_DB_URL="jdbc:postgresql://$DUIJIE_DB_HOST:$DUIJIE_DB_PORT/$2" \
    DUIJIE_CONSOLE_DB_USER="$DUIJIE_DB_USER" \
    DUIJIE_CONSOLE_DB_PASSWORD="$DUIJIE_DB_PASSWORD"
}

# Starts the demo console from its own copy of the built jar (a later build rewrites the built one), with the
# 256 MB heap it is meant to run in: port, backend URL, session database, log, pid file.
start_demo_console() {
  local port=$1 backend_url=$2 database=$3 log=$4 pid_file=$5
  port_is_taken "$port" && die "port $port is taken by another program; stop it or set DUIJIE_CONSOLE_PORT"
  [[ -f $CONSOLE_JAR ]] || die "the build did not produce $CONSOLE_JAR; check the console module's finalName"
  mkdir -p "$(dirname "$DEMO_CONSOLE_JAR")" "$(dirname "$log")" "$(dirname "$pid_file")"
  cp "$CONSOLE_JAR" "$DEMO_CONSOLE_JAR.partial" && mv "$DEMO_CONSOLE_JAR.partial" "$DEMO_CONSOLE_JAR"
  say "starting the console on http://127.0.0.1:$port (log: $log)"
  (
    export_console_env "$backend_url" "$database"
    exec setsid nohup env SPRING_PROFILES_ACTIVE=demo SERVER_PORT="$port" \
      "$JAVA_HOME/bin/java" -Xmx256m -jar "$DEMO_CONSOLE_JAR"
  ) </dev/null >"$log" 2>&1 &
  echo $! >"$pid_file"
}

wait_for_console() {
  local started=$SECONDS
  until console_is_up; do
    local problem=""
    console_pid >/dev/null || problem="exited while starting"
    ((SECONDS - started < 120)) || problem="did not report UP at $CONSOLE_URL/actuator/health within 120 s"
    if [[ -n $problem ]]; then
      show_log_tail "$CONSOLE_LOG"
      stop_console
      die "the console $problem; see the log above ($CONSOLE_LOG)"
    fi
    sleep 2
  done
  say "console is up at $CONSOLE_URL (waited $((SECONDS - started)) s)"
}

# Debian's Chromium and a CJK font for the browser tests and screenshots: browsers cannot be downloaded from
# anywhere else here, and without the font every Chinese character renders as an empty box.
ensure_chromium() {
  if [[ -x $CHROMIUM && -n $(fc-list :lang=zh 2>/dev/null | head -n 1) ]]; then
    return 0
  fi
  command -v apt-get >/dev/null || die "the browser tests need Chromium at $CHROMIUM and a Chinese font; install chromium and fonts-noto-cjk"
  say "installing Debian's chromium and fonts-noto-cjk for the browser tests"
  local sudo=""
  ((EUID == 0)) || sudo=sudo
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }; then
    die "could not install chromium and fonts-noto-cjk with apt-get; install them and run again"
  fi
  [[ -x $CHROMIUM ]] || die "installing chromium did not give $CHROMIUM"
}
