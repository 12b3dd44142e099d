# shellcheck shell=bash
# The console (the people's web pages): launched from a copy of its jar beside a backend, waited for, stopped; and
# Debian's Chromium, which the browser tests drive. Sourced by duijie.

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

# Starts a demo console from its own copy of the built jar (a later build rewrites the built one), with the 256 MB
# heap it is meant to run in: copy, port, backend URL, session database, log, pid file.
start_demo_console() {
  local jar=$1 port=$2 backend_url=$3 database=$4 log=$5 pid_file=$6
  port_is_taken "$port" && die "port $port is taken by another program; stop it or set DUIJIE_CONSOLE_PORT"
  [[ -f $CONSOLE_JAR ]] || die "the build did not produce $CONSOLE_JAR; check the console module's finalName"
  mkdir -p "$(dirname "$jar")" "$(dirname "$log")" "$(dirname "$pid_file")"
  cp "$CONSOLE_JAR" "$jar.partial" && mv "$jar.partial" "$jar"
  say "starting the console on http://127.0.0.1:$port (log: $log)"
  (
    export_console_env "$backend_url" "$database"
    exec setsid nohup env SPRING_PROFILES_ACTIVE=demo SERVER_PORT="$port" \
      "$JAVA_HOME/bin/java" -Xmx256m -jar "$jar"
  ) </dev/null >"$log" 2>&1 &
  echo $! >"$pid_file"
}

# Waits for a console to report UP: its URL, log, pid file and jar (the pid file's marker).
wait_for_console_at() {
  wait_until_up console "$@"
}

start_console() {
  start_demo_console "$DEMO_CONSOLE_JAR" "$DUIJIE_CONSOLE_PORT" "$API_URL" "$CONSOLE_DB_NAME" "$CONSOLE_LOG" "$CONSOLE_PID_FILE"
}

wait_for_console() {
  wait_for_console_at "$CONSOLE_URL" "$CONSOLE_LOG" "$CONSOLE_PID_FILE" "$CONSOLE_MARKER"
}

# What the browser tests, the benchmark and the screenshots need to drive Chromium, exported into the current
# shell (call it in a subshell): Debian's browser, and Playwright told not to download one.
export_browser_env() {
  export DUIJIE_CHROMIUM="$CHROMIUM" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
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
